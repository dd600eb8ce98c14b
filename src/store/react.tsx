import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ExplorerStore } from './createExplorerStore';
import type { ExplorerState } from './types';

const StoreContext = createContext<ExplorerStore | undefined>(undefined);

export function ExplorerStoreProvider({ store, children }: { store: ExplorerStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useExplorerStore(): ExplorerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useExplorer must be used inside <ExplorerStoreProvider>');
  return store;
}

/** Subscribes to one narrow slice of the state; use `useShallow` for derived objects or lists. */
export function useExplorer<T>(selector: (state: ExplorerState) => T): T {
  return useStore(useExplorerStore(), selector);
}
