import type {
  LoaderKind,
  ModuleFault,
  ModuleGraph,
  ModulesConf,
  Problem,
  SimulationResult,
  SorceryConf,
} from '../model';
import { parseModulesConfFor } from '../ingest/modulesConf';
import { parseSorceryConf } from '../ingest/sorceryConf';
import { defaultAvailableFiles, intentOf, moduleKey, simulate } from '../engine';
import type { IntentResult } from '../engine';

/**
 * Everything one simulation run needs besides the graph, which the worker already holds (see
 * `ExplorerApi.useGraph`); plain data so it crosses to the worker unchanged.
 */
export interface SimulationRequest {
  /** modules.conf as the user typed or opened it. */
  modulesConf: { text: string; file: string };
  /** Default: the loader of the dataset's version. */
  loader?: LoaderKind;
  /** Module names whose `.so` is not in the module directory; every other loadable module is present. */
  absentFiles: readonly string[];
  faults: Readonly<Record<string, ModuleFault>>;
  /** Run-time CLI commands, as typed, run in order after startup. */
  commands: readonly string[];
  /** The server's sorcery.conf, when the user opened one. */
  sorceryConf?: { text: string; file: string };
  /** References the server holds beyond the simulation's (module show), by module. */
  heldReferences?: Readonly<Record<string, number>>;
}

export interface SimulationResponse {
  /**
   * Undefined when Asterisk would reject modules.conf as a whole (`'modules.conf' invalid or
   * missing.`): the page keeps the previous result and shows the problems instead.
   */
  result: SimulationResult | undefined;
  /** Problems of modules.conf, each with its line and column. */
  confProblems: Problem[];
  /** The parsed file, for the page to show what was understood. */
  conf: ModulesConf | undefined;
  /**
   * What the file asks for and whether the run does it (listed lines that do not run, what each
   * noload takes down); undefined when there is no result.
   */
  intent: IntentResult | undefined;
  /** Problems of sorcery.conf with their lines: its own syntax, then what the run could not map. */
  sorceryProblems: Problem[];
}

/** Parses modules.conf against the dataset's built-ins and runs the loader simulation on `graph`. */
export function runSimulation(graph: ModuleGraph, request: SimulationRequest): SimulationResponse {
  const parsed = parseModulesConfFor(graph, request.modulesConf);
  const conf = parsed.data;
  if (!conf || conf.status === 'invalid') {
    return { result: undefined, confProblems: parsed.problems, conf, intent: undefined, sorceryProblems: [] };
  }
  let sorceryConf: SorceryConf | undefined;
  const sorceryProblems: Problem[] = [];
  if (request.sorceryConf) {
    const sorcery = parseSorceryConf(request.sorceryConf.text, request.sorceryConf.file);
    sorceryProblems.push(...sorcery.problems);
    if (!sorcery.data || sorcery.problems.some((p) => p.severity === 'error'))
      return { result: undefined, confProblems: parsed.problems, conf, intent: undefined, sorceryProblems };
    sorceryConf = sorcery.data;
  }
  const absent = new Set(request.absentFiles.map(moduleKey));
  const available =
    absent.size === 0
      ? undefined
      : defaultAvailableFiles(graph).filter((file) => !absent.has(moduleKey(file)));
  const options = {
    ...(request.loader ? { loader: request.loader } : {}),
    faults: request.faults,
    ...(available ? { available } : {}),
    ...(sorceryConf ? { sorceryConf } : {}),
  };
  const result = simulate(graph, conf, {
    ...options,
    commands: request.commands,
    ...(request.heldReferences ? { heldReferences: request.heldReferences } : {}),
  });
  const intent = intentOf(graph, conf, result, options);
  const file = request.sorceryConf?.file;
  sorceryProblems.push(...result.problems.filter((p) => file !== undefined && p.file === file));
  return { result, confProblems: parsed.problems, conf, intent, sorceryProblems };
}
