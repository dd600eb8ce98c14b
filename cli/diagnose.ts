/**
 * `diagnose`: what a server's startup log says really happened, what the simulator predicts for
 * the same modules.conf and module files, and where they differ (with the log lines that show
 * why). Exit 0 when they agree, 3 when they differ, 1 on bad input.
 */
import type {
  ElfBuildFacts,
  ElfObject,
  Diagnosis,
  LogEvidence,
  LoaderKind,
  ModuleFault,
  ModuleGraph,
  ModulesConf,
  ParseResult,
  Problem,
  SimulationOptions,
} from '../src/model';
import { LOADER_KINDS } from '../src/model';
import { parseModulesConf } from '../src/ingest/modulesConf';
import { parseCoreSettings, parseModuleDir, parseModuleShow, parseStartupLog } from '../src/ingest/server';
import { calibrateFromModuleShow, diagnose } from '../src/engine/diagnose';
import { applyElfBuildFacts, elfBuildFacts } from '../src/engine/diagnose/elfBuildFacts';
import { readElf } from '../src/ingest/elf';
import { parseSorceryConf } from '../src/ingest/sorceryConf';
import { basename, join } from 'node:path';
import { moduleFileOf } from '../src/engine';
import { FAULTS, UsageError, parseStrict } from './args';
import { loadData } from './data';
import type { CliIo } from './io';
import { formatProblem } from './report';
import { readTextFile } from './textFile';

export interface DiagnoseArgs {
  data: string[];
  log: string;
  modulesConf?: string;
  available?: string;
  moduleShow?: string;
  /** `core show settings`: the server's version, whose loader is simulated. */
  settings?: string;
  /** Module files (.so), or directories of them: the build's link facts and registrations. */
  so?: string[];
  /** The server's sorcery.conf. */
  sorceryConf?: string;
  faults: Record<string, ModuleFault>;
  expectOwnDeclines: boolean;
  loader?: LoaderKind;
  json: boolean;
}

/** The `--json` document of `diagnose`; its shape is a contract with CI pipelines. */
export interface DiagnoseJson {
  startupFailed: boolean;
  started: string[];
  declined: string[];
  notLoaded: string[];
  modules: Record<string, { outcome: string; cause: string | null; evidence: string[] }>;
  disagreements: { module: string; real: string; predicted: string; why: string; cause: string }[];
  startOrder: Diagnosis['startOrder'] | null;
  limits: string[];
  version: string | null;
  /** The loader the prediction simulated ("Asterisk 18.26.4 loader"). */
  loader: string | null;
}

