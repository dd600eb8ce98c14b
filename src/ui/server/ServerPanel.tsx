import { useMemo, useState } from 'react';
import type { DiagnosedModule, Diagnosis, ElfBuildFacts, LogEvidence } from '../../model';
import { selectServerRun, useExplorer } from '../../store';
import type { ServerFileKind, ServerRun } from '../../store';
import '../simulation/simulation.css';
import './server.css';

const FILES: Array<{ kind: ServerFileKind; label: string; hint: string }> = [
  { kind: 'log', label: 'Open startup log', hint: '/var/log/asterisk/full or console output' },
  { kind: 'moduleShow', label: 'Open module show', hint: "asterisk -rx 'module show'" },
  { kind: 'listing', label: 'Open ls -U', hint: 'ls -U /usr/lib/asterisk/modules' },
  { kind: 'settings', label: 'Open core show settings', hint: "asterisk -rx 'core show settings'" },
];

const CAUSE_WORDS: Record<string, string> = {
  'config-error': 'config error',
  'third-party': 'third-party module',
  'different-build': 'different build',
  'file-missing': 'file missing',
  unexplained: 'unexplained',
};

/** The "Server" tab: what the user's own server says, next to the prediction. */
export function ServerPanel() {
  const graph = useExplorer((s) => s.graph);
  const files = useExplorer((s) => s.serverFiles);
  const setFile = useExplorer((s) => s.setServerFile);
  const expectOwn = useExplorer((s) => s.serverExpectOwnDeclines);
  const setExpectOwn = useExplorer((s) => s.setServerExpectOwnDeclines);
  const run = useExplorer(selectServerRun);
  const status = useExplorer((s) => s.serverStatus);
  const error = useExplorer((s) => s.serverError);
  const confFile = useExplorer((s) => s.modulesConf.file);
  const datasetVersion = useExplorer((s) => s.graph?.info.version);
  const loadBuiltin = useExplorer((s) => s.loadBuiltin);
  const moduleFiles = useExplorer((s) => s.serverModuleFiles);
  const setModuleFiles = useExplorer((s) => s.setServerModuleFiles);
  if (!graph) return <p className="inspector-empty dim">Loading…</p>;

  const suggested = run?.suggestedDataset;
  return (
    <section className="sim server" aria-label="Your server">
      <div className="sim-section">
        <h2 className="sim-heading">Your server</h2>
        <p className="dim server-intro">
          Bring what your Asterisk says about itself; it is compared with the prediction for the Simulate
          tab&apos;s <span className="mono">{confFile}</span>.
        </p>
        <div className="server-files">
          {FILES.map((f) => (
            <div key={f.kind} className="server-file">
              <label className="btn btn-small" title={f.hint}>
                {f.label}
                <input
                  type="file"
                  className="visually-hidden"
                  aria-label={f.label}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (!file) return;
                    void file
                      .arrayBuffer()
                      .then((buffer) =>
                        setFile(f.kind, { name: file.name, content: new Uint8Array(buffer) }),
                      );
                  }}
                />
              </label>
              {files[f.kind] && (
                <>
                  <span className="mono dim server-file-name">{files[f.kind]?.name}</span>
                  <button
                    type="button"
                    className="btn btn-small btn-icon"
                    aria-label={`Remove ${files[f.kind]?.name ?? ''}`}
                    onClick={() => void setFile(f.kind, undefined)}
                  >
                    ×
                  </button>
                </>
              )}
            </div>
          ))}
          <div className="server-file">
            <label
              className="btn btn-small"
              title="the .so files of /usr/lib/asterisk/modules (select them all)"
            >
              Open module files (.so)
              <input
                type="file"
                multiple
                accept=".so"
                className="visually-hidden"
                aria-label="Open module files (.so)"
                onChange={(e) => {
                  const picked = [...(e.target.files ?? [])];
                  e.target.value = '';
                  if (picked.length === 0) return;
                  void Promise.all(
                    picked.map((file) =>
                      file
                        .arrayBuffer()
                        .then((buffer) => ({ name: file.name, content: new Uint8Array(buffer) })),
                    ),
                  ).then((read) => setModuleFiles(read));
                }}
              />
            </label>
            {moduleFiles.length > 0 && (
              <>
                <span className="mono dim server-file-name">
                  {moduleFiles.length === 1 ? moduleFiles[0]?.name : `${moduleFiles.length} module files`}
                </span>
                <button
                  type="button"
                  className="btn btn-small btn-icon"
                  aria-label="Remove the module files"
                  onClick={() => void setModuleFiles([])}
                >
                  ×
                </button>
              </>
            )}
          </div>
        </div>
        <label className="server-expect">
          <input type="checkbox" checked={expectOwn} onChange={(e) => void setExpectOwn(e.target.checked)} />
          Take declines in a module&apos;s own load() as expected (compare only the loader&apos;s behaviour)
        </label>
      </div>

      {status === 'running' && (
        <p className="dim" role="status">
          Comparing…
        </p>
      )}
      {error && (
        <p className="sim-notice sim-notice-rejected" role="alert">
          {error}
        </p>
      )}
      {run && run.version !== undefined && (
        <p className="server-version" aria-label="Server version">
          Your server runs Asterisk <span className="mono">{run.version}</span>
          {datasetVersion !== undefined && <> — the dataset on screen is {datasetVersion}.</>}
          {suggested && suggested.version !== datasetVersion && (
            <>
              {' '}
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void loadBuiltin(suggested.version)}
              >
                Use {suggested.version}
              </button>
            </>
          )}
        </p>
      )}
      {run && run.problems.length > 0 && (
        <ul className="server-problems" aria-label="Problems with the server files">
          {run.problems.map((p, i) => (
            <li key={i} className={`server-problem-${p.severity}`}>
              {p.file}
              {p.line !== undefined ? `:${p.line}` : ''}
              {p.column !== undefined ? `:${p.column}` : ''}: {p.message}
            </li>
          ))}
        </ul>
      )}
      {run?.build && <BuildView build={run.build} />}
      {run?.calibration && <CalibrationOffer calibration={run.calibration} />}
      {run?.diagnosis && <DiagnosisView diagnosis={run.diagnosis} />}
      {!run?.diagnosis && status === 'idle' && (
        <p className="dim">Open a startup log or a module show output to compare.</p>
      )}
    </section>
  );
}

