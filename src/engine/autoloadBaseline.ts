/**
 * The startup every "what if" is measured against: `autoload = yes` with every module file
 * present. It depends only on the graph and the loader, so it is simulated once for each.
 */
import type { LoaderKind, ModuleGraph, ModulesConf, SimulationResult } from '../model';
import { simulate } from './simulate';

const AUTOLOAD_CONF: ModulesConf = {
  file: 'modules.conf',
  status: 'ok',
  hasModulesSection: true,
  entries: [{ name: 'autoload', option: 'autoload', value: 'yes', object: false, line: 2, column: 1 }],
};

const baselines = new WeakMap<ModuleGraph, Map<LoaderKind, SimulationResult>>();

export function autoloadBaseline(graph: ModuleGraph, loader: LoaderKind): SimulationResult {
  let byLoader = baselines.get(graph);
  if (!byLoader) {
    byLoader = new Map();
    baselines.set(graph, byLoader);
  }
  let result = byLoader.get(loader);
  if (!result) {
    result = simulate(graph, AUTOLOAD_CONF, { loader });
    byLoader.set(loader, result);
  }
  return result;
}
