import type { DialplanFile, ModuleGraph, ModulesPlan, Problem } from '../model';
import type { PlanResponse, UpgradeResponse, UpgradeResult } from '../worker';

/** The Plan tab's two tasks. */
export type PlanTask = 'slim' | 'upgrade';

/**
 * What the user declares beyond the dialplan, as the Plan tab's controls hold it; `planNeedsOf`
 * turns it into the engine's PlanNeeds. Values are as PlanNeeds takes them: config files or
 * modules for channels (`pjsip.conf`, `iax.conf`, `chan_unistim`), short names for codecs,
 * formats and backends (`g722`, `wav`, `csv`).
 */
export interface PlanNeedsChoice {
  channels: string[];
  /** Empty: the planner's default (ulaw and alaw when calls go over a channel driver). */
  codecs: string[];
  /** Empty: the planner's default (gsm and wav when the dialplan plays or records files). */
  formats: string[];
  musicOnHold: boolean;
  cdr: string[];
  cel: string[];
  ari: boolean;
  /** Modules to keep, as typed: names separated by commas or spaces. */
  keep: string;
}

/** The inputs a plan was (or is being) made from, compared by identity to tell when it is stale. */
export interface PlanInputs {
  graph: ModuleGraph;
  files: DialplanFile[];
  needs: PlanNeedsChoice;
  /** The Simulate tab's modules.conf when "Compare with the current modules.conf" is on. */
  current: { text: string; file: string } | undefined;
}

/** The newest answer of the planner, with what it was asked. */
export interface PlanAttempt {
  inputs: PlanInputs;
  /** Undefined when the worker failed (see `message`). */
  response: PlanResponse | undefined;
  message?: string;
}

/** The newest plan made; kept when a later attempt makes none (bad input never costs it). */
export interface PlanMade {
  inputs: PlanInputs;
  plan: ModulesPlan;
}

export interface UpgradeInputs {
  graph: ModuleGraph;
  modulesConf: { text: string; file: string };
  /** A built-in version the file was written for; undefined: the graph on screen. */
  from: string | undefined;
  to: string;
}

export interface UpgradeAttempt {
  inputs: UpgradeInputs;
  response: UpgradeResponse | undefined;
  message?: string;
}

export interface UpgradeMade {
  inputs: UpgradeInputs;
  result: UpgradeResult;
}

export interface PlanSlice {
  planTask: PlanTask;
  /** Dialplan files as opened (and edited), entry first as the user opened them. */
  dialplanFiles: DialplanFile[];
  /** The file the editor shows. */
  dialplanShown: string | undefined;
  /** Files the last "Open dialplan files" refused (binary, too large), each said with its name. */
  dialplanRefused: Problem[];
  planNeeds: PlanNeedsChoice;
  /** Compare the plan with the Simulate tab's modules.conf (saving, diff) instead of autoload = yes. */
  planAgainstCurrent: boolean;
  planStatus: 'idle' | 'running';
  planAttempt: PlanAttempt | undefined;
  planMade: PlanMade | undefined;
  /** Target version of Upgrade; undefined picks the default (see `selectUpgradeTo`). */
  upgradeTo: string | undefined;
  /** The built-in version the file was written for; undefined: the version on screen. */
  upgradeFrom: string | undefined;
  upgradeStatus: 'idle' | 'running';
  upgradeAttempt: UpgradeAttempt | undefined;
  upgradeMade: UpgradeMade | undefined;

  setPlanTask(task: PlanTask): void;
  /**
   * Reads files through the editors' text gate (binary and overlong files refused, each said
   * with its name); the others join the list, replacing a file of the same name.
   */
  openDialplanFiles(files: ReadonlyArray<Blob & { readonly name: string }>): Promise<void>;
  removeDialplanFile(name: string): void;
  editDialplanFile(name: string, text: string): void;
  showDialplanFile(name: string): void;
  setPlanNeeds(patch: Partial<PlanNeedsChoice>): void;
  setPlanAgainstCurrent(on: boolean): void;
  /** Plans from the current inputs; only the newest run lands. */
  runPlan(): Promise<void>;
  /** Puts the plan into the Simulate tab's modules.conf, opens that tab and runs the simulation. */
  usePlanInSimulate(): Promise<void>;
  setUpgradeTo(version: string): void;
  /** undefined: the version on screen. */
  setUpgradeFrom(version: string | undefined): void;
  runUpgrade(): Promise<void>;
}
