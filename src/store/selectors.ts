import type { ModuleGraph, Problem } from '../model';
import type { ExplorerState } from './types';
import type { SimulationRun } from './simulationTypes';

/** Narrow selectors: components subscribe to exactly what they show. Derived values are computed, never stored. */

export const selectGraph = (s: ExplorerState): ModuleGraph | undefined => s.graph;

export interface ModuleCounts {
  loadable: number;
  builtin: number;
  other: number;
}

const NO_MODULES: ModuleCounts = { loadable: 0, builtin: 0, other: 0 };
/** Selectors run on every store change; a graph never changes once made, so count it once. */
const countsByGraph = new WeakMap<ModuleGraph, ModuleCounts>();

export function countModules(graph: ModuleGraph | undefined): ModuleCounts {
  if (!graph) return NO_MODULES;
  const known = countsByGraph.get(graph);
  if (known) return known;
  const counts = { loadable: 0, builtin: 0, other: 0 };
  for (const m of Object.values(graph.modules)) {
    if (m.kind === 'loadable') counts.loadable += 1;
    else if (m.kind === 'builtin') counts.builtin += 1;
    else counts.other += 1;
  }
  countsByGraph.set(graph, counts);
  return counts;
}

/** Loadable modules only, the number the dataset index and the header show. */
export const selectLoadableModuleCount = (s: ExplorerState): number => countModules(s.graph).loadable;

export const selectBuiltinModuleCount = (s: ExplorerState): number => countModules(s.graph).builtin;

export const selectIsBusy = (s: ExplorerState): boolean => s.loading !== undefined;

export const selectCurrentVersion = (s: ExplorerState): string | undefined =>
  s.source?.kind === 'builtin' ? s.source.version : undefined;

/** Problems of the last failed attempt first (they explain why nothing changed), then the graph's. */
export function allProblems(state: Pick<ExplorerState, 'lastAttempt' | 'graphProblems'>): Problem[] {
  return [...(state.lastAttempt?.problems ?? []), ...state.graphProblems];
}

export function problemCounts(problems: readonly Problem[]): Record<Problem['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity] += 1;
  return counts;
}

/** The last simulation, only while the graph it was computed for is on screen. */
export const selectSimulation = (s: ExplorerState): SimulationRun | undefined =>
  s.simulation && s.simulation.graph === s.graph ? s.simulation : undefined;
