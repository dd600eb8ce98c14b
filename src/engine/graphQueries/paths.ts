/**
 * Every dependency path between two modules, shortest first: "how does chan_pjsip come to need
 * res_sorcery_config?". Paths are simple (no module twice) and follow edges dependent -> needed.
 */
import type { EdgeKind, ModuleGraph } from '../../model';
import type { Adjacency } from './adjacency';
import { DEFAULT_QUERY_KINDS, adjacency, neighbours } from './adjacency';
import { resolveModule } from './moduleNames';

export interface PathOptions {
  kinds?: readonly EdgeKind[];
  /** Most paths returned; default {@link DEFAULT_PATH_CAP}. */
  cap?: number;
}

export interface PathsResult {
  /**
   * Each path as module names in edge direction (each one needs the next). Forward paths start
   * at `from` and end at `to`; reverse ones start at `to` and end at `from`.
   */
  paths: string[][];
  /** More paths exist than returned (or the search stopped at its step budget). */
  truncated: boolean;
  /** `reverse`: nothing leads from `from` to `to`, but `to` needs `from`. */
  direction: 'forward' | 'reverse' | 'none';
}

export const DEFAULT_PATH_CAP = 20;

/**
 * Neighbours examined before the search gives up and reports `truncated`: all simple paths can
 * be exponentially many, and a question must answer at once even on a 20,000-module graph.
 */
const STEP_BUDGET = 500_000;

export function findPaths(
  graph: ModuleGraph,
  from: string,
  to: string,
  options: PathOptions = {},
): PathsResult {
  const a = resolveModule(graph, from);
  const b = resolveModule(graph, to);
  if (a === undefined || b === undefined) return { paths: [], truncated: false, direction: 'none' };
  const cap = Math.max(1, Math.floor(options.cap ?? DEFAULT_PATH_CAP));
  const adj = adjacency(graph, options.kinds ?? DEFAULT_QUERY_KINDS);
  const ids = adj.nodes.id;
  const named = (found: { paths: number[][]; truncated: boolean }): Omit<PathsResult, 'direction'> => ({
    paths: found.paths.map((p) => p.map((i) => adj.nodes.names[i] ?? '')),
    truncated: found.truncated,
  });
  const forward = simplePaths(ids.get(a) ?? 0, ids.get(b) ?? 0, adj, cap);
  if (forward) return { ...named(forward), direction: 'forward' };
  const reverse = simplePaths(ids.get(b) ?? 0, ids.get(a) ?? 0, adj, cap);
  if (reverse) return { ...named(reverse), direction: 'reverse' };
  return { paths: [], truncated: false, direction: 'none' };
}

/** Steps from each node to `target` along the edges (-1: never gets there). */
function distancesTo(target: number, adj: Adjacency): { dist: Int32Array; reaching: number } {
  const dist = new Int32Array(adj.nodes.names.length).fill(-1);
  dist[target] = 0;
  const queue = [target];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] ?? 0;
    const d = (dist[node] ?? 0) + 1;
    for (const n of neighbours(adj.in, node)) {
      if (dist[n] !== -1) continue;
      dist[n] = d;
      queue.push(n);
    }
  }
  return { dist, reaching: queue.length };
}

/**
 * Simple paths from `source` to `target`, by length then lexicographically, at most `cap`
 * (undefined when there is none). Iterative deepening on the exact length: for each length a
 * depth-first walk in name order yields that length's paths already sorted, and the distance to
 * the target prunes every branch too short to arrive. When no branch was cut for being too
 * short, no longer path exists and the search ends. No recursion: a 5,000-module chain is one
 * 5,000-step path.
 */
function simplePaths(
  source: number,
  target: number,
  adj: Adjacency,
  cap: number,
): { paths: number[][]; truncated: boolean } | undefined {
  const { dist, reaching } = distancesTo(target, adj);
  const shortest = dist[source] ?? -1;
  if (shortest === -1) return undefined;
  if (source === target) return { paths: [[source]], truncated: false };
  const paths: number[][] = [];
  const onPath = new Uint8Array(dist.length);
  let steps = 0;
  // A simple path visits each node that can reach the target at most once.
  for (let length = shortest; length < reaching; length++) {
    let cutShort = false;
    const path = [source];
    const next = [0];
    onPath[source] = 1;
    while (path.length > 0) {
      const depth = path.length - 1;
      const node = path[depth] ?? 0;
      if (depth === length) {
        paths.push([...path]);
        if (paths.length > cap) return { paths: paths.slice(0, cap), truncated: true };
        onPath[node] = 0;
        path.pop();
        next.pop();
        continue;
      }
      const row = neighbours(adj.out, node);
      const left = length - depth - 1;
      let i = next[depth] ?? 0;
      let advanced = false;
      while (i < row.length) {
        const n = row[i++] ?? 0;
        if (++steps > STEP_BUDGET) return { paths, truncated: true };
        const d = dist[n] ?? -1;
        if (d === -1 || onPath[n]) continue;
        // The target can only end a path; anything else must still reach it in the steps left.
        if (n === target ? left !== 0 : d > left) {
          if (n !== target) cutShort = true;
          continue;
        }
        next[depth] = i;
        path.push(n);
        next.push(0);
        onPath[n] = 1;
        advanced = true;
        break;
      }
      if (!advanced) {
        onPath[node] = 0;
        path.pop();
        next.pop();
      }
    }
    if (!cutShort) break;
  }
  return { paths, truncated: false };
}
