export { createExplorerStore, type ExplorerStore } from './createExplorerStore';
export { ExplorerStoreProvider, useExplorer, useExplorerStore } from './react';
export * from './selectors';
export { selectionExists } from './commit';
export type {
  CompareOverlay,
  DatasetSource,
  ExplorerState,
  FailedAttempt,
  Highlight,
  Loading,
  MainView,
  Selection,
  SidePanelTab,
} from './types';
export type { ColourBy, SimulationNotice, SimulationRun, SimulationSlice } from './simulationTypes';
export { DEFAULT_MODULES_CONF } from './simulationSlice';
