import type { ModuleGraph } from '../../model';
import { countModules } from '../../store';
import { describeSourceFully } from './moduleFacts';

function countItems(graph: ModuleGraph, kind: string): number {
  return new Set(graph.items.filter((i) => i.kind === kind).map((i) => i.name.toLowerCase())).size;
}

/** Shown when nothing is selected: what the graph is and where it came from. */
export function DatasetSummary({ graph }: { graph: ModuleGraph }) {
  const counts = countModules(graph);
  const { info } = graph;
  return (
    <section className="inspector" aria-label="Inspector">
      <h2 className="inspector-title">
        {info.version === 'custom' ? 'Your files' : `Asterisk ${info.version}`}
      </h2>
      <p className="dim">Click a node, or find a module by name, to see everything known about it.</p>
      <dl className="facts">
        {info.commit && (
          <>
            <dt>Commit</dt>
            <dd className="mono">{info.commit.slice(0, 12)}</dd>
          </>
        )}
        <dt>Modules</dt>
        <dd>
          {counts.loadable} loadable, {counts.builtin} built-in, {counts.other} other entries
        </dd>
        <dt>Libraries</dt>
        <dd>{Object.keys(graph.libraries).length}</dd>
        <dt>Dependencies</dt>
        <dd>{graph.edges.length} edges</dd>
        <dt>Provides</dt>
        <dd>
          {countItems(graph, 'application')} applications, {countItems(graph, 'function')} functions,{' '}
          {countItems(graph, 'manager')} manager actions, {countItems(graph, 'agi')} AGI commands
        </dd>
        <dt>Link facts</dt>
        <dd>{info.hasLinkFacts ? 'yes (from a real build)' : 'no'}</dd>
        <dt>Sources</dt>
        <dd>
          <ul className="source-list">
            {info.sources.map((s, i) => (
              <li key={i} className="fact-source" title={describeSourceFully(s)}>
                {s.kind}: {s.file}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}
