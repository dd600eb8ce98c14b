import { useState } from 'react';
import type { ModuleGraph, Problem } from '../../model';
import {
  selectCanPlan,
  selectPlan,
  selectPlanAttempt,
  selectPlanIsPrevious,
  selectPlanIsStale,
  useExplorer,
} from '../../store';
import { useDelayedFlag } from '../explain/useDelayedFlag';
import { CodeEditor } from '../editor/CodeEditor';
import { NeedsForm } from './NeedsForm';
import { PlanResult, ProblemList } from './PlanResult';
import { RetryNotice, useRerunWhenStale } from './rerun';

/** How long the inputs must stay still before the plan is made again. */

function DialplanFiles() {
  const files = useExplorer((s) => s.dialplanFiles);
  const shown = useExplorer((s) => s.dialplanShown);
  const refused = useExplorer((s) => s.dialplanRefused);
  const open = useExplorer((s) => s.openDialplanFiles);
  const remove = useExplorer((s) => s.removeDialplanFile);
  const show = useExplorer((s) => s.showDialplanFile);

  return (
    <div className="sim-field">
      <div className="sim-field-head">
        <span className="sim-label">Dialplan</span>
        <label className="btn btn-small sim-open sim-push">
          Open dialplan files
          <input
            type="file"
            multiple
            className="visually-hidden"
            aria-label="Open dialplan files"
            onChange={(e) => {
              const list = [...(e.target.files ?? [])];
              e.target.value = '';
              void open(list);
            }}
          />
        </label>
      </div>
      {files.length === 0 ? (
        <p className="dim plan-small">
          Open extensions.conf together with the files it #includes. AEL (extensions.ael) and Lua
          (extensions.lua) dialplans are not supported.
        </p>
      ) : (
        <ul className="plan-files" aria-label="Dialplan files">
          {files.map((f) => (
            <li key={f.name} className={f.name === shown ? 'plan-file-shown' : undefined}>
              <button
                type="button"
                className="linklike mono"
                aria-pressed={f.name === shown}
                aria-label={`Show ${f.name}`}
                onClick={() => show(f.name)}
              >
                {f.name}
              </button>
              <span className="dim plan-small">{f.text.split('\n').length.toLocaleString('en')} lines</span>
              <button
                type="button"
                className="btn btn-small plan-remove"
                aria-label={`Remove ${f.name}`}
                onClick={() => remove(f.name)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <ProblemList label="Files not opened" problems={refused} />
    </div>
  );
}

/** The problems of one file, as the editor underlines them. */
function problemsOf(file: string, problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.file === file);
}

function DialplanEditor() {
  const files = useExplorer((s) => s.dialplanFiles);
  const shown = useExplorer((s) => s.dialplanShown);
  const edit = useExplorer((s) => s.editDialplanFile);
  const attempt = useExplorer(selectPlanAttempt);
  const [pasteRefused, setPasteRefused] = useState<string | undefined>(undefined);
  const file = files.find((f) => f.name === shown);
  if (!file) return null;
  const problems = [
    ...(attempt?.response?.dialplanProblems ?? []),
    ...(attempt?.response?.plan?.warnings ?? []),
  ];
  return (
    <div className="sim-field">
      <CodeEditor
        label={file.name}
        value={file.text}
        onChange={(text) => {
          setPasteRefused(undefined);
          edit(file.name, text);
        }}
        problems={problemsOf(file.name, problems)}
        minLines={8}
        maxHeight="22em"
        onRefusedPaste={setPasteRefused}
      />
      {pasteRefused && (
        <p className="sim-notice sim-notice-rejected" role="alert">
          {pasteRefused}
        </p>
      )}
    </div>
  );
}

/** Plans again once the inputs have been still for a moment (typing in the editor, ticking needs). */
function useReplan(): void {
  const stale = useExplorer(selectPlanIsStale);
  const graph = useExplorer((s) => s.graph);
  const files = useExplorer((s) => s.dialplanFiles);
  const needs = useExplorer((s) => s.planNeeds);
  const against = useExplorer((s) => s.planAgainstCurrent);
  const conf = useExplorer((s) => s.modulesConf);
  const runPlan = useExplorer((s) => s.runPlan);
  useRerunWhenStale(stale, runPlan, [graph, files, needs, against, conf]);
}

export function SlimSection({ graph }: { graph: ModuleGraph }) {
  useReplan();
  const canPlan = useExplorer(selectCanPlan);
  const against = useExplorer((s) => s.planAgainstCurrent);
  const setAgainst = useExplorer((s) => s.setPlanAgainstCurrent);
  const confFile = useExplorer((s) => s.modulesConf.file);
  const running = useDelayedFlag(useExplorer((s) => s.planStatus === 'running'));
  const attempt = useExplorer(selectPlanAttempt);
  const plan = useExplorer(selectPlan);
  const previous = useExplorer(selectPlanIsPrevious);
  const putInSimulate = useExplorer((s) => s.usePlanInSimulate);
  const runPlan = useExplorer((s) => s.runPlan);
  const response = attempt?.response;
  const summary = response?.dialplan;

  return (
    <>
      <div className="sim-section">
        <DialplanFiles />
        <DialplanEditor />
        <NeedsForm graph={graph} />
        <label className="plan-check">
          <input type="checkbox" checked={against} onChange={(e) => setAgainst(e.target.checked)} />
          <span>
            Compare with the current modules.conf{' '}
            <span className="dim">
              (the Simulate tab&apos;s <span className="mono">{confFile}</span>)
            </span>
          </span>
        </label>
      </div>
      {!canPlan ? (
        <p className="dim sim-hint">
          Open a dialplan (or choose needs) to plan a modules.conf for Asterisk {graph.info.version}: only the
          modules it uses, each with why it is there, checked with the loader simulation.
        </p>
      ) : (
        <>
          <div className="plan-status">
            {running && (
              <p className="dim plan-small" role="status">
                Planning for Asterisk {graph.info.version}…
              </p>
            )}
            {summary && (
              <p className="plan-small" aria-label="Dialplan read">
                Read {summary.files.join(', ')}: {summary.contexts} contexts, {summary.priorities} priorities.
              </p>
            )}
            {attempt?.message && <RetryNotice message={attempt.message} retry={runPlan} />}
            {response && !response.plan && (
              <p className="sim-notice sim-notice-rejected" role="alert">
                The dialplan cannot be planned from; see the problems below.
                {plan ? ' The plan shown is the previous one.' : ''}
              </p>
            )}
            <ProblemList label="Dialplan problems" problems={response?.dialplanProblems ?? []} />
            {response && response.currentProblems.length > 0 && (
              <>
                <p className="sim-notice" role="alert">
                  Asterisk would refuse {confFile}, so the plan is compared with autoload = yes instead.
                </p>
                <ProblemList label={`${confFile} problems`} problems={response.currentProblems} />
              </>
            )}
          </div>
          {plan && (
            <div className={previous ? 'plan-previous' : undefined}>
              <PlanResult
                plan={plan}
                currentFile={plan.saving.against === 'current' ? confFile : undefined}
                onUseInSimulate={() => void putInSimulate()}
              />
            </div>
          )}
        </>
      )}
    </>
  );
}
