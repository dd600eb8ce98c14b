/**
 * The module-to-module edges a graph question follows, as neighbour lists built once per
 * question: the kinds asked for, parallel edges of different kinds folded into one neighbour.
 */
import type { DependencyEdge, EdgeKind, ModuleGraph } from '../../model';
import { EDGE_KINDS } from '../../model';

/**
 * Kinds a dependency question follows unless told otherwise: everything between modules except
 * `conflicts` (not a need) and `uses-library` (leads to libraries, not modules).
 */
export const DEFAULT_QUERY_KINDS: readonly EdgeKind[] = [
  'depends',
  'requires',
  'optional',
  'enhances',
  'links',
];

export interface QueryEdge {
  from: string;
  to: string;
  kind: EdgeKind;
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_RANK = new Map(EDGE_KINDS.map((k, i) => [k, i]));

export function compareEdges(a: QueryEdge, b: QueryEdge): number {
  return (
    compareNames(a.from, b.from) ||
    compareNames(a.to, b.to) ||
    (KIND_RANK.get(a.kind) ?? 0) - (KIND_RANK.get(b.kind) ?? 0)
  );
}

/** Every node a question can reach (modules, libraries, dangling edge ends), ids in name order. */
export interface NodeIndex {
  names: readonly string[];
  id: ReadonlyMap<string, number>;
}

/** Neighbour lists in compressed rows: node i's neighbours are `list[start[i]] .. list[start[i + 1] - 1]`. */
export interface Rows {
  start: Int32Array;
  list: Int32Array;
}

/**
 * What each node needs (`out`) and what needs it (`in`), each neighbour once, in name order
 * (ids follow name order, so sorting ids sorts names). Dense integer rows keep a question on a
 * 20,000-module graph to a few milliseconds.
 */
export interface Adjacency {
  nodes: NodeIndex;
  out: Rows;
  in: Rows;
}

const nodeIndexes = new WeakMap<ModuleGraph, NodeIndex>();
const adjacencies = new WeakMap<ModuleGraph, Map<string, Adjacency>>();

export function nodeIndex(graph: ModuleGraph): NodeIndex {
  let index = nodeIndexes.get(graph);
  if (!index) {
    const all = new Set([...Object.keys(graph.modules), ...Object.keys(graph.libraries)]);
    for (const e of graph.edges) {
      all.add(e.from);
      all.add(e.to);
    }
    // The default sort compares UTF-16 code units, as compareNames does, and is faster.
    const names = [...all].sort();
    index = { names, id: new Map(names.map((n, i) => [n, i])) };
    nodeIndexes.set(graph, index);
  }
  return index;
}

function rows(count: number, pairs: Int32Array, pairCount: number, side: 0 | 1): Rows {
  const degree = new Int32Array(count + 1);
  for (let p = 0; p < pairCount; p++) {
    const at = (pairs[2 * p + side] ?? 0) + 1;
    degree[at] = (degree[at] ?? 0) + 1;
  }
  for (let i = 0; i < count; i++) degree[i + 1] = (degree[i + 1] ?? 0) + (degree[i] ?? 0);
  const fill = degree.slice(0, count);
  const raw = new Int32Array(pairCount);
  for (let p = 0; p < pairCount; p++) {
    const at = pairs[2 * p + side] ?? 0;
    const slot = fill[at] ?? 0;
    fill[at] = slot + 1;
    raw[slot] = pairs[2 * p + 1 - side] ?? 0;
  }
  // Sort each row and drop parallel edges (a module often both <depend>s on and requires another).
  const start = new Int32Array(count + 1);
  const list = new Int32Array(pairCount);
  let w = 0;
  for (let i = 0; i < count; i++) {
    start[i] = w;
    const row = raw.subarray(degree[i] ?? 0, degree[i + 1] ?? 0).sort();
    for (let r = 0; r < row.length; r++) {
      const v = row[r] ?? 0;
      if (w === start[i] || list[w - 1] !== v) list[w++] = v;
    }
  }
  start[count] = w;
  return { start, list: list.slice(0, w) };
}

/** Neighbour rows for the given edge kinds, built once per graph and set of kinds. */
export function adjacency(graph: ModuleGraph, kinds: readonly EdgeKind[]): Adjacency {
  const key = EDGE_KINDS.filter((k) => kinds.includes(k)).join(',');
  let byKinds = adjacencies.get(graph);
  if (!byKinds) {
    byKinds = new Map();
    adjacencies.set(graph, byKinds);
  }
  const cached = byKinds.get(key);
  if (cached) return cached;
  const nodes = nodeIndex(graph);
  const wanted = new Set(kinds);
  const pairs = new Int32Array(graph.edges.length * 2);
  let n = 0;
  for (const e of graph.edges) {
    if (!wanted.has(e.kind)) continue;
    pairs[2 * n] = nodes.id.get(e.from) ?? 0;
    pairs[2 * n + 1] = nodes.id.get(e.to) ?? 0;
    n++;
  }
  const count = nodes.names.length;
  const result = { nodes, out: rows(count, pairs, n, 0), in: rows(count, pairs, n, 1) };
  byKinds.set(key, result);
  return result;
}

/** The neighbours of `node` in name order: a view into the rows, not a copy. */
export function neighbours(rowsOf: Rows, node: number): Int32Array {
  return rowsOf.list.subarray(rowsOf.start[node] ?? 0, rowsOf.start[node + 1] ?? 0);
}

/**
 * Every edge of the given kinds with both ends in `nodes`, each (from, to, kind) once, sorted by
 * from, to, then kind in EDGE_KINDS order.
 */
export function edgesWithin(
  graph: ModuleGraph,
  nodes: ReadonlySet<string>,
  kinds: readonly EdgeKind[],
): QueryEdge[] {
  const wanted = new Set(kinds);
  const seen = new Set<string>();
  const result: QueryEdge[] = [];
  for (const name of nodes) {
    for (const i of graph.outgoing[name] ?? []) {
      const e: DependencyEdge | undefined = graph.edges[i];
      if (!e || !wanted.has(e.kind) || !nodes.has(e.to)) continue;
      const id = `${e.from}\n${e.to}\n${e.kind}`;
      if (seen.has(id)) continue;
      seen.add(id);
      result.push({ from: e.from, to: e.to, kind: e.kind });
    }
  }
  return result.sort(compareEdges);
}

/** The kinds of the edges from one node to another, in EDGE_KINDS order. */
export function kindsBetween(
  graph: ModuleGraph,
  from: string,
  to: string,
  kinds: readonly EdgeKind[] = EDGE_KINDS,
): EdgeKind[] {
  const found = new Set<EdgeKind>();
  for (const i of graph.outgoing[from] ?? []) {
    const e = graph.edges[i];
    if (e && e.to === to && kinds.includes(e.kind)) found.add(e.kind);
  }
  return EDGE_KINDS.filter((k) => found.has(k));
}
