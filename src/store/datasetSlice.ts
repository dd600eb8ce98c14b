import { CancelledError } from '../worker';
import { committedGraph } from './commit';
import type { DatasetSlice, SliceCreator } from './types';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const createDatasetSlice: SliceCreator<DatasetSlice> = (set, get, _store, ctx) => ({
  datasetIndex: undefined,
  graph: undefined,
  graphProblems: [],
  source: undefined,
  precomputedLayout: undefined,

  async init(link) {
    try {
      const index = await ctx.client.listDatasets();
      set({ datasetIndex: index });
      if (link && 'view' in link) {
        await get().applySharedView(link.view);
        if (get().graph) return;
      }
      if (link && 'src' in link) {
        await get().openUrl(link.src);
        if (get().graph) return;
      }
      if (link && 'session' in link) {
        await get().applySession(link.session);
        if (get().graph) return;
      }
      if (link && 'error' in link) set({ linkNotice: link.error });
      await get().loadBuiltin(index.default);
    } catch (error) {
      set({
        lastAttempt: {
          outcome: 'failed',
          description: 'Reading the list of built-in datasets',
          problems: [
            {
              severity: 'error',
              code: 'unknown-format',
              message: `The list of built-in datasets (datasets/index.json) could not be read: ${messageOf(error)}`,
              file: 'datasets/index.json',
            },
          ],
        },
      });
    }
  },

  async loadBuiltin(version) {
    const ticket = ctx.nextTicket();
    set({ loading: { kind: 'builtin', version } });
    try {
      // The layout file is small; fetching it alongside the dataset lets the first draw use it.
      const [result, layout] = await Promise.all([
        ctx.client.loadDataset(version),
        ctx.client.loadPrecomputedLayout(version),
      ]);
      if (!ctx.isCurrent(ticket)) return;
      if (!result.graph) {
        set({
          loading: undefined,
          lastAttempt: {
            outcome: 'failed',
            description: `Loading Asterisk ${version}`,
            problems: result.problems,
          },
        });
        return;
      }
      set(committedGraph(get(), result.graph, result.problems, { kind: 'builtin', version }, layout));
    } catch (error) {
      if (!ctx.isCurrent(ticket)) return;
      const cancelled = error instanceof CancelledError;
      set({
        loading: undefined,
        lastAttempt: {
          outcome: cancelled ? 'cancelled' : 'failed',
          description: `Loading Asterisk ${version}`,
          problems: cancelled
            ? []
            : [
                {
                  severity: 'error',
                  code: 'unknown-format',
                  message: `Asterisk ${version} could not be loaded: ${messageOf(error)}`,
                },
              ],
        },
      });
    }
  },

  async setRuntimeFactsVersion(version) {
    const source = get().source;
    if (source?.kind !== 'files') return;
    await get().openFiles(source.files, version, source.url);
  },

  async exportMetadataXml() {
    const graph = get().graph;
    return graph ? ctx.client.exportMetadataXml(graph) : undefined;
  },
});
