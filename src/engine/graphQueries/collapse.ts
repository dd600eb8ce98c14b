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
  const internal = new Map<ModuleCategory, number>();
  const between = new Map<string, CategoryEdge>();
  for (const e of edges) {
    const from = categoryOf.get(e.from);
    const to = categoryOf.get(e.to);
    if (from === undefined || to === undefined) continue;
    if (from === to) {
      internal.set(from, (internal.get(from) ?? 0) + 1);
      continue;
    }
    const id = `${from}>${to}`;
    let agg = between.get(id);
    if (!agg) {
      agg = { from, to, count: 0, kinds: {} };
      between.set(id, agg);
    }
    agg.count++;
    agg.kinds[e.kind] = (agg.kinds[e.kind] ?? 0) + 1;
  }
  const groups: CategoryGroup[] = MODULE_CATEGORIES.filter((c) => members.has(c)).map((category) => ({
    category,
    modules: members.get(category) ?? [],
    internalEdges: internal.get(category) ?? 0,
  }));
  const rank = (c: ModuleCategory): number => CATEGORY_RANK.get(c) ?? MODULE_CATEGORIES.length;
  const aggregated = [...between.values()]
    .sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to))
    .map((e) => ({ ...e, kinds: orderedKinds(e.kinds) }));
  return { groups, edges: aggregated };
}

function orderedKinds(kinds: Partial<Record<EdgeKind, number>>): Partial<Record<EdgeKind, number>> {
  const out: Partial<Record<EdgeKind, number>> = {};
  for (const k of EDGE_KINDS) {
    const n = kinds[k];
    if (n !== undefined) out[k] = n;
  }
  return out;
}
