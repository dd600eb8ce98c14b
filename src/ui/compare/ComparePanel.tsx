import { useEffect, useId } from 'react';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectBuiltinVersions, selectCompareVersions, useExplorer } from '../../store';
import type { VersionDiff } from '../../worker';
import { useDelayedFlag } from '../explain/useDelayedFlag';
import { ASPECT_LABELS, groupChanges } from './changeGroups';
import './compare.css';

/** A module name: a button that selects it when the graph on screen has it, plain text otherwise. */
function ModuleName({ name }: { name: string }) {
  const present = useExplorer((s) => s.graph?.modules[name] !== undefined);
  const select = useExplorer((s) => s.selectModuleInPlace);
  if (!present)
    return (
      <span className="mono compare-absent" title="Not in the graph on screen">
        {name}
      </span>
    );
  return (
    <button type="button" className="linklike" onClick={() => select(name)}>
      {name}
    </button>
  );
}

function Group({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const id = useId();
  return (
    <section className="compare-group" aria-labelledby={id}>
      <h3 id={id} className="compare-heading">
        {title} <span className="dim">({count.toLocaleString('en')})</span>
      </h3>
      {count === 0 ? <p className="dim compare-none">None.</p> : children}
    </section>
  );
}

function NameList({ label, names }: { label: string; names: readonly string[] }) {
  return (
    <ul className="compare-names" aria-label={label}>
      {names.map((n) => (
        <li key={n}>
          <ModuleName name={n} />
        </li>
      ))}
    </ul>
  );
}

function isEmptyDiff(diff: VersionDiff): boolean {
  return diff.added.length + diff.removed.length + diff.renamed.length + diff.changed.length === 0;
}

function describeDiff(diff: VersionDiff): string {
  const changedModules = new Set(diff.changed.map((c) => c.module)).size;
  return (
    `${diff.from} → ${diff.to}: ${diff.added.length} added, ${diff.removed.length} removed, ` +
    `${diff.renamed.length} renamed-looking, ${changedModules} changed`
  );
}

function DiffLists({ diff }: { diff: VersionDiff }) {
  const groups = groupChanges(diff.changed);
  return (
    <>
      <Group title="Added" count={diff.added.length}>
        <NameList label="Added" names={diff.added} />
      </Group>
      <Group title="Removed" count={diff.removed.length}>
        <NameList label="Removed" names={diff.removed} />
      </Group>
      <Group title="Renamed-looking" count={diff.renamed.length}>
        <ul className="compare-renamed" aria-label="Renamed-looking">
          {diff.renamed.map((r) => (
            <li key={`${r.from}>${r.to}`}>
              <ModuleName name={r.from} /> <span aria-hidden="true">→</span>
              <span className="visually-hidden"> became </span> <ModuleName name={r.to} />
              <span className="dim compare-why">{r.why}</span>
            </li>
          ))}
        </ul>
      </Group>
      <Group title="Changed" count={new Set(diff.changed.map((c) => c.module)).size}>
        {groups.map((g) => (
          <details key={g.aspect} className="compare-aspect" open={g.changes.length <= 40}>
            <summary>
              {ASPECT_LABELS[g.aspect]} <span className="dim">({g.changes.length.toLocaleString('en')})</span>
            </summary>
            <ul className="compare-changes" aria-label={`Changed ${ASPECT_LABELS[g.aspect].toLowerCase()}`}>
              {g.changes.map((c, i) => (
                <li key={`${c.module}:${i}`}>
                  <ModuleName name={c.module} />
                  <span className="compare-what">{c.what}</span>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </Group>
    </>
  );
}

/** The "Compare" tab: two built-in versions, what changed between them, and an overlay on the graph. */
interface VersionSelectProps {
  label: string;
  versions: readonly string[];
  value: string;
  onChange(version: string): void;
}

function VersionSelect({ label, versions, value, onChange }: VersionSelectProps) {
  const id = useId();
  return (
    <div className="explain-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {versions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ComparePanel() {
  const versions = useExplorer(useShallow(selectBuiltinVersions));
  const from = useExplorer((s) => selectCompareVersions(s)?.from);
  const to = useExplorer((s) => selectCompareVersions(s)?.to);
  const compare = useExplorer((s) => s.compare);
  const onGraph = useExplorer((s) => s.compareOnGraph);
  const loadingTo = useExplorer((s) => (s.loading?.kind === 'builtin' ? s.loading.version : undefined));
  const compareVersions = useExplorer((s) => s.compareVersions);
  const setOnGraph = useExplorer((s) => s.setCompareOnGraph);
  const pending = useDelayedFlag(compare?.status === 'pending');
  const same = from !== undefined && from === to;

  useEffect(() => {
    if (from === undefined || to === undefined || from === to) return;
    // A failed comparison is not asked again on its own (Retry does): no loop of failures.
    if (compare?.query.from === from && compare.query.to === to) return;
    void compareVersions(from, to);
  }, [from, to, compare, compareVersions]);

  if (from === undefined || to === undefined)
    return <p className="inspector-empty dim">Loading the list of versions…</p>;
  const chosen = { from, to };
  const newestFirst = [...versions].reverse();
  const current = compare?.query.from === from && compare?.query.to === to ? compare : undefined;

  return (
    <div className="compare" role="region" aria-label="Compare versions">
      <div className="compare-controls">
        <VersionSelect
          label="From version"
          versions={newestFirst}
          value={chosen.from}
          onChange={(v) => void compareVersions(v, chosen.to)}
        />
        <VersionSelect
          label="To version"
          versions={newestFirst}
          value={chosen.to}
          onChange={(v) => void compareVersions(chosen.from, v)}
        />
        <label className="compare-check">
          <input
            type="checkbox"
            checked={onGraph}
            disabled={same || current?.status !== 'done'}
            onChange={(e) => void setOnGraph(e.target.checked)}
          />
          Show on graph
        </label>
        {onGraph && loadingTo === chosen.to && (
          <span className="dim" role="status">
            Loading Asterisk {chosen.to}…
          </span>
        )}
      </div>
      {same && <p className="dim compare-hint">Pick two different versions to compare.</p>}
      {pending && (
        <p className="dim compare-hint" role="status">
          Comparing Asterisk {chosen.from} with {chosen.to}…
        </p>
      )}
      {current?.status === 'failed' && (
        <div className="compare-hint">
          <p className="explain-error" role="alert">
            {current.message}
          </p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void compareVersions(chosen.from, chosen.to)}
          >
            Retry
          </button>
        </div>
      )}
      {current?.status === 'done' && (
        <>
          <p className="compare-summary" role="status" aria-label="Comparison">
            {describeDiff(current.answer)}
          </p>
          {isEmptyDiff(current.answer) ? (
            <p className="dim compare-hint">
              Asterisk {current.answer.from} and {current.answer.to} have the same modules with the same
              dependencies, priorities, support levels and deprecations.
            </p>
          ) : (
            <DiffLists diff={current.answer} />
          )}
        </>
      )}
    </div>
  );
}
