import type { BenchRow } from './stats';

/** Loader-simulation benchmarks; filled in with the engine (issue 3). */
export async function benchLoader(_root: string, _runs: number): Promise<BenchRow[]> {
  return [];
}
