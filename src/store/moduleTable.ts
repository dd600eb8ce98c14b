import type { ModuleCategory, ModuleGraph, SupportLevel } from '../model';
import { moduleMetrics } from '../engine';
import type { SimulationRun } from './simulationTypes';

/** One row of the module table; everything but the simulation state depends on the graph only. */
export interface ModuleRow {
  name: string;
  category: ModuleCategory;
  supportLevel: SupportLevel;
  loadPriority: number | undefined;
  dependencies: number;
  dependents: number;
  transitiveDependents: number;
}

/** The last simulation's verdict on a module, as the table shows it. */
export type SimulationState = 'started' | 'declined' | 'failed' | 'not loaded';

const rowsByGraph = new WeakMap<ModuleGraph, ModuleRow[]>();

/**
 * Loadable and built-in modules with their counts, computed on first use per graph (the table may
 * never be opened) and kept for as long as the graph lives.
 */
export function moduleRows(graph: ModuleGraph | undefined): ModuleRow[] {
  if (!graph) return [];
  let rows = rowsByGraph.get(graph);
  if (!rows) {
    const metrics = moduleMetrics(graph);
    rows = Object.values(graph.modules)
      .filter((m) => m.kind === 'loadable' || m.kind === 'builtin')
      .map((m) => ({
        name: m.name,
        category: m.category,
        supportLevel: m.supportLevel,
        loadPriority: m.loadPriority,
        dependencies: metrics[m.name]?.dependencies ?? 0,
        dependents: metrics[m.name]?.dependents ?? 0,
        transitiveDependents: metrics[m.name]?.transitiveDependents ?? 0,
      }));
    rowsByGraph.set(graph, rows);
  }
  return rows;
}

const statesByRun = new WeakMap<SimulationRun, Record<string, SimulationState>>();

/**
 * Final state of each module after the last run (and its commands). A module the run never
 * touched (no module file) was not loaded either.
 */
export function simulationStates(
  run: SimulationRun | undefined,
): Record<string, SimulationState> | undefined {
  if (!run) return undefined;
  let states = statesByRun.get(run);
  if (!states) {
    states = {};
    for (const name of Object.keys(run.graph.modules)) {
      const state = run.result.finalModules[name]?.state;
      states[name] =
        state === 'running'
          ? 'started'
          : state === 'declined'
            ? 'declined'
            : state === 'failed'
              ? 'failed'
              : 'not loaded';
    }
    statesByRun.set(run, states);
  }
  return states;
}
