import type { ModuleGraph } from '../model';
import { CancelledError } from '../worker';
import { createCompareSlice } from './compareSlice';
import { cycleHighlight, impactHighlight, pathsHighlight } from './explainHighlights';
import type { Answer, CompareSlice, ExplainQueriesSlice } from './explainTypes';
import type { ExplainSlice, ExplorerState, Highlight, SliceCreator } from './types';
import { onWorkerGraph } from './workerGraph';

export type ExplainState = ExplainSlice & ExplainQueriesSlice & CompareSlice;

/** The highlight kept when the user turns to Impact: an impact drawing, nothing else. */
function impactOnly(highlight: Highlight | undefined): Highlight | undefined {
  return highlight?.kind === 'impact' ? highlight : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The Explain and Compare tabs: questions about the graph answered in the worker, and what they
 * ask the graph to draw out (`highlight`, `compareOverlay`; the graph only reads them).
 */
export const createExplainSlice: SliceCreator<ExplainState> = (set, get, store, ctx) => {
  // Only the newest question of each kind lands; an older answer arriving later is dropped.
  const tickets = { paths: 0, impact: 0, cycles: 0 };

  store.subscribe((state, prev) => {
    // Answers and drawings belong to the graph they were computed for.
    if (state.graph !== prev.graph) {
      tickets.paths += 1;
      tickets.impact += 1;
      tickets.cycles += 1;
      set({
        highlight: undefined,
        paths: undefined,
        shownPath: undefined,
        impact: undefined,
        cycles: undefined,
        shownCycle: undefined,
      });
    }
    // Impact follows the selection: a module typed there holds only until another is selected.
    if (state.selection !== prev.selection && state.impactModule !== undefined)
      set({ impactModule: undefined });
  });

  /**
   * Asks the query worker. The simulation's Cancel restarts that worker, which rejects whatever
   * was in flight; a graph question was not what the user cancelled, so it is asked once more.
   */
  async function ask<A>(graph: ModuleGraph, call: (graphId: number) => Promise<A>): Promise<A> {
    try {
      return await onWorkerGraph(ctx.simulationClient, graph, call);
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      return onWorkerGraph(ctx.simulationClient, graph, call);
    }
  }

  /**
   * Runs one question: marks it pending, lands the answer only while it is still the newest of its
   * kind and its graph is on screen, and records a failure as a message.
   */
  async function question<Q, A>(
    kind: keyof typeof tickets,
    query: Q,
    call: (graphId: number) => Promise<A>,
    write: (answer: Answer<Q, A>) => Partial<ExplorerState>,
    onDone?: (graph: ModuleGraph, answer: A) => Partial<ExplorerState>,
  ): Promise<void> {
    const graph = get().graph;
    if (!graph) return;
    const mine = ++tickets[kind];
    const current = (): boolean => mine === tickets[kind] && get().graph === graph;
    set(write({ graph, query, status: 'pending' }));
    try {
      const answer = await ask(graph, call);
      if (!current()) return;
      set({ ...write({ graph, query, status: 'done', answer }), ...onDone?.(graph, answer) });
    } catch (error) {
      if (!current()) return;
      set(write({ graph, query, status: 'failed', message: messageOf(error) }));
    }
  }

  /** An answer to a question the user did not ask for here must not wipe a path or cycle they picked. */
  function highlightIsFree(): boolean {
    const kind = get().highlight?.kind;
    return kind === undefined || kind === 'impact';
  }

  return {
    highlight: undefined,
    compareOverlay: undefined,
    setHighlight: (highlight) => set({ highlight }),
    setCompareOverlay: (compareOverlay) => set({ compareOverlay }),

    pathFrom: undefined,
    pathTo: '',
    paths: undefined,
    shownPath: undefined,
    impactModule: undefined,
    impactAs: 'fail',
    impact: undefined,
    cycles: undefined,
    shownCycle: undefined,

    setPathFrom: (pathFrom) => set({ pathFrom }),
    setPathTo: (pathTo) => set({ pathTo }),

    findPaths(from, to) {
      const query = { from: from.trim(), to: to.trim() };
      return question(
        'paths',
        query,
        (id) => ctx.simulationClient.findPaths(id, query.from, query.to),
        (paths) => ({ paths, shownPath: undefined }),
        (_graph, answer) => ({ highlight: pathsHighlight(query, answer) }),
      );
    },

    showPath(index) {
      const paths = get().paths;
      if (paths?.status !== 'done') return;
      set({ highlight: pathsHighlight(paths.query, paths.answer, index), shownPath: index });
    },

    clearPaths() {
      tickets.paths += 1;
      set((s) => ({
        paths: undefined,
        shownPath: undefined,
        highlight: s.highlight?.kind === 'path' ? undefined : s.highlight,
      }));
    },

    // Asking about impact here is asking to see it: a path or cycle on the graph gives way.
    setImpactModule: (impactModule) => set((s) => ({ impactModule, highlight: impactOnly(s.highlight) })),
    setImpactAs: (impactAs) => set((s) => ({ impactAs, highlight: impactOnly(s.highlight) })),

    computeImpact(module, as) {
      const query = { module: module.trim(), as };
      const previous = get().impact;
      if (
        previous?.graph === get().graph &&
        previous?.status !== 'failed' &&
        previous?.query.module === query.module &&
        previous.query.as === as
      ) {
        // Already answered; draw it again if the drawing was given up to nothing else.
        if (previous.status === 'done' && get().highlight === undefined)
          set({ highlight: impactHighlight(previous.graph, previous.answer) });
        return Promise.resolve();
      }
      return question(
        'impact',
        query,
        (id) => ctx.simulationClient.impact(id, query.module, as),
        (impact) => ({ impact }),
        (graph, answer) => (highlightIsFree() ? { highlight: impactHighlight(graph, answer) } : {}),
      );
    },

    showImpact() {
      const impact = get().impact;
      if (impact?.status === 'done') set({ highlight: impactHighlight(impact.graph, impact.answer) });
    },

    explainImpact(module, as) {
      set((s) => ({
        impactModule: module,
        impactAs: as,
        sidePanelTab: 'explain',
        highlight: impactOnly(s.highlight),
      }));
    },

    explainPathsFrom(module) {
      set({ pathFrom: module, sidePanelTab: 'explain' });
    },

    computeCycles() {
      const previous = get().cycles;
      if (previous?.graph === get().graph && previous?.status !== 'failed') return Promise.resolve();
      return question(
        'cycles',
        null,
        (id) => ctx.simulationClient.cycles(id),
        (cycles) => ({ cycles }),
      );
    },

    showCycle(index) {
      const cycles = get().cycles;
      if (cycles?.status !== 'done') return;
      set({ highlight: cycleHighlight(cycles.answer, index), shownCycle: index });
    },

    clearHighlight: () => set({ highlight: undefined }),

    selectModuleInPlace(name) {
      set({ selection: { kind: 'module', name } });
    },

    ...createCompareSlice(set, get, store, ctx),
  };
};
