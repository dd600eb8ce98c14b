import type { ModuleGraph } from '../model';
import type { Cycle, ImpactKind, ImpactResult, PathsResult, VersionDiff } from '../worker';

/**
 * One question put to the worker and its answer, tied to the graph it was asked about: a graph
 * change clears it, and an answer arriving for an older question or graph is dropped.
 */
export type Answer<Q, A> = { graph: ModuleGraph; query: Q } & AnswerStatus<A>;

export type AnswerStatus<A> =
  { status: 'pending' } | { status: 'done'; answer: A } | { status: 'failed'; message: string };

export interface PathQuery {
  from: string;
  to: string;
}

export interface ImpactQuery {
  module: string;
  as: ImpactKind;
}

export type PathsAnswer = Answer<PathQuery, PathsResult>;
export type ImpactAnswer = Answer<ImpactQuery, ImpactResult>;
export type CyclesAnswer = Answer<null, Cycle[]>;

/** The Explain tab: path finder, impact and cycles of the graph on screen, computed in the worker. */
export interface ExplainQueriesSlice {
  /** What the user typed in "From"; undefined follows the selected module. */
  pathFrom: string | undefined;
  pathTo: string;
  paths: PathsAnswer | undefined;
  /** Index of the one path drawn on the graph; undefined draws them all. */
  shownPath: number | undefined;
  /** The module typed in Impact; undefined follows the selected module (and is reset when it changes). */
  impactModule: string | undefined;
  impactAs: ImpactKind;
  impact: ImpactAnswer | undefined;
  cycles: CyclesAnswer | undefined;
  /** Index of the cycle last drawn on the graph (drawn while `highlight` is a cycle). */
  shownCycle: number | undefined;

  setPathFrom(name: string): void;
  setPathTo(name: string): void;
  /** Finds every path from one module to another and draws their union on the graph. */
  findPaths(from: string, to: string): Promise<void>;
  /** Draws only the path at `index` of the current answer (the union again with `undefined`). */
  showPath(index: number | undefined): void;
  /** Forgets the paths and takes them off the graph. */
  clearPaths(): void;
  setImpactModule(name: string | undefined): void;
  setImpactAs(as: ImpactKind): void;
  /**
   * What goes down with `module`; the answer is drawn on the graph unless the graph shows a path or
   * a cycle the user picked (then `showImpact` draws it).
   */
  computeImpact(module: string, as: ImpactKind): Promise<void>;
  showImpact(): void;
  /** Opens the Explain tab on the impact of `module` (links from the inspector). */
  explainImpact(module: string, as: ImpactKind): void;
  /** Opens the Explain tab with `module` as the start of the path finder. */
  explainPathsFrom(module: string): void;
  computeCycles(): Promise<void>;
  showCycle(index: number): void;
  /** Takes any explanation off the graph. */
  clearHighlight(): void;
  /** Selects a module without leaving the Explain or Compare tab, so the explanation stays in view. */
  selectModuleInPlace(name: string): void;
}

/** Keyed to nothing but the two versions: a diff of built-ins stays true whatever is on screen. */
export type CompareAnswer = { query: { from: string; to: string } } & AnswerStatus<VersionDiff>;

/** The Compare tab: what changed between two built-in versions, as lists and as a graph overlay. */
export interface CompareSlice {
  /** Chosen versions; undefined means the default (the version before the current one, and the current). */
  compareFrom: string | undefined;
  compareTo: string | undefined;
  compare: CompareAnswer | undefined;
  /** "Show on graph": the To version is on screen with `compareOverlay` over it. */
  compareOnGraph: boolean;
  compareVersions(from: string, to: string): Promise<void>;
  setCompareOnGraph(show: boolean): Promise<void>;
}
