import type { ExplorerState, Selection, SliceCreator, ViewSlice } from './types';
import { NO_GRAPH_FILTERS } from './graphViewTypes';

/** A breadcrumb longer than this drops its oldest steps. */
const MAX_TRAIL = 20;

/** The trail after selecting `selection`: a module becomes the newest focus step. */
function trailAfter(trail: readonly string[], selection: Selection | undefined): string[] {
  if (!selection) return [];
  if (selection.kind !== 'module') return [...trail];
  if (trail.at(-1) === selection.name) return [...trail];
  return [...trail, selection.name].slice(-MAX_TRAIL);
}

/** The trail without steps whose module is not in the graph on screen (after a change of version). */
function liveTrail(state: ExplorerState, trail: readonly string[]): string[] {
  const graph = state.graph;
  return graph ? trail.filter((name) => graph.modules[name] !== undefined) : [...trail];
}

function lastStep(trail: readonly string[]): Selection | undefined {
  const name = trail.at(-1);
  return name === undefined ? undefined : { kind: 'module', name };
}

function clampHops(hops: number): number {
  return Math.min(5, Math.max(1, Math.round(Number.isFinite(hops) ? hops : 1)));
}

export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => ({
  mode: 'modules',
  showLibraries: false,
  showNonLoadable: false,
  layout: 'layered',
  mainView: 'graph',
  selection: undefined,
  sidePanelTab: 'inspector',

  focusMode: 'both',
  focusHops: 1,
  outsideFocus: 'hide',
  focusTrail: [],
  groupByCategory: true,
  expandedGroups: [],
  isolatedExpanded: false,
  filters: NO_GRAPH_FILTERS,

  setViewMode: (mode) => set({ mode }),
  setLayout: (layout) => set({ layout }),
  setMainView: (mainView) => set({ mainView }),
  setShowLibraries: (showLibraries) => set({ showLibraries }),
  setShowNonLoadable: (showNonLoadable) => set({ showNonLoadable }),
  select: (selection) =>
    set((s) => ({
      selection,
      focusTrail: trailAfter(s.focusTrail, selection),
      ...(selection ? { sidePanelTab: 'inspector' as const } : {}),
    })),
  inspectModule: (name) =>
    set((s) => {
      const selection: Selection = { kind: 'module', name };
      return { selection, focusTrail: trailAfter(s.focusTrail, selection), sidePanelTab: 'inspector' };
    }),
  setSidePanelTab: (sidePanelTab) => set({ sidePanelTab }),

  setFocusMode: (focusMode) => set({ focusMode }),
  setFocusHops: (hops) => set({ focusHops: clampHops(hops) }),
  setOutsideFocus: (outsideFocus) => set({ outsideFocus }),
  focusBack: () => {
    const s = get();
    const trail = liveTrail(s, s.focusTrail).slice(0, -1);
    set({ focusTrail: trail, selection: lastStep(trail) });
  },
  focusStep: (index) => {
    const s = get();
    const live = liveTrail(s, s.focusTrail);
    if (index < 0 || index >= live.length) return;
    const trail = live.slice(0, index + 1);
    set({ focusTrail: trail, selection: lastStep(trail) });
  },
  clearFocus: () => set({ focusTrail: [], selection: undefined }),
  setGroupByCategory: (groupByCategory) => set({ groupByCategory }),
  setGroupExpanded: (key, expanded) =>
    set((s) => {
      const rest = s.expandedGroups.filter((k) => k !== key);
      return { expandedGroups: expanded ? [...rest, key] : rest };
    }),
  collapseAllGroups: () => set({ expandedGroups: [], isolatedExpanded: false }),
  setIsolatedExpanded: (isolatedExpanded) => set({ isolatedExpanded }),
  setFilterHidden: (key, value, hidden) =>
    set((s) => {
      const list = s.filters[key] as ReadonlyArray<typeof value>;
      const rest = list.filter((v) => v !== value);
      return { filters: { ...s.filters, [key]: hidden ? [...rest, value] : rest } };
    }),
  resetFilters: () => set({ filters: NO_GRAPH_FILTERS }),
});
