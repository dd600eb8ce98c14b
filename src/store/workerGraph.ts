import type { ModuleGraph } from '../model';
import { isStaleGraphError } from '../worker';
import type { ExplorerClient } from '../worker';

/**
 * Runs `call` against the worker's copy of `graph`. The client sends the graph only when its
 * worker does not hold it yet; when the worker lost it (a cancel restarted the worker, or a
 * newer graph replaced it) the call fails as stale, and one more try sends the graph again.
 */
export async function onWorkerGraph<T>(
  client: ExplorerClient,
  graph: ModuleGraph,
  call: (graphId: number) => Promise<T>,
): Promise<T> {
  try {
    return await call(await client.useGraph(graph));
  } catch (error) {
    if (!isStaleGraphError(error)) throw error;
    return call(await client.useGraph(graph));
  }
}
