import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ExplorerClient } from '../worker';
import { createDatasetSlice } from './datasetSlice';
import { createFilesSlice } from './filesSlice';
import type { ExplorerState, StoreContext } from './types';
import { createViewSlice } from './viewSlice';
import { createSimulationSlice } from './simulationSlice';
import { createExplainSlice } from './explainSlice';
import { createSearchSlice } from './searchSlice';
import { createPlanSlice } from './planSlice';
import { createShareSlice } from './shareSlice';
import { createServerSlice } from './serverSlice';

export type ExplorerStore = StoreApi<ExplorerState>;

/** One store per app (and per test), combining the slices once around an injected worker client. */
export function createExplorerStore(
  client: ExplorerClient,
  simulationClient: ExplorerClient = client,
): ExplorerStore {
  let ticket = 0;
  const ctx: StoreContext = {
    client,
    simulationClient,
    nextTicket: () => ++ticket,
    isCurrent: (t) => t === ticket,
  };
  return createStore<ExplorerState>()((set, get, store) => ({
    ...createDatasetSlice(set, get, store, ctx),
    ...createFilesSlice(set, get, store, ctx),
    ...createViewSlice(set, get, store, ctx),
    ...createSimulationSlice(set, get, store, ctx),
    ...createExplainSlice(set, get, store, ctx),
    ...createSearchSlice(set, get, store, ctx),
    ...createPlanSlice(set, get, store, ctx),
    ...createShareSlice(set, get, store, ctx),
    ...createServerSlice(set, get, store, ctx),
  }));
}
