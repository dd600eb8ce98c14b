import { CancelledError } from '../worker';
import type { VersionDiff } from '../worker';
import type { CompareSlice } from './explainTypes';
import { selectCurrentVersion } from './selectors';
import type { CompareOverlay, ExplorerState, SliceCreator } from './types';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The overlay on the newer graph: renamed-looking modules count as removed and added under their two names. */
export function overlayOf(diff: VersionDiff): CompareOverlay {
  return {
    from: diff.from,
    to: diff.to,
    added: [...new Set([...diff.added, ...diff.renamed.map((r) => r.to)])],
    removed: [...new Set([...diff.removed, ...diff.renamed.map((r) => r.from)])],
    changed: [...new Set(diff.changed.map((c) => c.module))],
  };
}

/**
 * Two built-in versions compared in the worker (it parses and keeps the built-in datasets), and
 * "Show on graph": the To version on screen with the overlay. Switching datasets any other way
 * takes the overlay off.
 */
export const createCompareSlice: SliceCreator<CompareSlice> = (set, get, store, ctx) => {
  let ticket = 0;
  // The version "Show on graph" is loading; its arrival must not switch the overlay off.
  let awaiting: string | undefined;

  store.subscribe((state, prev) => {
    if (state.graph === prev.graph || (!state.compareOnGraph && !state.compareOverlay)) return;
    if (awaiting !== undefined && selectCurrentVersion(state) === awaiting) return;
    set({ compareOnGraph: false, compareOverlay: undefined });
  });

  async function diff(from: string, to: string): Promise<VersionDiff> {
    try {
      return await ctx.client.diffVersions(from, to);
    } catch (error) {
      // Cancelling a file load restarts the worker under the comparison; it was not what was cancelled.
      if (!(error instanceof CancelledError)) throw error;
      return ctx.client.diffVersions(from, to);
    }
  }

  /** Puts the To version on screen if needed, then the overlay over it. */
  async function showOverlay(): Promise<void> {
    const compare = get().compare;
    if (compare?.status !== 'done' || !get().compareOnGraph) return;
    const { to } = compare.query;
    if (selectCurrentVersion(get()) !== to) {
      awaiting = to;
      try {
        await get().loadBuiltin(to);
      } finally {
        if (awaiting === to) awaiting = undefined;
      }
    }
    const state: ExplorerState = get();
    if (state.compare !== compare || !state.compareOnGraph) return;
    if (selectCurrentVersion(state) !== to) {
      // The load failed (its problems are shown) or another version won: nothing to draw on.
      set({ compareOnGraph: false, compareOverlay: undefined });
      return;
    }
    set({ compareOverlay: overlayOf(compare.answer) });
  }

  return {
    compareFrom: undefined,
    compareTo: undefined,
    compare: undefined,
    compareOnGraph: false,

    async compareVersions(from, to) {
      const mine = ++ticket;
      const query = { from, to };
      const overlay = get().compareOverlay;
      set({
        compareFrom: from,
        compareTo: to,
        compare: { query, status: 'pending' },
        // An overlay of two other versions would be read as this comparison's.
        compareOverlay: overlay?.from === from && overlay.to === to ? overlay : undefined,
      });
      try {
        const answer = await diff(from, to);
        if (mine !== ticket) return;
        set({ compare: { query, status: 'done', answer } });
      } catch (error) {
        if (mine !== ticket) return;
        set({ compare: { query, status: 'failed', message: messageOf(error) }, compareOverlay: undefined });
        return;
      }
      await showOverlay();
    },

    async setCompareOnGraph(show) {
      if (!show) {
        set({ compareOnGraph: false, compareOverlay: undefined });
        return;
      }
      set({ compareOnGraph: true });
      await showOverlay();
    },
  };
};
