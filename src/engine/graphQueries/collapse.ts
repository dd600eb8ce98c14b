/**
 * The whole graph at first sight: one node per module category, with the edges between
 * categories counted per kind, so 480 modules read as a dozen groups.
 */
import type { EdgeKind, ModuleCategory, ModuleGraph } from '../../model';
import { EDGE_KINDS, MODULE_CATEGORIES } from '../../model';
import type { QueryEdge } from './adjacency';

export interface CategoryGroup {
  category: ModuleCategory;
  /** Members in the order given. */
  modules: string[];
  /** Edges with both ends in this category (drawn as a count on the group, not as a loop). */
  internalEdges?: number;
}

export interface CategoryEdge {
  from: ModuleCategory;
  to: ModuleCategory;
  count: number;
  /** Counts per kind, keys in EDGE_KINDS order. */
  kinds: Partial<Record<EdgeKind, number>>;
}

export interface CollapsedGraph {
  groups: CategoryGroup[];
  edges: CategoryEdge[];
}

const CATEGORY_RANK = new Map(MODULE_CATEGORIES.map((c, i) => [c, i]));

/**
 * Groups the given modules by category (MODULE_CATEGORIES order; names the graph does not know,
 * such as libraries, go to `other`) and aggregates the given edges between groups. Edges with an
 * end outside `modules` are left out: they lead to something not drawn.
 */
export function collapseByCategory(
  graph: ModuleGraph,
  modules: readonly string[],
  edges: ReadonlyArray<QueryEdge>,
): CollapsedGraph {
  const categoryOf = new Map<string, ModuleCategory>();
  const members = new Map<ModuleCategory, string[]>();
  for (const name of modules) {
    if (categoryOf.has(name)) continue;
    const category = graph.modules[name]?.category ?? 'other';
    categoryOf.set(name, category);
    const list = members.get(category);
    if (list) list.push(name);
    else members.set(category, [name]);
  }
  const folded = foldEdges(
    edges,
    (e) => e,
    (name) => categoryOf.get(name),
  );
  const groups: CategoryGroup[] = MODULE_CATEGORIES.filter((c) => members.has(c)).map((category) => ({
    category,
    modules: members.get(category) ?? [],
    internalEdges: folded.internal.get(category) ?? 0,
  }));
  const rank = (c: ModuleCategory): number => CATEGORY_RANK.get(c) ?? MODULE_CATEGORIES.length;
  const aggregated = [...folded.between.values()]
    .map((e) => ({ ...e, from: e.from as ModuleCategory, to: e.to as ModuleCategory }))
    .sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
  return { groups, edges: aggregated };
}

/** Edges between two stand-ins (groups), counted per kind; kind keys in EDGE_KINDS order. */
export interface FoldedEdge {
  from: string;
  to: string;
  count: number;
  kinds: Partial<Record<EdgeKind, number>>;
}

export interface FoldedEdges<E> {
  /** Edges whose two ends stand for themselves: drawn as they are. */
  kept: E[];
  /** Edges inside one stand-in, counted per stand-in. */
  internal: Map<string, number>;
  /** The other edges, one per ordered pair of stand-ins (key `from` NUL `to`), in first-seen order. */
  between: Map<string, FoldedEdge>;
}

/**
 * Folds edges onto stand-ins: each end is replaced by what stands for it (its category, its group,
 * or itself; undefined leaves the edge out). The category view of the whole graph and the
 * partly-opened groups of the drawn graph are both this one folding.
 */
export function foldEdges<E>(
  edges: Iterable<E>,
  ends: (edge: E) => QueryEdge,
  standIn: (name: string) => string | undefined,
): FoldedEdges<E> {
  const kept: E[] = [];
  const internal = new Map<string, number>();
  const between = new Map<string, FoldedEdge>();
  for (const edge of edges) {
    const { from: a, to: b, kind } = ends(edge);
    const from = standIn(a);
    const to = standIn(b);
    if (from === undefined || to === undefined) continue;
    if (from === a && to === b) {
      kept.push(edge);
      continue;
    }
    if (from === to) {
      internal.set(from, (internal.get(from) ?? 0) + 1);
      continue;
    }
    const id = `${from}\u0000${to}`;
    let agg = between.get(id);
    if (!agg) {
      agg = { from, to, count: 0, kinds: {} };
      between.set(id, agg);
    }
    agg.count++;
    agg.kinds[kind] = (agg.kinds[kind] ?? 0) + 1;
  }
  for (const agg of between.values()) agg.kinds = orderedKinds(agg.kinds);
  return { kept, internal, between };
}

function orderedKinds(kinds: Partial<Record<EdgeKind, number>>): Partial<Record<EdgeKind, number>> {
  const out: Partial<Record<EdgeKind, number>> = {};
  for (const k of EDGE_KINDS) {
    const n = kinds[k];
    if (n !== undefined) out[k] = n;
  }
  return out;
}
