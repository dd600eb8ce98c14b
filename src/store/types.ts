import type { StateCreator } from 'zustand/vanilla';
import type { ModuleGraph, Problem, ProvidedItemKind } from '../model';
import type { DatasetIndex } from '../ingest';
import type { ElementView, ViewMode } from '../graph/elements';
import type { LayoutAlgorithm } from '../graph/layoutInput';
import type { ExplorerClient, LoadProgress, SourceFile } from '../worker';
import type { SimulationSlice } from './simulationTypes';
import type { GraphViewSlice } from './graphViewTypes';
import type { SearchSlice } from './searchSlice';
import type { CompareSlice, ExplainQueriesSlice } from './explainTypes';
import type { PlanSlice } from './planTypes';
import type { ShareSlice } from './shareSlice';
import type { ServerSlice } from './serverSlice';
import type { StartView } from './shareTypes';

/** Where the current graph came from. */
export type DatasetSource =
  | { kind: 'builtin'; version: string }
  | {
      kind: 'files';
      /** Kept so load order facts can be borrowed again from another version. */
      files: SourceFile[];
      names: string[];
      runtimeFactsVersion?: string;
      /** Where the file was fetched from (a link's `?src=`); a link can name it again. */
      url?: string;
    };

/** What is being loaded right now (the previous graph stays on screen meanwhile). */
export type Loading =
  { kind: 'builtin'; version: string } | { kind: 'files'; names: string[]; progress?: LoadProgress };

/** A load that did not replace the graph: its problems are shown above the graph's own. */
export interface FailedAttempt {
  outcome: 'failed' | 'cancelled';
  /** e.g. "Opening truncated.xml" */
  description: string;
  problems: Problem[];
}

/** What the inspector shows. Items are identified as Asterisk matches them: kind + case-insensitive name. */
export type Selection =
  | { kind: 'module'; name: string }
  | { kind: 'library'; name: string }
  | { kind: 'item'; itemKind: ProvidedItemKind; name: string };

/** Tabs of the side panel; later features (the loader simulation) add theirs here. */
export type SidePanelTab = 'inspector' | 'explain' | 'compare' | 'problems' | 'simulate' | 'plan' | 'server';

/** What fills the main area: the cytoscape graph or the module table (they share the selection). */
export type MainView = 'graph' | 'table';

/**
 * A set of modules (and the edges between them) that an explanation wants drawn out on the graph:
 * the paths between two modules, what a failure takes down, a dependency cycle.
 * Names are module names; edges point as dependency edges do (dependent -> what it needs).
 */
export interface Highlight {
  kind: 'path' | 'impact' | 'cycle';
  /** One line a person reads, e.g. "3 paths from app_queue to res_odbc". */
  title: string;
  /** Where it starts (the impacted module, the path's first module), drawn ringed. */
  origin?: string;
  nodes: string[];
  edges: Array<[from: string, to: string]>;
}

/** Compare-versions overlay on the graph of the newer version: what changed, by module name. */
export interface CompareOverlay {
  from: string;
  to: string;
  added: string[];
  /** In `from` only: drawn as ghost nodes where the graph has room, and listed in the Compare tab. */
  removed: string[];
  changed: string[];
}

export interface ExplainSlice {
  highlight: Highlight | undefined;
  compareOverlay: CompareOverlay | undefined;
  setHighlight(highlight: Highlight | undefined): void;
  setCompareOverlay(overlay: CompareOverlay | undefined): void;
}

export interface DatasetSlice {
  datasetIndex: DatasetIndex | undefined;
  graph: ModuleGraph | undefined;
  /** Problems of the current graph's input. */
  graphProblems: Problem[];
  source: DatasetSource | undefined;
  /** Raw `<version>.layout.json` of the current built-in dataset; the graph layer validates it. */
  precomputedLayout: unknown;
  /**
   * Lists the built-in datasets, then shows what `link` describes (the address the page was opened
   * with), else the default dataset. A link that cannot be read says why and the default shows.
   */
  init(link?: StartView): Promise<void>;
  loadBuiltin(version: string): Promise<void>;
  setRuntimeFactsVersion(version: string): Promise<void>;
  exportMetadataXml(): Promise<string | undefined>;
}

export interface FilesSlice {
  loading: Loading | undefined;
  lastAttempt: FailedAttempt | undefined;
  /**
   * Opens and merges files; `runtimeFactsVersion` borrows load order facts from that built-in
   * version; `url` is where the file was fetched from, when it was.
   */
  openFiles(files: SourceFile[], runtimeFactsVersion?: string, url?: string): Promise<void>;
  cancelLoading(): void;
  dismissLastAttempt(): void;
}

export interface ViewSlice extends ElementView, GraphViewSlice {
  layout: LayoutAlgorithm;
  mainView: MainView;
  selection: Selection | undefined;
  sidePanelTab: SidePanelTab;
  setViewMode(mode: ViewMode): void;
  setLayout(layout: LayoutAlgorithm): void;
  setMainView(view: MainView): void;
  setShowLibraries(show: boolean): void;
  setShowNonLoadable(show: boolean): void;
  select(selection: Selection | undefined): void;
  /** Selects a module and brings the inspector forward (problems, search, links in the inspector). */
  inspectModule(name: string): void;
  setSidePanelTab(tab: SidePanelTab): void;
}

export type ExplorerState = DatasetSlice &
  FilesSlice &
  ViewSlice &
  SimulationSlice &
  ExplainSlice &
  SearchSlice &
  ExplainQueriesSlice &
  CompareSlice &
  PlanSlice &
  ShareSlice &
  ServerSlice;

/** Shared by the slices: the worker client and a counter that lets only the newest load land. */
export interface StoreContext {
  client: ExplorerClient;
  /** Runs simulations; its own worker so cancelling a run never cancels a load (and vice versa). */
  simulationClient: ExplorerClient;
  nextTicket(): number;
  isCurrent(ticket: number): boolean;
}

export type SliceCreator<T> = (
  ...args: [...Parameters<StateCreator<ExplorerState, [], [], T>>, StoreContext]
) => T;