/** Offers module show's states and use counts to the Simulate tab's run-time predictions. */
function CalibrationOffer({ calibration }: { calibration: NonNullable<ServerRun['calibration']> }) {
  const use = useExplorer((s) => s.useServerCalibration);
  const inUse = useExplorer((s) => s.heldReferences);
  const held = Object.entries(calibration.heldReferences);
  const faults = Object.keys(calibration.faults).length;
  const applied = held.length > 0 && held.every(([m, n]) => inUse[m] === n);
  return (
    <section className="sim-section" aria-label="Calibration">
      <p>
        module show: {faults} {faults === 1 ? 'module' : 'modules'} the simulation starts but the server does
        not run
        {held.length > 0 ? (
          <>
            ; the server holds references the simulation does not explain (calls in progress, observers) on{' '}
            <span className="mono">{held.map(([m, n]) => `${m} +${n}`).join(', ')}</span>
          </>
        ) : (
          '; every use count it shows is explained'
        )}
        .
      </p>
      <button type="button" className="btn btn-small" onClick={() => void use()} disabled={applied}>
        {applied ? 'Used in Simulate' : 'Use in Simulate (states and use counts)'}
      </button>
    </section>
  );
}

/** What the module files say about the build: links and registrations, against the dataset. */
function BuildView({ build }: { build: ElfBuildFacts }) {
  const inspect = useExplorer((s) => s.inspectModule);
  const unknown = build.modules.filter((m) => m.unknownToDataset);
  const differing = build.modules.filter((m) => build.differing.includes(m.module));
  const registering = build.modules.filter((m) => m.registrations.length > 0);
  const linking = build.modules.filter((m) => m.links.length > 0);
  return (
    <section className="sim-section" aria-label="Build">
      <h3 className="sim-heading">Build, from {build.modules.length} module files</h3>
      <p
        role="status"
        aria-label="Build verdict"
        className={differing.length > 0 ? 'server-differ' : 'server-agree'}
      >
        {differing.length === 0
          ? `Link facts agree with the dataset for every module compared (${linking.length} link against another module).`
          : `${differing.length} ${differing.length === 1 ? 'module links' : 'modules link'} differently from the dataset: the prediction below uses this build's links.`}
        {unknown.length > 0 &&
          ` ${unknown.length} ${unknown.length === 1 ? 'file is' : 'files are'} unknown to the dataset.`}
      </p>
      {differing.length > 0 && (
        <table className="server-table" aria-label="Links that differ">
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">Only in this build</th>
              <th scope="col">Only in the dataset</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((m) => (
              <tr key={m.module}>
                <th scope="row">
                  <button type="button" className="linklike mono" onClick={() => inspect(m.module)}>
                    {m.module}
                  </button>
                </th>
                <td className="mono">
                  {m.links
                    .filter((l) => m.linksOnlyInBuild.includes(l.module))
                    .map((l) => `${l.module} (${l.symbols.join(', ')})`)
                    .join('; ')}
                </td>
                <td className="mono">{m.linksOnlyInDataset.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="server-limits">
        <summary>Every module file ({build.modules.length})</summary>
        <ul className="server-build-list">
          {build.modules.map((m) => (
            <li key={m.module}>
              <span className="mono">{m.file}</span>
              {m.unknownToDataset ? ' (not in the dataset)' : ''}
              {m.links.length > 0 && <> · links against {m.links.map((l) => l.module).join(', ')}</>}
              {m.registrations.length > 0 && <> · registers: {m.registrations.join(', ')}</>}
              {m.needed.length > 0 && <span className="dim"> · needs {m.needed.join(', ')}</span>}
            </li>
          ))}
        </ul>
      </details>
      {registering.length > 0 && (
        <p className="dim">
          {registering.length} {registering.length === 1 ? 'module imports' : 'modules import'} a registration
          function that takes a run-time reference; where the dataset has no references read from a
          module&apos;s source, the prediction takes these.
        </p>
      )}
    </section>
  );
}

function Verdict({ d }: { d: Diagnosis }) {
  const orderDiffers = d.startOrder && !d.startOrder.agrees;
  if (d.disagreements.length === 0 && !orderDiffers)
    return (
      <p className="server-verdict server-agree" role="status" aria-label="Verdict">
        Agreement: the log and the prediction agree on all {d.counts.compared} modules
        {d.startOrder ? ', and on the start order' : ''}.
      </p>
    );
  return (
    <p className="server-verdict server-differ" role="status" aria-label="Verdict">
      {d.disagreements.length} {d.disagreements.length === 1 ? 'module differs' : 'modules differ'} from the
      prediction ({d.counts.agree} of {d.counts.compared} agree)
      {orderDiffers
        ? `; the start order differs at position ${(d.startOrder?.firstDifference?.index ?? 0) + 1} (${d.startOrder?.firstDifference?.real ?? ''} started where ${d.startOrder?.firstDifference?.predicted ?? ''} was predicted)`
        : ''}
      .
    </p>
  );
}

function DiagnosisView({ diagnosis: d }: { diagnosis: Diagnosis }) {
  const [showAll, setShowAll] = useState(false);
  const inspect = useExplorer((s) => s.inspectModule);
  const whyOf = useMemo(() => new Map(d.disagreements.map((x) => [x.module, x])), [d]);
  const rows = useMemo(() => {
    const all = Object.values(d.modules).filter((m) => m.real !== 'unknown');
    const differing = all.filter((m) => !m.agrees);
    const shown = showAll ? [...differing, ...all.filter((m) => m.agrees)] : differing;
    return shown;
  }, [d, showAll]);

  return (
    <div className="sim-section">
      <Verdict d={d} />
      <p className="dim server-counts">
        The log: {d.started.length} started, {d.declined.length} declined or failed, {d.notLoaded.length} not
        loaded
        {d.startupFailed ? '; startup failed' : ''}. On the graph, each module is filled with what really
        happened and ringed <span className="server-ring-key">pink</span> where the prediction differs.
      </p>
      {d.limits.length > 0 && (
        <details className="server-limits">
          <summary>What this input cannot show ({d.limits.length})</summary>
          <ul>
            {d.limits.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </details>
      )}
      <label className="server-show-all">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
        Show agreeing modules too
      </label>
      {rows.length > 0 && (
        <table className="server-table" aria-label="Log and prediction">
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">Log</th>
              <th scope="col">Predicted</th>
              <th scope="col">Cause and evidence</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <Row
                key={m.name}
                m={m}
                why={whyOf.get(m.name)?.why}
                cause={whyOf.get(m.name)?.cause}
                onInspect={inspect}
              />
            ))}
          </tbody>
        </table>
      )}
      {rows.length === 0 && <p className="dim">No module differs.</p>}
    </div>
  );
}

function Row({
  m,
  why,
  cause,
  onInspect,
}: {
  m: DiagnosedModule;
  why: string | undefined;
  cause: string | undefined;
  onInspect: (name: string) => void;
}) {
  // The module's own complaints; the loader's lines about it say no more than the Log column.
  const evidence = m.evidence.filter(
    (e) => (e.level === 'WARNING' || e.level === 'ERROR' || e.level === 'NOTICE') && e.source !== 'loader.c',
  );
  return (
    <tr className={m.agrees ? 'server-row-agree' : 'server-row-differ'}>
      <th scope="row">
        <button type="button" className="linklike mono" onClick={() => onInspect(m.name)}>
          {m.name}
        </button>
      </th>
      <td className={`sim-${m.real}`}>{m.real}</td>
      <td className={`sim-${m.predicted}`}>{m.predicted}</td>
      <td>
        {cause ? (
          <strong>{CAUSE_WORDS[cause] ?? cause}</strong>
        ) : m.realCause ? (
          <span className="dim">{m.realCause}</span>
        ) : (
          ''
        )}
        {why && <div className="server-why">{why}</div>}
        <EvidenceList lines={evidence} />
      </td>
    </tr>
  );
}

function EvidenceList({ lines }: { lines: readonly LogEvidence[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="server-evidence">
      {lines.map((e) => (
        <li key={e.line} className="mono">
          <span className="dim">line {e.line}</span> {e.source}: {messageOf(e.text)}
        </li>
      ))}
    </ul>
  );
}

function messageOf(text: string): string {
  const m =
    /^(?:\[[^\]]*\]\s*)?(?:[A-Z]+\[\d+\](?:\[[^\]]*\])?:?\s+)?(?:[\w./-]+(?::\d+)?(?:\s+\w+)?:\s)?(.*)$/.exec(
      text,
    );
  return m?.[1] ?? text;
}
