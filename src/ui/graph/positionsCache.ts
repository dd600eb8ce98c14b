import type { ModuleGraph } from '../../model';
import type { Positions } from '../../graph/layoutInput';

/** Layouts computed in the worker for a graph, by layout key; they die with the graph. */
const cache = new WeakMap<ModuleGraph, Map<string, Positions>>();

export function cachedPositions(graph: ModuleGraph, key: string): Positions | undefined {
  return cache.get(graph)?.get(key);
}

export function cachePositions(graph: ModuleGraph, key: string, positions: Positions): void {
  let byKey = cache.get(graph);
  if (!byKey) {
    byKey = new Map();
    cache.set(graph, byKey);
  }
  byKey.set(key, positions);
}

const serials = new WeakMap<ModuleGraph, number>();
let nextSerial = 1;

/** A short identity for a graph object, to tell "drawn" apart from "still to draw". */
export function graphSerial(graph: ModuleGraph): number {
  let serial = serials.get(graph);
  if (serial === undefined) {
    serial = nextSerial++;
    serials.set(graph, serial);
  }
  return serial;
}
