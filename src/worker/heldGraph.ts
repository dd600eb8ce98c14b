import type { ModuleGraph } from '../model';

/**
 * The graph a worker keeps between calls, so a simulation or a graph question sends a small id
 * instead of structured-cloning the whole ModuleGraph every time.
 */

/**
 * Thrown for an id the worker does not hold (a newer graph replaced it, or the worker was
 * restarted by a cancel). comlink carries only an error's name and message across, so callers
 * recognise it with {@link isStaleGraphError}, never with `instanceof`.
 */
export class StaleGraphError extends Error {
  constructor(graphId: number) {
    super(`The worker no longer holds graph ${graphId}; send the graph again`);
    this.name = 'StaleGraphError';
  }
}

export function isStaleGraphError(error: unknown): boolean {
  return error instanceof Error && error.name === 'StaleGraphError';
}

export interface GraphHolder {
  /** Keeps `graph` as the one held graph (dropping the previous one) and returns its new id. */
  hold(graph: ModuleGraph): number;
  /** The held graph, or {@link StaleGraphError} when `graphId` is not the one held. */
  get(graphId: number): ModuleGraph;
}

export function createGraphHolder(): GraphHolder {
  // Ids start at a random point so an id from a worker that was terminated and replaced cannot
  // match one the fresh worker hands out: a stale request fails loudly instead of answering for
  // another graph.
  let nextId = 1 + Math.floor(Math.random() * 1_000_000_000);
  let held: { id: number; graph: ModuleGraph } | undefined;
  return {
    hold(graph) {
      // Only one graph is ever on screen; holding one keeps the worker's memory flat.
      held = { id: nextId++, graph };
      return held.id;
    },
    get(graphId) {
      if (held?.id !== graphId) throw new StaleGraphError(graphId);
      return held.graph;
    },
  };
}
