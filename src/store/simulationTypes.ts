import type { LoaderChoice, ModuleFault, ModuleGraph, Problem, SimulationResult } from '../model';
import type { IntentResult } from '../engine';

/** How module nodes are coloured: by category (the explorer's default) or by simulated outcome. */
export type ColourBy = 'category' | 'outcome';

/** A finished simulation and the graph it was computed for (a result never outlives its graph). */
export interface SimulationRun {
  graph: ModuleGraph;
  result: SimulationResult;
  /** The run-time commands it ran, in order (mirrors `result.runtime`). */
  commands: string[];
  /** What modules.conf asks for and whether the run does it, line by line (see engine/intent). */
  intent: IntentResult | undefined;
}

/** Why the last run did not produce a new result. */
export interface SimulationNotice {
  kind: 'cancelled' | 'failed' | 'rejected';
  message: string;
}

export interface SimulationSlice {
  /** Default `version`: the loader of the dataset's Asterisk version. */
  simLoader: LoaderChoice;
  /** modules.conf as typed or opened; the default autoloads everything, as Asterisk's sample does. */
  modulesConf: { text: string; file: string };
  /** Modules whose `.so` file is not in the module directory (every other file is present). */
  absentFiles: string[];
  faults: Record<string, ModuleFault>;
  /** Run-time commands run after startup, in order; each command button appends one and re-runs. */
  commands: string[];
  simulation: SimulationRun | undefined;
  /** Problems of the modules.conf of the last run (line and column). */
  confProblems: Problem[];
  /** The server's sorcery.conf, when opened: its wizard mappings move wizard references. */
  sorceryConf: { text: string; file: string } | undefined;
  /** Problems of sorcery.conf in the last run (line and column). */
  sorceryProblems: Problem[];
  /**
   * References a live server holds beyond the simulation's (from its module show, in the Server
   * tab), kept through the run-time commands; empty unless calibrated.
   */
  heldReferences: Record<string, number>;
  simulationStatus: 'idle' | 'running';
  simulationNotice: SimulationNotice | undefined;
  /** Index into `result.events` the timeline shows; undefined shows the end state. */
  timelineStep: number | undefined;
  colourBy: ColourBy;

  setSimLoader(loader: LoaderChoice): void;
  setModulesConf(text: string, file?: string): void;
  /** Sets (empty: clears) the references the server holds, and runs again. */
  setHeldReferences(held: Record<string, number>): Promise<void>;
  /** Opens (or with `undefined` closes) sorcery.conf and runs again. */
  setSorceryConf(file: { text: string; file: string } | undefined): Promise<void>;
  setFilePresent(module: string, present: boolean): void;
  setAllFilesPresent(): void;
  /** Sets (or with `undefined` clears) the fault of one module. */
  setFault(module: string, fault: ModuleFault | undefined): void;
  clearFaults(): void;
  runSimulation(): Promise<void>;
  cancelSimulation(): void;
  /** Appends a run-time command (`module unload X`...) and re-runs the simulation with it. */
  runCommand(command: string): Promise<void>;
  clearCommands(): Promise<void>;
  setTimelineStep(step: number | undefined): void;
  setColourBy(colourBy: ColourBy): void;
}