export function parseDiagnoseArgs(argv: readonly string[]): DiagnoseArgs {
  const { values, positionals } = parseStrict(argv, {
    data: { type: 'string', multiple: true },
    log: { type: 'string' },
    'modules-conf': { type: 'string' },
    available: { type: 'string' },
    'module-show': { type: 'string' },
    settings: { type: 'string' },
    so: { type: 'string', multiple: true },
    'sorcery-conf': { type: 'string' },
    fault: { type: 'string', multiple: true },
    'expect-own-declines': { type: 'boolean' },
    loader: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 1) throw new UsageError(`'diagnose' takes no argument '${positionals[1] ?? ''}'.`);
  const data = values.data ?? [];
  if (data.length === 0)
    throw new UsageError('--data is required: a built-in version such as master, or a metadata file.');
  if (values.log === undefined)
    throw new UsageError('--log is required: the startup log (/var/log/asterisk/full).');
  const faults: Record<string, ModuleFault> = {};
  for (const spec of values.fault ?? []) {
    const eq = spec.lastIndexOf('=');
    const fault =
      eq > 0
        ? FAULTS[
            spec
              .slice(eq + 1)
              .trim()
              .toLowerCase()
          ]
        : undefined;
    if (!fault)
      throw new UsageError(`--fault '${spec}' must look like <module>=decline|failure|missing|no-load.`);
    faults[spec.slice(0, eq).trim()] = fault;
  }
  const args: DiagnoseArgs = {
    data,
    log: values.log,
    faults,
    expectOwnDeclines: values['expect-own-declines'] ?? false,
    json: values.json ?? false,
  };
  if (values.loader !== undefined) {
    if (!LOADER_KINDS.includes(values.loader as LoaderKind))
      throw new UsageError(`--loader must be one of ${LOADER_KINDS.join(', ')}, not '${values.loader}'.`);
    args.loader = values.loader as LoaderKind;
  }
  if (values['modules-conf'] !== undefined) args.modulesConf = values['modules-conf'];
  if (values.available !== undefined) args.available = values.available;
  if (values['module-show'] !== undefined) args.moduleShow = values['module-show'];
  if (values.settings !== undefined) args.settings = values.settings;
  if (values.so !== undefined) args.so = values.so;
  if (values['sorcery-conf'] !== undefined) args.sorceryConf = values['sorcery-conf'];
  return args;
}

/** Reads and parses one input file; undefined (problems printed) when it is unusable. */
function readParsed<T>(
  io: CliIo,
  path: string,
  option: string,
  parse: (text: string, file: string) => ParseResult<T>,
): T | undefined {
  const read = readTextFile(io, path, 'data', option);
  if (read.problem) {
    io.stderr(`${formatProblem(read.problem)}\n`);
    return undefined;
  }
  const parsed = parse(read.text, path);
  for (const p of parsed.problems)
    if (p.severity !== 'info' || !parsed.data) io.stderr(`${formatProblem(p)}\n`);
  return parsed.data;
}

/** Reads the module files named (a directory: its .so files in readdir order) as ELF. */
function readModuleFiles(io: CliIo, paths: readonly string[]): ElfObject[] | undefined {
  const files: string[] = [];
  for (const path of paths) {
    const entries = io.listDir?.(path);
    if (entries) files.push(...entries.filter((e) => e.endsWith('.so')).map((e) => join(path, e)));
    else files.push(path);
  }
  const objects: ElfObject[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = io.readBytes ? io.readBytes(file) : new TextEncoder().encode(io.readFile(file));
    } catch (err) {
      io.stderr(`error: cannot read --so ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
      return undefined;
    }
    const read = readElf(bytes, basename(file));
    for (const p of read.problems) io.stderr(`${formatProblem({ ...p, file })}\n`);
    if (!read.data) return undefined;
    objects.push(read.data);
  }
  return objects;
}

export function runDiagnose(args: DiagnoseArgs, io: CliIo): number {
  const loaded = loadData(args.data, io);
  const dataProblems = loaded.problems;
  let graph = loaded.graph;
  if (!graph) {
    for (const p of dataProblems) io.stderr(`${formatProblem(p)}\n`);
    return 1;
  }
  let build: ElfBuildFacts | undefined;
  if (args.so && args.so.length > 0) {
    const objects = readModuleFiles(io, args.so);
    if (!objects) return 1;
    build = elfBuildFacts(graph, objects);
    graph = applyElfBuildFacts(graph, build);
  }
  const log = readParsed(io, args.log, '--log', parseStartupLog);
  if (!log) return 1;
  let conf: ModulesConf | undefined;
  if (args.modulesConf !== undefined) {
    const path = args.modulesConf;
    conf = readParsed(io, path, '--modules-conf', (text, file) =>
      parseModulesConf(text, file, { builtins: graph.info.builtinOrder }),
    );
    if (!conf) return 1;
  } else {
    // What a stock install ships: load every module file present.
    conf = parseModulesConf('[modules]\nautoload = yes\n', '(default modules.conf)', {
      builtins: graph.info.builtinOrder,
    }).data;
    if (!conf) return 1;
  }
  const input: Parameters<typeof diagnose>[1] = {
    log,
    conf,
    faults: args.faults,
    expectOwnDeclines: args.expectOwnDeclines,
  };
  if (args.loader) input.loader = args.loader;
  if (args.available !== undefined) {
    // `ls -U` output, or the simulator's --available list (a bare name means <name>.so).
    const listing = readParsed(io, args.available, '--available', (text, file) => {
      const dir = parseModuleDir(text, file);
      if (dir.data) return dir;
      const names = text
        .split(/\r\n|\n|\r/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
      return names.length > 0
        ? { data: { file, files: names.map(moduleFileOf), others: [] }, problems: [] }
        : dir;
    });
    if (!listing) return 1;
    input.available = listing.files;
  }
  if (args.moduleShow !== undefined) {
    const show = readParsed(io, args.moduleShow, '--module-show', parseModuleShow);
    if (!show) return 1;
    input.moduleShow = show;
  }
  if (args.sorceryConf !== undefined) {
    const sorcery = readParsed(io, args.sorceryConf, '--sorcery-conf', parseSorceryConf);
    if (!sorcery) return 1;
    input.sorceryConf = sorcery;
  }
  if (args.settings !== undefined) {
    const settings = readParsed(io, args.settings, '--settings', parseCoreSettings);
    if (!settings) return 1;
    if (settings.version !== undefined) input.version = settings.version;
  }
  const { diagnosis, simulation } = diagnose(graph, input);
  const unknownFaults = Object.keys(args.faults).filter((m) => !(m in simulation.modules));
  const problems: Problem[] = unknownFaults.map((m) => ({
    severity: 'warning',
    code: 'unresolved-name',
    message: `--fault on '${m}', which is not a module of this run; ignored.`,
    module: m,
  }));
  for (const p of problems) io.stderr(`${formatProblem(p)}\n`);
  io.stdout(
    args.json
      ? `${JSON.stringify({ ...diagnoseJson(diagnosis, args.log), ...(build ? { build } : {}) }, null, 2)}\n`
      : `${build ? buildText(build) : ''}${diagnoseText(diagnosis, args.log)}`,
  );
  return agrees(diagnosis) ? 0 : 3;
}

/** The build's link facts against the dataset's, a line per module that differs. */
function buildText(build: ElfBuildFacts): string {
  const out = [
    `Module files: ${build.modules.length} read; ${build.differing.length} link differently from the dataset (the prediction uses the files' links).`,
  ];
  for (const m of build.modules) {
    if (!build.differing.includes(m.module)) continue;
    const only = m.linksOnlyInBuild.length > 0 ? ` links against ${m.linksOnlyInBuild.join(', ')}` : '';
    const not =
      m.linksOnlyInDataset.length > 0 ? ` does not link against ${m.linksOnlyInDataset.join(', ')}` : '';
    out.push(`  ${m.module}:${only}${only && not ? ';' : ''}${not}`);
  }
  const unknown = build.modules.filter((m) => m.unknownToDataset).map((m) => m.module);
  if (unknown.length > 0) out.push(`  Not in the dataset: ${unknown.join(', ')}`);
  return `${out.join('\n')}\n`;
}

export function agrees(d: Diagnosis): boolean {
  return d.disagreements.length === 0 && (d.startOrder?.agrees ?? true);
}

function evidenceLine(file: string, e: LogEvidence): string {
  return `${file}:${e.line}: ${e.text}`;
}

export function diagnoseJson(d: Diagnosis, file: string): DiagnoseJson {
  const modules: DiagnoseJson['modules'] = {};
  for (const m of Object.values(d.modules)) {
    if (m.real === 'unknown') continue;
    modules[m.name] = {
      outcome: m.real,
      cause: m.realCause ?? null,
      evidence: m.evidence.map((e) => evidenceLine(file, e)),
    };
  }
  return {
    startupFailed: d.startupFailed,
    started: d.started,
    declined: d.declined,
    notLoaded: d.notLoaded,
    modules,
    disagreements: d.disagreements.map((x) => ({
      module: x.module,
      real: x.real,
      predicted: x.predicted,
      why: x.why,
      cause: x.cause,
    })),
    startOrder: d.startOrder ?? null,
    limits: d.limits,
    version: d.version ?? null,
    loader: d.loader ?? null,
  };
}

export function diagnoseText(d: Diagnosis, file: string): string {
  const out: string[] = [];
  const version = d.version ? ` (Asterisk ${d.version})` : '';
  out.push(
    `${file}${version}: ${d.startupFailed ? 'startup failed' : 'startup finished'}; ${d.started.length} started, ${d.declined.length} declined or failed, ${d.notLoaded.length} not loaded.`,
  );
  out.push(
    `Compared ${d.counts.compared} modules with the prediction${d.loader ? ` of the ${d.loader}` : ''}: ${d.counts.agree} agree, ${d.counts.disagree} differ.`,
  );
  if (d.startOrder)
    out.push(
      d.startOrder.agrees
        ? 'Start order: as predicted.'
        : `Start order differs at position ${(d.startOrder.firstDifference?.index ?? 0) + 1}: the log starts ${d.startOrder.firstDifference?.real ?? '?'}, the prediction ${d.startOrder.firstDifference?.predicted ?? '?'}.`,
    );
  for (const x of d.disagreements) {
    out.push('');
    out.push(`${x.module}: log ${x.real}, predicted ${x.predicted} [${x.cause}]`);
    out.push(`  ${x.why}`);
    for (const e of x.evidence.filter(
      (e) => e.level === 'WARNING' || e.level === 'ERROR' || e.level === 'NOTICE',
    ))
      out.push(`  ${evidenceLine(file, e)}`);
  }
  if (d.limits.length > 0) {
    out.push('');
    out.push('What the input cannot show:');
    for (const l of d.limits) out.push(`  - ${l}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * `simulate --module-show`: the simulation's options with the faults that make its states those
 * the live server shows; what cannot be calibrated (use counts) is said on stderr.
 */
export function calibrateOptions(
  path: string,
  inputs: { graph: ModuleGraph; conf: ModulesConf; options: SimulationOptions },
  io: CliIo,
): SimulationOptions | undefined {
  const show = readParsed(io, path, '--module-show', parseModuleShow);
  if (!show) return undefined;
  const c = calibrateFromModuleShow(inputs.graph, inputs.conf, inputs.options, show);
  const faults = Object.entries(c.faults);
  if (faults.length > 0)
    io.stderr(
      `${path}: calibrated from module show: ${faults.map(([m, f]) => `${m}=${f === 'missing' ? 'missing' : 'decline'}`).join(', ')}.\n`,
    );
  if (c.stillDiffering.length > 0)
    io.stderr(
      `${path}: warning: running on the server but not in the simulation: ${c.stillDiffering.join(', ')}.\n`,
    );
  const held = Object.entries(c.heldReferences);
  if (held.length > 0)
    io.stderr(
      `${path}: calibrated use counts: the server holds references the simulation does not explain (calls in progress, observers), kept through the commands: ${held
        .map(([m, n]) => `${m} +${n}`)
        .join(', ')}.\n`,
    );
  const lower = c.useCountDifferences.filter((d) => d.real < d.simulated);
  if (lower.length > 0)
    io.stderr(
      `${path}: warning: use counts lower on the server than simulated, which cannot be taken over: ${lower
        .map((d) => `${d.module} ${d.real} (simulated ${d.simulated})`)
        .join(', ')}.\n`,
    );
  return {
    ...inputs.options,
    faults: { ...(inputs.options.faults ?? {}), ...c.faults },
    ...(held.length > 0 ? { heldReferences: c.heldReferences } : {}),
  };
}
