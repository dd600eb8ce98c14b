/** Public API of the engine: the loader simulation and the graph questions built on it. */
export { simulate, defaultAvailableFiles, moduleFileOf } from './simulate';
export { parseRuntimeCommand, renderRuntimeCommand, NOT_RUNNING_MESSAGE } from './runtimeCommands';
export type { ParsedCommand } from './runtimeCommands';
export { formatLogLine } from './transcript';
export { loaderFacts, DEFAULT_PRIORITY } from './loaderFacts';
export type { LoaderFacts, ModuleLoadFacts } from './loaderFacts';
export { moduleKey, stripSo } from './names';
export { checkModulesConf } from './checkModulesConf';
export type { CheckResult } from './checkModulesConf';
export {
  dependenciesOf,
  dependentsOf,
  transitiveDependencies,
  transitiveDependents,
  whyStarted,
  whyDeclined,
  explainModule,
} from './queries';
export type { Dependency } from './queries';
export * from './graphQueries';
export { searchGraph, prepareSearch, normaliseQuery, DEFAULT_SEARCH_LIMIT } from './search/searchGraph';
export type { SearchEntry, SearchEntryKind, SearchHit, SearchResult, MatchKind } from './search/searchGraph';
export { nameHistory, describeNameHistory } from './search/history';
export type { NameHistory, VersionModules } from './search/history';
export { moduleMetrics, METRIC_EDGE_KINDS } from './search/moduleMetrics';
export type { ModuleMetrics } from './search/moduleMetrics';
export { intentOf, describeNoload, describeListed, noloadEffect } from './intent/intentOf';
export type { IntentResult, IntentOptions, ListedLine, NoloadLine, TroubleGroup } from './intent/intentOf';
export { planModulesConf, planRequirements } from './plan/planModulesConf';
export type { PlanInput } from './plan/planModulesConf';
export { verifyPlan } from './plan/verifyPlan';
export type { PlanRequirements } from './plan/verifyPlan';
export { needsFromNames } from './plan/needs';
export { upgradeModulesConf } from './upgrade/upgradeModulesConf';
export type { UpgradeFinding, UpgradeInput, UpgradeResult } from './upgrade/upgradeModulesConf';
