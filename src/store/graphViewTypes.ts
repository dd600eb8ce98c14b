import type { EdgeKind, ModuleCategory, SupportLevel } from '../model';
import type { FocusMode } from '../engine';
import type { GroupKey } from '../graph/universe';

/** What the graph shows outside the focused neighbourhood: nothing, or the rest faded. */
export type OutsideFocus = 'hide' | 'dim';

/** Values the Filters panel hides; empty lists show everything. */
export interface GraphFilters {
  hiddenCategories: ModuleCategory[];
  hiddenSupportLevels: SupportLevel[];
  hiddenEdgeKinds: EdgeKind[];
  /** Simulated outcomes (`running`, `declined`, `failed`, `not-loaded`, `absent`); only while a result is shown. */
  hiddenOutcomes: string[];
}

export type FilterKey = keyof GraphFilters;

export const NO_GRAPH_FILTERS: GraphFilters = {
  hiddenCategories: [],
  hiddenSupportLevels: [],
  hiddenEdgeKinds: [],
  hiddenOutcomes: [],
};

/** Focus, grouping and filters of the module graph. The selected module is the focus. */
export interface GraphViewSlice {
  focusMode: FocusMode;
  /** Steps for the `hops` mode, 1 to 5. */
  focusHops: number;
  outsideFocus: OutsideFocus;
  /** Modules focused one after another (the breadcrumb); the last one is the focus. */
  focusTrail: string[];
  /** Whole graph (nothing selected): one node per category. */
  groupByCategory: boolean;
  expandedGroups: GroupKey[];
  isolatedExpanded: boolean;
  filters: GraphFilters;
  setFocusMode(mode: FocusMode): void;
  setFocusHops(hops: number): void;
  setOutsideFocus(outside: OutsideFocus): void;
  /** Back to the previous focus step (the whole graph before the first). */
  focusBack(): void;
  /** Back to step `index` of the trail, dropping the steps after it. */
  focusStep(index: number): void;
  /** The whole graph again: no selection, empty trail. */
  clearFocus(): void;
  setGroupByCategory(on: boolean): void;
  setGroupExpanded(key: GroupKey, expanded: boolean): void;
  collapseAllGroups(): void;
  setIsolatedExpanded(expanded: boolean): void;
  setFilterHidden<K extends FilterKey>(key: K, value: GraphFilters[K][number], hidden: boolean): void;
  resetFilters(): void;
}
