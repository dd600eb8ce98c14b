import type { SliceCreator, ViewSlice } from './types';

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  mode: 'modules',
  showLibraries: false,
  showNonLoadable: false,
  layout: 'layered',
  mainView: 'graph',
  selection: undefined,
  sidePanelTab: 'inspector',

  setViewMode: (mode) => set({ mode }),
  setLayout: (layout) => set({ layout }),
  setMainView: (mainView) => set({ mainView }),
  setShowLibraries: (showLibraries) => set({ showLibraries }),
  setShowNonLoadable: (showNonLoadable) => set({ showNonLoadable }),
  select: (selection) => set(selection ? { selection, sidePanelTab: 'inspector' } : { selection }),
  inspectModule: (name) => set({ selection: { kind: 'module', name }, sidePanelTab: 'inspector' }),
  setSidePanelTab: (sidePanelTab) => set({ sidePanelTab }),
});
