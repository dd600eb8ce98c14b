/**
 * Questions the UI asks about the graph: what a module needs and what needs it, directly or not.
 * Why a module started or did not is explained in explain/whyChains.ts.
 */
import type { EdgeKind, ModuleGraph } from '../model';
import { edgesFrom, edgesTo } from '../model';
import { resolveModule } from './graphQueries/moduleNames';

/** The edge kinds the running loader acts on. */
export const RUNTIME_EDGE_KINDS: readonly EdgeKind[] = ['requires', 'optional', 'enhances'];

export interface Dependency {
  module: string;
  kind: EdgeKind;
}

function resolveName(graph: ModuleGraph, name: string): string {
  return resolveModule(graph, name) ?? name;
}

/** Direct dependencies of a module, in declaration order. */
export function dependenciesOf(
  graph: ModuleGraph,
  name: string,
  kinds: readonly EdgeKind[] = RUNTIME_EDGE_KINDS,
): Dependency[] {
  return edgesFrom(graph, resolveName(graph, name))
    .filter((e) => kinds.includes(e.kind))
    .map((e) => ({ module: e.to, kind: e.kind }));
}

/** Modules that depend directly on a module. */
export function dependentsOf(
  graph: ModuleGraph,
  name: string,
  kinds: readonly EdgeKind[] = RUNTIME_EDGE_KINDS,
): Dependency[] {
  return edgesTo(graph, resolveName(graph, name))
    .filter((e) => kinds.includes(e.kind))
    .map((e) => ({ module: e.from, kind: e.kind }));
}

function closure(
  graph: ModuleGraph,
  name: string,
  kinds: readonly EdgeKind[],
  step: (graph: ModuleGraph, name: string, kinds: readonly EdgeKind[]) => Dependency[],
): string[] {
  const start = resolveName(graph, name);
  const seen = new Set<string>([start]);
  const order: string[] = [];
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const d of step(graph, queue[i] ?? '', kinds)) {
      if (seen.has(d.module)) continue;
      seen.add(d.module);
      order.push(d.module);
      queue.push(d.module);
    }
  }
  return order;
}

/** Everything a module needs, directly or not, nearest first. */
export function transitiveDependencies(
  graph: ModuleGraph,
  name: string,
  kinds: readonly EdgeKind[] = RUNTIME_EDGE_KINDS,
): string[] {
  return closure(graph, name, kinds, dependenciesOf);
}

/** Everything that needs a module, directly or not, nearest first. */
export function transitiveDependents(
  graph: ModuleGraph,
  name: string,
  kinds: readonly EdgeKind[] = RUNTIME_EDGE_KINDS,
): string[] {
  return closure(graph, name, kinds, dependentsOf);
}
