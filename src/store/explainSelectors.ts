import type { ModuleGraph } from '../model';
import { resolveModule } from '../engine';
import type { CyclesAnswer, ImpactAnswer, PathsAnswer } from './explainTypes';
import { selectCurrentVersion } from './selectors';
import type { ExplorerState } from './types';

/** The selected module's name, when a module (not a library or item) is selected. */
export const selectSelectedModule = (s: ExplorerState): string | undefined =>
  s.selection?.kind === 'module' ? s.selection.name : undefined;

/** "From" of the path finder: what was typed, else the selected module. */
export const selectPathFrom = (s: ExplorerState): string => s.pathFrom ?? selectSelectedModule(s) ?? '';

/** The module Impact is about: what was typed, else the selected module. */
export const selectImpactModule = (s: ExplorerState): string =>
  s.impactModule ?? selectSelectedModule(s) ?? '';

/** Answers only while the graph they were computed for is on screen. */
export const selectPaths = (s: ExplorerState): PathsAnswer | undefined =>
  s.paths?.graph === s.graph ? s.paths : undefined;

export const selectImpact = (s: ExplorerState): ImpactAnswer | undefined =>
  s.impact?.graph === s.graph ? s.impact : undefined;

export const selectCycles = (s: ExplorerState): CyclesAnswer | undefined =>
  s.cycles?.graph === s.graph ? s.cycles : undefined;

/** Built-in versions, oldest first (the order of datasets/index.json). */
export const selectBuiltinVersions = (s: ExplorerState): string[] =>
  s.datasetIndex?.datasets.map((d) => d.version) ?? [];

/**
 * The versions Compare shows: the ones chosen, else the version before the one on screen and that
 * one (the oldest two when the oldest is on screen; the newest release when the graph is a file).
 */
export function selectCompareVersions(s: ExplorerState): { from: string; to: string } | undefined {
  const versions = selectBuiltinVersions(s);
  const current = selectCurrentVersion(s) ?? s.datasetIndex?.default;
  const at = current === undefined ? -1 : versions.indexOf(current);
  let from = versions[at - 1];
  let to = versions[at];
  if (at <= 0) {
    from = versions[0];
    to = versions[1];
  }
  from = s.compareFrom ?? from;
  to = s.compareTo ?? to;
  return from !== undefined && to !== undefined ? { from, to } : undefined;
}

/** The graph's spelling of the module Impact is about, or undefined while the name is not a module. */
export function selectImpactTarget(s: ExplorerState): string | undefined {
  const name = selectImpactModule(s);
  return s.graph && name.trim() !== '' ? resolveModule(s.graph, name) : undefined;
}

/** Module names for the suggestion lists, loadable and built-in first. */
export function moduleNameSuggestions(graph: ModuleGraph | undefined): string[] {
  const modules = Object.values(graph?.modules ?? {});
  const rank = (kind: string): number => (kind === 'loadable' || kind === 'builtin' ? 0 : 1);
  return modules
    .sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name))
    .map((m) => m.name);
}
