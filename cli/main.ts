/**
 * `asterisk-module-explorer`: the loader simulation and modules.conf check for CI pipelines, and
 * the graph questions (deps, path, impact, cycles, diff).
 * Uses ingest and engine directly; all input and output go through an injected CliIo.
 */
import type { ModuleGraph, ModulesConf, Problem, SimulationOptions } from '../src/model';
import {
  checkModulesConf,
  loadOrderCsv,
  loadOrderRows,
  moduleFileOf,
  simulate,
  simulationReport,
} from '../src/engine';
import { loaderKindFor, loaderReleaseName } from '../src/engine/loaderReleases';
import { parseModulesConf } from '../src/ingest/modulesConf';
import { parseSorceryConf } from '../src/ingest/sorceryConf';
import { USAGE, UsageError, commandNameOf, parseCliArgs } from './args';
import type { CliArgs } from './args';
import { loadData } from './data';
import { dataProblemsText, groupDataProblems, type DataProblemGroup } from './dataProblems';
import { readTextFile } from './textFile';
import type { CliIo } from './io';
import { parseQueryArgs, queryCommandOf } from './queryArgs';
import { parsePlanArgs, runPlan } from './plan';
import { parseUpgradeArgs, runUpgrade } from './upgrade';
import { calibrateOptions, parseDiagnoseArgs, runDiagnose } from './diagnose';
import { runQuery } from './queryCommands';
import { checkJson, checkText, formatProblem, simulateJson, simulateText } from './report';
import { intentOf } from '../src/engine/intent/intentOf';
import type { IntentOptions } from '../src/engine/intent/intentOf';

/** Codes of configuration problems Asterisk 13 does not know: its loader ignores them. */
const NEWER_LOADER_CHECKS = new Set<Problem['code']>([
  'config-unknown-option',
  'config-conflict',
  'config-noload-builtin',
]);

interface Inputs {
  graph: ModuleGraph;
  conf: ModulesConf;
  options: SimulationOptions;
  problems: Problem[];
  /** What the UI's Problems tab shows for the dataset, grouped (stderr in text mode, `dataProblems` in --json). */
  dataProblems: DataProblemGroup[];
}

/** Runs the CLI; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  const command = wantsHelp ? undefined : commandNameOf(argv);
  let args: CliArgs;
  try {
    if (command === 'plan') return runPlan(parsePlanArgs(argv), io);
    if (command === 'upgrade') return runUpgrade(parseUpgradeArgs(argv), io);
    if (command === 'diagnose') return runDiagnose(parseDiagnoseArgs(argv), io);
    if (queryCommandOf(argv)) return runQuery(parseQueryArgs(argv), io);
    args = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`error: ${err.message}\n\n${USAGE}`);
    return 1;
  }
  if (args.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const inputs = readInputs(args, io);
  if (!inputs) return 1;
  return args.command === 'check' ? runCheck(args, inputs, io) : runSimulate(args, inputs, io);
}

function readInputs(args: CliArgs, io: CliIo): Inputs | undefined {
  const { graph, problems: dataProblems } = loadData(args.data, io);
  const dataErrors = dataProblems.filter((p) => p.severity === 'error');
  if (!graph) {
    for (const p of dataErrors.length > 0 ? dataErrors : dataProblems) io.stderr(`${formatProblem(p)}\n`);
    if (dataProblems.length === 0) io.stderr(`error: --data ${args.data.join(', ')} gave no module graph.\n`);
    return undefined;
  }
  const confPath = args.modulesConf ?? '';
  const conf = readTextFile(io, confPath, 'modules-conf', '--modules-conf');
  if (conf.problem) {
    io.stderr(`${formatProblem(conf.problem)}\n`);
    return undefined;
  }
  const confText = conf.text;
  const parsed = parseModulesConf(confText, confPath, { builtins: graph.info.builtinOrder });
  if (!parsed.data) {
    for (const p of parsed.problems) io.stderr(`${formatProblem(p)}\n`);
    return undefined;
  }
  const loader = args.loader ?? loaderKindFor(args.asteriskVersion ?? graph.info.version);
  const problems = parsed.problems.map((p) =>
    loader === 'legacy' && NEWER_LOADER_CHECKS.has(p.code) && p.severity === 'error'
      ? { ...p, severity: 'warning' as const }
      : p,
  );

  const options: SimulationOptions = { faults: args.faults, commands: args.then };
  if (args.loader) options.loader = args.loader;
  if (args.asteriskVersion !== undefined) options.version = args.asteriskVersion;
  if (args.sorceryConf !== undefined) {
    const read = readTextFile(io, args.sorceryConf, 'modules-conf', '--sorcery-conf');
    if (read.problem) {
      io.stderr(`${formatProblem(read.problem)}\n`);
      return undefined;
    }
    const sorcery = parseSorceryConf(read.text, args.sorceryConf);
    for (const p of sorcery.problems) io.stderr(`${formatProblem(p)}\n`);
    if (!sorcery.data || sorcery.problems.some((p) => p.severity === 'error')) return undefined;
    options.sorceryConf = sorcery.data;
  }
  if (args.available !== undefined) {
    let text: string;
    try {
      text = io.readFile(args.available);
    } catch (err) {
      io.stderr(
        `error: cannot read --available ${args.available}: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      return undefined;
    }
    options.available = readAvailable(text);
  }
  return { graph, conf: parsed.data, options, problems, dataProblems: groupDataProblems(dataProblems) };
}

/** One module file name per line; blank lines and `#` comments are skipped. */
export function readAvailable(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map(moduleFileOf);
}

