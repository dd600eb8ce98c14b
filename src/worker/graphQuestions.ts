import type { ModuleGraph } from '../model';
import { findCycles, findPaths, impactOf, resolveModule, suggestModule } from '../engine';
import type { Cycle, ImpactKind, ImpactResult, PathsResult } from '../engine';

/**
 * The graph questions of the Explain tab, delegated to the engine. A name the graph does not know
 * is an error saying so (the engine would answer "no path" or "nothing"), with the nearest real
 * name when there is one.
 */

export class UnknownModuleError extends Error {
  constructor(graph: ModuleGraph, name: string) {
    const near = suggestModule(graph, name);
    const where = graph.info.version === 'custom' ? 'this graph' : `Asterisk ${graph.info.version}`;
    super(`There is no module named '${name.trim()}' in ${where}${near ? `; did you mean ${near}?` : ''}`);
    this.name = 'UnknownModuleError';
  }
}

function known(graph: ModuleGraph, name: string): string {
  const resolved = resolveModule(graph, name);
  if (resolved === undefined) throw new UnknownModuleError(graph, name);
  return resolved;
}

export function pathsBetween(graph: ModuleGraph, from: string, to: string): PathsResult {
  return findPaths(graph, known(graph, from), known(graph, to));
}

export function impactOfModule(graph: ModuleGraph, module: string, as: ImpactKind): ImpactResult {
  return impactOf(graph, known(graph, module), as);
}

export function cyclesOf(graph: ModuleGraph): Cycle[] {
  return findCycles(graph);
}
