import type { VersionModules } from '../engine';
import type { SliceCreator } from './types';

/** What the search box needs beyond the graph: the module names of the other built-in versions. */
export interface SearchSlice {
  /** Loadable and built-in module names per built-in version, oldest first; fetched on the first miss. */
  moduleNames: VersionModules[] | undefined;
  moduleNamesStatus: 'idle' | 'loading' | 'failed';
  /** Asks the worker once (it parses the built-ins it has not parsed yet); a failed attempt may be retried. */
  loadModuleNames(): Promise<void>;
}

export const createSearchSlice: SliceCreator<SearchSlice> = (set, get, _store, ctx) => ({
  moduleNames: undefined,
  moduleNamesStatus: 'idle',

  async loadModuleNames() {
    if (get().moduleNames || get().moduleNamesStatus === 'loading') return;
    set({ moduleNamesStatus: 'loading' });
    try {
      const moduleNames = await ctx.client.listModuleNames();
      set({ moduleNames, moduleNamesStatus: 'idle' });
    } catch {
      // Cancelled with a file load, or a dataset unreadable: the search box says "no match" meanwhile.
      set({ moduleNamesStatus: 'failed' });
    }
  },
});
