import { generateLargeGraph, shuffledModuleFiles } from '../src/engine/testing/largeGraph';
import { runLargeGraphAutoload, runMasterAutoload } from './autoload';
import { loadBuiltinDatasetNode } from '../src/ingest/node/loadBuiltinDataset';
import { row, timeSync, type BenchRow } from './stats';

/**
 * The loader simulation: a full autoload of the master dataset (every module file present), and of
 * a generated 20,000-module / 60,000-edge graph (src/engine/testing/largeGraph.ts).
 */
export async function benchLoader(_root: string, runs: number): Promise<BenchRow[]> {
  const master = loadBuiltinDatasetNode('master');
  let started = 0;
  const masterSamples = timeSync(
    () => {
      started = runMasterAutoload(master).started.length;
    },
    Math.max(runs, 30),
    5,
  );

  const large = generateLargeGraph({ modules: 20_000, edges: 60_000 });
  const files = shuffledModuleFiles(large);
  let largeStarted = 0;
  const largeSamples = timeSync(
    () => {
      largeStarted = runLargeGraphAutoload(large, files).started.length;
    },
    Math.max(5, Math.min(runs, 11)),
    2,
  );

  return [
    row('loader: full autoload of master (Node)', masterSamples, 10, `${started} started`),
    row(
      `loader: generated graph ${Object.keys(large.modules).length} modules / ${large.edges.length} edges (Node)`,
      largeSamples,
      500,
      `${largeStarted} started`,
    ),
  ];
}
