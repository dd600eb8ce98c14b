/** Graph questions: focus, paths, cycles, impact, category collapse and version diff. */
export { DEFAULT_QUERY_KINDS, kindsBetween } from './adjacency';
export type { QueryEdge } from './adjacency';
export { resolveModule, suggestModule } from './moduleNames';
export { focusNeighbourhood } from './focus';
export type { FocusMode, FocusOptions, FocusResult } from './focus';
export { collapseByCategory, foldEdges } from './collapse';
export type { CategoryEdge, CategoryGroup, CollapsedGraph, FoldedEdge, FoldedEdges } from './collapse';
export { findPaths, DEFAULT_PATH_CAP } from './paths';
export type { PathOptions, PathsResult } from './paths';
export { findCycles } from './cycles';
export type { Cycle, CycleOptions } from './cycles';
export { impactOf, loaderForVersion, IMPACT_KINDS } from './impact';
export type { ImpactKind, ImpactResult } from './impact';
export { diffGraphs } from './diff';
export type { ModuleChange, RenamedModule, VersionDiff } from './diff';
