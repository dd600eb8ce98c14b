import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { LayoutAlgorithm, LayoutInput, Positions } from './layoutInput';
import type { LayoutWorkerApi } from './layoutWorkerApi';

export interface LayoutService {
  compute(input: LayoutInput, algorithm: LayoutAlgorithm): Promise<Positions>;
  dispose(): void;
}

/**
 * Layouts for graphs without precomputed positions (user files, focus and category views) run in
 * their own worker, started on first use so the first drawn graph never waits for its 1.4 MB
 * bundle (Graphviz's wasm, cytoscape and fcose).
 */
export function createLayoutService(): LayoutService {
  let worker: Worker | undefined;
  let remote: Remote<LayoutWorkerApi> | undefined;
  return {
    compute(input, algorithm) {
      if (!remote) {
        worker = new Worker(new URL('./layout.worker.ts', import.meta.url), {
          type: 'module',
          name: 'layout',
        });
        remote = wrap<LayoutWorkerApi>(worker);
      }
      return remote.computeLayout(input, algorithm);
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      remote = undefined;
    },
  };
}
