export { createExplorerStore, type ExplorerStore } from './createExplorerStore';
export { ExplorerStoreProvider, useExplorer, useExplorerStore } from './react';
export * from './selectors';
export { selectFocus, selectFocusCenter, selectFocusTrail } from './graphViewSelectors';
export { NO_GRAPH_FILTERS } from './graphViewTypes';
export type { FilterKey, GraphFilters, GraphViewSlice, OutsideFocus } from './graphViewTypes';
export type { FocusMode, FocusResult } from '../engine';
export { selectionExists } from './commit';
export type {
  CompareOverlay,
  DatasetSource,
  ExplorerState,
  FailedAttempt,
  Highlight,
  Loading,
  MainView,
  Selection,
  SidePanelTab,
} from './types';
export type { ColourBy, SimulationNotice, SimulationRun, SimulationSlice } from './simulationTypes';
export type { IntentResult, ListedLine, NoloadLine, TroubleGroup } from '../engine';
export { intentFindings, intentScope, intentVerdict, listedOutcome, noloadEffect } from './intentText';
export type { IntentFinding } from './intentText';
export { DEFAULT_MODULES_CONF } from './simulationSlice';
export { commandWarningLines, explainOutcome, rowsAtVerbosity, transcriptRows } from './simulationText';
export type { TranscriptRow } from './simulationText';
export * from './explainSelectors';
export {
  describeCycles,
  describeImpact,
  describePaths,
  IMPACT_KIND_LABELS,
  IMPACT_KINDS,
} from './explainText';
export type {
  CompareAnswer,
  CyclesAnswer,
  ExplainQueriesSlice,
  CompareSlice,
  ImpactAnswer,
  PathsAnswer,
} from './explainTypes';
export type { SearchSlice } from './searchSlice';
export { needsModuleNames, prepareModuleSearch, searchModules, searchNote } from './moduleSearch';
export type { MatchKind, SearchEntryKind, SearchHit, SearchNote, SearchResult } from './moduleSearch';
export { moduleRows, simulationStates } from './moduleTable';
export type { ModuleRow, SimulationState } from './moduleTable';
export { editorTextKind, readEditorFile, refusePastedText } from './editorText';
export type { EditorFileResult, EditorTextKind } from './editorText';
export {
  keepNames,
  NO_PLAN_NEEDS,
  planNeedsOf,
  selectCanPlan,
  selectPlan,
  selectPlanAttempt,
  selectPlanInputs,
  selectPlanIsPrevious,
  selectPlanIsStale,
  selectUpgrade,
  selectUpgradeAttempt,
  selectUpgradeIsStale,
  selectUpgradeTo,
} from './planSlice';
export type { PlanNeedsChoice, PlanSlice, PlanTask } from './planTypes';
export { planChoicesOf } from './planChoices';
export type { PlanChoice, PlanChoices } from './planChoices';
export { decodeSharedView, encodeSharedView, linkFromAddress, sharedViewOf, SHARE_FORMAT } from './shareLink';
export type { DecodedLink, SharedViewV1 } from './shareLink';
export type { ShareSlice } from './shareSlice';
export { readSession, sessionOf, SESSION_FORMAT } from './session';
export type { ReadSession, SessionV1, StartView } from './shareTypes';
export { selectServerRun } from './serverSlice';
export type { ServerFileKind, ServerRun, ServerSlice } from './serverSlice';
export { dotFile, loadOrderCsvFile, loadOrderJsonFile, reportFile, transcriptFile } from './exports';
export type { ExportFile } from './exports';
export { loaderChoiceLabel, resultLoader, versionHasCommand, versionLoader } from './loaderLabels';
export type { LoaderDescription } from './loaderLabels';
