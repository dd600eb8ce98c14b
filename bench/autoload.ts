/**
 * What the loader benchmark times: a full autoload of a dataset, and of a generated large graph,
 * through the same `simulate` the app and the CLI run.
 */
import type { ModuleGraph, ModulesConf, SimulationResult } from '../src/model';
import { simulate } from '../src/engine';
import { shuffledModuleFiles } from '../src/engine/testing/largeGraph';

/** `[modules]` with `autoload = yes` and nothing else. */
export function autoloadConf(): ModulesConf {
  return {
    file: 'modules.conf',
    status: 'ok',
    hasModulesSection: true,
    entries: [{ name: 'autoload', option: 'autoload', value: 'yes', object: false, line: 2, column: 1 }],
  };
}

/** Full autoload of a dataset (every module file present), e.g. the master dataset. */
export function runMasterAutoload(graph: ModuleGraph): SimulationResult {
  return simulate(graph, autoloadConf());
}

/** Full autoload of a generated graph, its module files in a shuffled readdir-like order. */
export function runLargeGraphAutoload(
  graph: ModuleGraph,
  files: readonly string[] = shuffledModuleFiles(graph),
): SimulationResult {
  return simulate(graph, autoloadConf(), { available: files });
}
