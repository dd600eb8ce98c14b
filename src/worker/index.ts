export {
  createExplorerApi,
  fetchTextOverHttp,
  type ExplorerApi,
  type ExplorerApiDeps,
  type LoadPhase,
  type LoadProgress,
  type LoadResult,
  type OpenFilesOptions,
  type ProgressListener,
  type SourceFile,
} from './explorerApi';
export {
  CancelledError,
  connectEndpoint,
  connectInProcess,
  createBrowserExplorerClient,
  createExplorerClient,
  type AsyncExplorerApi,
  type ExplorerClient,
  type ExplorerConnection,
} from './explorerClient';
export { runSimulation, type SimulationRequest, type SimulationResponse } from './simulationApi';
export type { DialplanSummary, PlanRequest, PlanResponse, UpgradeRequest, UpgradeResponse } from './planApi';
export type { ServerFile, ServerRequest, ServerResponse } from './serverApi';
export type { UpgradeFinding, UpgradeResult } from '../engine';
export { isStaleGraphError, StaleGraphError } from './heldGraph';
/** The answers of the graph questions, as the worker returns them (the UI never imports the engine). */
export type { Cycle, ImpactKind, ImpactResult, PathsResult, VersionDiff } from '../engine';
