/** Small hand-made graphs shared by the graph-question tests. */
import type { DependencyEdge, ModuleCategory, ModuleGraph } from '../../model';
import { indexEdges } from '../../model';
import { buildGraph } from '../testing/buildGraph';
import type { ModuleSpec } from '../testing/buildGraph';

/** Adds edges buildGraph cannot write (conflicts, libraries) and re-indexes. */
export function withEdges(
  graph: ModuleGraph,
  extra: ReadonlyArray<Pick<DependencyEdge, 'from' | 'to' | 'kind'>>,
): ModuleGraph {
  const edges = [...graph.edges, ...extra.map((e) => ({ ...e, sources: [] }))];
  return { ...graph, edges, ...indexEdges(edges) };
}

/** Sets categories by name prefix, as the real datasets have them. */
export function categorised(graph: ModuleGraph): ModuleGraph {
  const prefixes: Record<string, ModuleCategory> = {
    app: 'apps',
    chan: 'channels',
    func: 'funcs',
    res: 'res',
    codec: 'codecs',
    format: 'formats',
  };
  const modules = Object.fromEntries(
    Object.entries(graph.modules).map(([name, m]) => [
      name,
      { ...m, category: m.kind === 'builtin' ? 'main' : (prefixes[name.split('_')[0] ?? ''] ?? 'other') },
    ]),
  );
  return { ...graph, modules };
}

/** A chain of `n` modules `mod_0 -> mod_1 -> ... -> mod_{n-1}` (each requires the next). */
export function chain(n: number, closed = false): ModuleGraph {
  const specs: Record<string, ModuleSpec> = {};
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `mod_${i + 1}` : closed ? 'mod_0' : undefined;
    specs[`mod_${i}`] = next ? { requires: [next] } : {};
  }
  return buildGraph(specs);
}