function runSimulate(args: CliArgs, inputs: Inputs, io: CliIo): number {
  if (args.moduleShow !== undefined) {
    const calibrated = calibrateOptions(args.moduleShow, inputs, io);
    if (!calibrated) return 1;
    inputs = { ...inputs, options: calibrated };
  }
  const result = simulate(inputs.graph, inputs.conf, inputs.options);
  const intent = args.json
    ? undefined
    : intentOf(inputs.graph, inputs.conf, result, startupOptionsOf(inputs.options));
  const problems = [
    ...inputs.problems,
    ...result.problems.filter((p) => p.code !== 'no-link-facts' || !args.json),
  ];
  io.stdout(
    args.json
      ? `${JSON.stringify({ ...simulateJson(result), dataProblems: inputs.dataProblems }, null, 2)}\n`
      : args.format === 'csv'
        ? loadOrderCsv(loadOrderRows(result))
        : args.format === 'md'
          ? simulationReport({
              graph: inputs.graph,
              result,
              intent,
              loaderLabel: loaderReleaseName(result.release, result.loader),
            })
          : simulateText(result, args.log, intent, args.verbose),
  );
  if (!args.json) io.stderr(dataProblemsText(inputs.dataProblems, inputs.graph.info.version));
  for (const p of problems) if (p.severity !== 'info' || !args.json) io.stderr(`${formatProblem(p)}\n`);
  if (problems.some((p) => p.severity === 'error')) return 1;
  return result.exitCode;
}

/** The options that shape startup (run-time commands do not change what modules.conf asks for). */
function startupOptionsOf(options: SimulationOptions): IntentOptions {
  const startup: IntentOptions = {};
  if (options.loader) startup.loader = options.loader;
  if (options.version !== undefined) startup.version = options.version;
  if (options.sorceryConf) startup.sorceryConf = options.sorceryConf;
  if (options.available) startup.available = options.available;
  if (options.faults) startup.faults = options.faults;
  return startup;
}

function runCheck(args: CliArgs, inputs: Inputs, io: CliIo): number {
  const checkOptions: SimulationOptions = {};
  if (inputs.options.loader) checkOptions.loader = inputs.options.loader;
  if (inputs.options.version !== undefined) checkOptions.version = inputs.options.version;
  if (inputs.options.sorceryConf) checkOptions.sorceryConf = inputs.options.sorceryConf;
  if (inputs.options.available) checkOptions.available = inputs.options.available;
  const check = checkModulesConf(inputs.graph, inputs.conf, checkOptions);
  const intent = intentOf(inputs.graph, inputs.conf, check.simulation, checkOptions);
  // The per-module dependency warnings of checkModulesConf are said once per cause by the intent.
  const problems = [
    ...inputs.problems,
    ...check.problems.filter((p) => !(p.code === 'config-conflict' && p.module !== undefined)),
  ];
  const ok = intent.ok && !problems.some((p) => p.severity === 'error');
  if (args.json) {
    const document = { ...checkJson(ok, intent, problems), dataProblems: inputs.dataProblems };
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    io.stdout(checkText(ok, intent, problems, inputs.graph.info.version));
    io.stderr(dataProblemsText(inputs.dataProblems, inputs.graph.info.version));
  }
  // 2, as for a startup that fails: the file does not do what it says. 1 stays for bad input.
  return ok ? 0 : 2;
}
