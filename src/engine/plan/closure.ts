/**
 * What a module needs loaded for the loader to start it: its `requires` (the loader declines it
 * otherwise) and, in a build with link facts, the global-symbol modules its `.so` links against
 * (it cannot even be opened otherwise). Built-ins are always there.
 */
import type { ModuleGraph } from '../../model';
import { edgesFrom } from '../../model';

export function dependencyTargets(graph: ModuleGraph, module: string): string[] {
  const out: string[] = [];
  for (const e of edgesFrom(graph, module)) {
    if (e.kind !== 'requires' && !(e.kind === 'links' && graph.info.hasLinkFacts)) continue;
    const info = graph.modules[e.to];
    if (info?.kind === 'builtin') continue;
    if (!out.includes(e.to)) out.push(e.to);
  }
  return out;
}

/** Modules that enhance a module (started with it, e.g. res_fax_spandsp gives res_fax a fax technology). */
export function enhancersOf(graph: ModuleGraph, module: string): string[] {
  return (graph.incoming[module] ?? [])
    .map((i) => graph.edges[i])
    .filter((e) => e?.kind === 'enhances' && graph.modules[e.from]?.kind === 'loadable')
    .map((e) => e?.from ?? '');
}
