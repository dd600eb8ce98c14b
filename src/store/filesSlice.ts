import { CancelledError } from '../worker';
import { committedGraph } from './commit';
import type { FilesSlice, SliceCreator } from './types';

function describe(names: string[]): string {
  return `Opening ${names.join(', ')}`;
}

export const createFilesSlice: SliceCreator<FilesSlice> = (set, get, _store, ctx) => ({
  loading: undefined,
  lastAttempt: undefined,

  async openFiles(files, chosenFactsVersion, url) {
    if (files.length === 0) return;
    const names = files.map((f) => f.name);
    // A module's C source alone is added to the version on screen, not to the default one.
    const source = get().source;
    const runtimeFactsVersion =
      chosenFactsVersion ??
      (names.every((n) => /\.c$/i.test(n)) && source?.kind === 'builtin' ? source.version : undefined);
    const ticket = ctx.nextTicket();
    set({ loading: { kind: 'files', names } });
    // Progress messages already on their way when the load ends (or is cancelled) must not bring it back.
    let settled = false;
    try {
      const result = await ctx.client.openFiles(
        files,
        runtimeFactsVersion ? { runtimeFactsVersion } : {},
        (progress) => {
          if (!settled && ctx.isCurrent(ticket)) set({ loading: { kind: 'files', names, progress } });
        },
      );
      settled = true;
      if (!ctx.isCurrent(ticket)) return;
      if (!result.graph) {
        // Bad input never costs the user what they had: graph, selection and settings stay.
        set({
          loading: undefined,
          lastAttempt: { outcome: 'failed', description: describe(names), problems: result.problems },
        });
        return;
      }
      // Receiving a large graph from the worker is a task of its own; drawing it starts in the next,
      // so the two never add up to one long block of the page.
      await nextTask();
      if (!ctx.isCurrent(ticket)) return;
      const source = {
        kind: 'files' as const,
        files,
        names,
        ...(runtimeFactsVersion ? { runtimeFactsVersion } : {}),
        ...(url !== undefined ? { url } : {}),
      };
      set(committedGraph(get(), result.graph, result.problems, source, undefined));
    } catch (error) {
      settled = true;
      if (!ctx.isCurrent(ticket)) return;
      const cancelled = error instanceof CancelledError;
      set({
        loading: undefined,
        lastAttempt: {
          outcome: cancelled ? 'cancelled' : 'failed',
          description: describe(names),
          problems: [
            cancelled
              ? {
                  severity: 'info',
                  code: 'cancelled',
                  message: `${describe(names)} was cancelled; the previous graph is unchanged.`,
                }
              : {
                  severity: 'error',
                  code: 'unknown-format',
                  message: `${describe(names)} failed: ${error instanceof Error ? error.message : String(error)}`,
                },
          ],
        },
      });
    }
  },

  cancelLoading() {
    if (!get().loading) return;
    // Terminates the worker; the rejected call above records the cancellation.
    ctx.client.cancel();
  },

  dismissLastAttempt() {
    set({ lastAttempt: undefined });
  },
});

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
