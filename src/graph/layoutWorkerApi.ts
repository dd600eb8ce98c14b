import type { LayoutAlgorithm, LayoutInput, Positions } from './layoutInput';

/** What the layout worker exposes over comlink. */
export interface LayoutWorkerApi {
  computeLayout(input: LayoutInput, algorithm: LayoutAlgorithm): Promise<Positions>;
}
