/**
 * The neighbourhood of one module the graph shows when it is selected: what it needs, what needs
 * it, both, or everything within N steps either way.
 */
import type { EdgeKind, ModuleGraph } from '../../model';
import type { QueryEdge } from './adjacency';
import { DEFAULT_QUERY_KINDS, adjacency, edgesWithin, neighbours } from './adjacency';
import { resolveModule } from './moduleNames';

export type FocusMode = 'dependencies' | 'dependents' | 'both' | 'hops';

export interface FocusOptions {
  mode: FocusMode;
  /** Steps for `hops` (default 1, at least 1); a limit for the transitive modes (undefined: none). */
  depth?: number;
  /** Edge kinds followed; default {@link DEFAULT_QUERY_KINDS}. */
  kinds?: readonly EdgeKind[];
}

export interface FocusResult {
  /** The graph's spelling of the module asked about. */
  center: string;
  /** The center first, then by distance, then by name; empty when the module is unknown. */
  nodes: string[];
  /** Direct dependencies and dependents of the center that are in `nodes`, by name. */
  direct: string[];
  /** Every edge of the chosen kinds between two nodes of the set. */
  edges: QueryEdge[];
  /** Steps from the center along the edges the mode follows. */
  distance: Record<string, number>;
}

type Step = (node: number, visit: (n: number) => void) => void;

/** Breadth-first distances from the center (-1: not reached); `limit` steps at most. */
function reach(count: number, center: number, limit: number, step: Step): Int32Array {
  const distance = new Int32Array(count).fill(-1);
  distance[center] = 0;
  let frontier = [center];
  for (let d = 1; d <= limit && frontier.length > 0; d++) {
    const found: number[] = [];
    const visit = (n: number): void => {
      if (distance[n] !== -1) return;
      distance[n] = d;
      found.push(n);
    };
    for (const node of frontier) step(node, visit);
    frontier = found;
  }
  return distance;
}

export function focusNeighbourhood(graph: ModuleGraph, module: string, options: FocusOptions): FocusResult {
  const center = resolveModule(graph, module);
  if (center === undefined) return { center: module, nodes: [], direct: [], edges: [], distance: {} };
  const kinds = options.kinds ?? DEFAULT_QUERY_KINDS;
  const adj = adjacency(graph, kinds);
  const { names, id } = adj.nodes;
  const count = names.length;
  const c = id.get(center) ?? 0;
  const needs: Step = (n, visit) => neighbours(adj.out, n).forEach(visit);
  const neededBy: Step = (n, visit) => neighbours(adj.in, n).forEach(visit);
  const either: Step = (n, visit) => {
    needs(n, visit);
    neededBy(n, visit);
  };

  let distance: Int32Array;
  if (options.mode === 'hops') {
    distance = reach(count, c, Math.max(1, Math.floor(options.depth ?? 1)), either);
  } else {
    const limit = options.depth === undefined ? Infinity : Math.max(0, Math.floor(options.depth));
    if (options.mode === 'dependencies') distance = reach(count, c, limit, needs);
    else if (options.mode === 'dependents') distance = reach(count, c, limit, neededBy);
    else {
      distance = reach(count, c, limit, needs);
      const up = reach(count, c, limit, neededBy);
      for (let i = 0; i < count; i++) {
        const d = up[i] ?? -1;
        if (d !== -1 && ((distance[i] ?? -1) === -1 || d < (distance[i] ?? 0))) distance[i] = d;
      }
    }
  }

  // Ids are in name order, so a stable sort by distance leaves names sorted within a distance.
  const reached: number[] = [];
  for (let i = 0; i < count; i++) if ((distance[i] ?? -1) !== -1) reached.push(i);
  reached.sort((a, b) => (distance[a] ?? 0) - (distance[b] ?? 0));
  const nodes = reached.map((i) => names[i] ?? '');
  const nodeSet = new Set(nodes);
  const directIds = new Set<number>();
  either(c, (n) => {
    if (n !== c && (distance[n] ?? -1) !== -1) directIds.add(n);
  });
  return {
    center,
    nodes,
    direct: [...directIds].sort((a, b) => a - b).map((i) => names[i] ?? ''),
    edges: edgesWithin(graph, nodeSet, kinds),
    distance: Object.fromEntries(reached.map((i) => [names[i] ?? '', distance[i] ?? 0])),
  };
}
