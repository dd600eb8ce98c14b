/**
 * Reality against prediction: what a server's startup log (and `module show`) says happened to
 * each module, next to what the simulator predicts for the same modules.conf and module files,
 * and for each module where they differ the most likely cause. Pure and deterministic.
 *
 * A module's own load() result (a config file it could not read) is something no metadata can
 * predict: by default such a decline is a disagreement whose cause is the WARNING/ERROR lines it
 * logged. `expected` faults (or `expectOwnDeclines`) take those results as given, so what is left
 * to disagree is the loader's own behaviour: order, cascades, missing files, unknown modules.
 */
import type {
  DiagnosedModule,
  Diagnosis,
  Disagreement,
  DisagreementCause,
  LogEvidence,
  LoaderKind,
  LoggedModule,
  ModuleFault,
  ModuleGraph,
  ModuleOutcome,
  ModuleShow,
  SorceryConf,
  ModulesConf,
  PredictedOutcome,
  RealOutcome,
  SimulationResult,
  StartupLog,
} from '../../model';
import { loaderFacts, moduleFileOf, moduleKey, simulate } from '../index';
import { loaderReleaseName } from '../loaderReleases';

export interface DiagnoseInput {
  log?: StartupLog;
  moduleShow?: ModuleShow;
  conf: ModulesConf;
  /** Module files present in readdir order (`--available`, `ls -U`); else the files the inputs name. */
  available?: readonly string[];
  /** Own-load results the admin expects (`--fault res_odbc=decline`). */
  faults?: Readonly<Record<string, ModuleFault>>;
  /** Take every own-load decline or failure the log shows as expected. */
  expectOwnDeclines?: boolean;
  /** Default: the loader of the server's version. */
  loader?: LoaderKind;
  /**
   * The server's version (`core show settings`), whose loader behaviours are simulated; else the
   * version the log names, else the dataset's.
   */
  version?: string;
  /** The server's sorcery.conf (use counts of the wizard modules). */
  sorceryConf?: SorceryConf;
}

export interface DiagnoseResult {
  diagnosis: Diagnosis;
  /** The simulation the prediction came from (for the graph and the transcript). */
  simulation: SimulationResult;
}

const OWN_CAUSES = new Set(['config-error', 'declined-in-load', 'load-failure']);

function predictedOf(o: ModuleOutcome | undefined): PredictedOutcome {
  if (!o) return 'absent';
  switch (o.state) {
    case 'running':
      return 'started';
    case 'declined':
    case 'registered':
      return 'declined';
    case 'failed':
      return 'failed';
    default:
      return 'not-loaded';
  }
}

/** The real outcome of every module the log or module show names, by module key. */
function realOutcomes(log: StartupLog | undefined, show: ModuleShow | undefined): Map<string, LoggedModule> {
  const real = new Map<string, LoggedModule>();
  for (const m of Object.values(log?.modules ?? {})) real.set(moduleKey(m.name), m);
  for (const row of show?.rows ?? []) {
    const key = moduleKey(row.module);
    const known = real.get(key);
    const outcome: RealOutcome =
      row.status === 'Not Running'
        ? 'declined'
        : row.status === 'Running' || row.status === undefined
          ? 'started'
          : 'unknown';
    if (!known) {
      const m: LoggedModule = { name: key, outcome, evidence: [] };
      if (outcome === 'declined') m.cause = 'declined-in-load';
      real.set(key, m);
    } else if (known.outcome === 'unknown') known.outcome = outcome;
  }
  return real;
}

function evidenceText(e: readonly LogEvidence[]): string {
  const first = e.find((x) => x.level === 'ERROR' || x.level === 'WARNING') ?? e[0];
  return first ? ` (line ${first.line}: ${messageOf(first.text)})` : '';
}

/** The message part of a log line, for a sentence. */
function messageOf(text: string): string {
  const m = /(?:VERBOSE|DEBUG|NOTICE|WARNING|ERROR)\[\d+\](?:\[[^\]]*\])?:?\s+(.*)$/.exec(text);
  return (m?.[1] ?? text).trim();
}

export function diagnose(graph: ModuleGraph, input: DiagnoseInput): DiagnoseResult {
  const facts = loaderFacts(graph);
  const limits: string[] = [...(input.log?.limits ?? [])];
  const real = realOutcomes(input.log, input.moduleShow);

  // Files present: as given, else every .so file the inputs name (the log in its order first).
  let available: string[];
  if (input.available) available = input.available.map(moduleFileOf);
  else {
    const named = new Set<string>();
    for (const f of input.log?.filesNamed ?? []) named.add(f);
    // A module the log says declined or failed was opened, so its file is there (built-ins aside).
    for (const m of Object.values(input.log?.modules ?? {}))
      if (m.outcome !== 'unknown' && !facts.byKey.get(moduleKey(m.name))?.builtin)
        named.add(moduleFileOf(m.name));
    for (const row of input.moduleShow?.rows ?? [])
      if (row.module.toLowerCase().endsWith('.so')) named.add(row.module);
    available = [...named];
    limits.push(
      'No list of module files (ls -U or --available): the files present are taken to be those the log and module show name, in the order the log names them; files they never name are not compared.',
    );
  }
  const availableKeys = new Set(available.map(moduleKey));

  const faults: Record<string, ModuleFault> = {};
  for (const [name, fault] of Object.entries(input.faults ?? {}))
    if (facts.byKey.has(moduleKey(name))) faults[name] = fault;
  if (input.expectOwnDeclines) {
    for (const m of real.values()) {
      if (!facts.byKey.has(moduleKey(m.name))) continue;
      if (m.cause === 'config-error' || m.cause === 'declined-in-load') faults[m.name] ??= 'decline';
      else if (m.cause === 'load-failure') faults[m.name] ??= 'failure';
    }
  }

  const options: Parameters<typeof simulate>[2] = { available, faults };
  if (input.loader) options.loader = input.loader;
  const version = input.version ?? input.log?.version;
  if (version !== undefined) options.version = version;
  if (input.sorceryConf) options.sorceryConf = input.sorceryConf;
  const simulation = simulate(graph, input.conf, options);
  if (input.log && !input.log.shows.loadingLines && !input.log.shows.startedLines) {
    // Which verbosity hides the per-module lines depends on the version (6871d1cdfc).
    const release = simulation.release;
    limits.push(
      release.quietModuleLines
        ? `Asterisk ${release.version} logs 'Loading X.' at verbose 4 and 'X => (…)' at verbose 5 (6871d1cdfc, from 18.22, 20.7, 21.2 and 22.0): a log written at the default verbose 3 shows neither, so which modules started is read from the other lines and module show.`
        : `Asterisk ${release.version} logs 'Loading X.' at verbose 1 and 'X => (…)' at verbose 2: this log was written at verbose 0, so which modules started is read from the other lines and module show.`,
    );
  }
  const predicted = new Map<string, ModuleOutcome>();
  for (const o of Object.values(simulation.modules)) predicted.set(moduleKey(o.name), o);

  const useCountOf = new Map<string, number>();
  for (const row of input.moduleShow?.rows ?? []) useCountOf.set(moduleKey(row.module), row.useCount);
  const expectedKeys = new Set(Object.keys(faults).map(moduleKey));
  const logIsDetailed = input.log !== undefined && (input.log.shows.debug || input.log.shows.startedLines);

  const modules: Record<string, DiagnosedModule> = {};
  const disagreements: Disagreement[] = [];
  const keys = new Set<string>([...real.keys(), ...predicted.keys()]);
  for (const key of [...keys].sort()) {
    const r = real.get(key);
    const p = predicted.get(key);
    const name = p?.name ?? r?.name ?? key;
    const known = facts.byKey.has(key);
    let realOutcome: RealOutcome = r?.outcome ?? 'unknown';
    // A file present that the (detailed) log never names did not start and did not decline.
    if (realOutcome === 'unknown' && !r && availableKeys.has(key) && logIsDetailed && !p?.builtin)
      realOutcome = 'not-loaded';
    if (realOutcome === 'unknown' && p?.builtin && logIsDetailed) continue;
    const predictedOutcome = predictedOf(p);
    const evidence = r?.evidence ?? [];
    const comparable = realOutcome !== 'unknown';
    const agrees = !comparable || realOutcome === predictedOutcome;
    const mod: DiagnosedModule = {
      name,
      real: realOutcome,
      predicted: predictedOutcome,
      agrees,
      knownToDataset: known,
      evidence,
    };
    if (r?.cause) mod.realCause = r.cause;
    if (r?.causes) mod.causes = r.causes;
    const uc = useCountOf.get(key);
    if (uc !== undefined) mod.useCount = p ? { real: uc, predicted: p.useCount } : { real: uc };
    modules[name] = mod;
    if (agrees) continue;
    disagreements.push(explain(mod, r, real, expectedKeys));
  }

  const startupFailed = input.log ? input.log.startupFailed : false;
  const started = input.log
    ? input.log.started
    : (input.moduleShow?.rows ?? [])
        .filter((r) => r.status !== 'Not Running')
        .map((r) => moduleKey(r.module));
  if (!input.log)
    limits.push(
      'No startup log: what started comes from module show, in its (alphabetical) order, not the start order.',
    );
  const declined: string[] = [];
  const notLoaded: string[] = [];
  for (const m of Object.values(modules)) {
    if (m.real === 'declined' || m.real === 'failed') declined.push(m.name);
    else if (m.real === 'not-loaded') notLoaded.push(m.name);
  }
  const compared = Object.values(modules).filter((m) => m.real !== 'unknown').length;
  const diagnosis: Diagnosis = {
    startupFailed,
    started,
    declined: declined.sort(),
    notLoaded: notLoaded.sort(),
    modules,
    disagreements,
    limits,
    counts: { compared, agree: compared - disagreements.length, disagree: disagreements.length },
  };
  if (version !== undefined) diagnosis.version = version;
  diagnosis.loader = loaderReleaseName(simulation.release, simulation.loader);
  if (input.available && logIsDetailed) diagnosis.startOrder = compareOrder(started, simulation.started);
  return { diagnosis, simulation };
}

/** The most likely cause of one disagreement, in a sentence, with the lines that show it. */
function explain(
  mod: DiagnosedModule,
  r: LoggedModule | undefined,
  real: ReadonlyMap<string, LoggedModule>,
  expectedKeys: ReadonlySet<string>,
): Disagreement {
  const base = { module: mod.name, real: mod.real, predicted: mod.predicted };
  const d = (
    cause: DisagreementCause,
    why: string,
    evidence: LogEvidence[] = mod.evidence,
  ): Disagreement => ({
    ...base,
    cause,
    why,
    evidence,
  });
  if (!mod.knownToDataset)
    return d(
      'third-party',
      `${mod.name} is not in the dataset (a third-party or locally built module): the simulator knows neither its priority nor its dependencies.`,
    );
  const cause = r?.cause;
  if ((mod.real === 'declined' || mod.real === 'failed') && cause !== undefined && OWN_CAUSES.has(cause)) {
    const what =
      mod.real === 'failed' ? 'returned failure from its own load()' : 'declined in its own load()';
    if (cause === 'config-error')
      return d('config-error', `${mod.name} ${what}; it logged why${evidenceText(mod.evidence)}.`);
    return d(
      'unexplained',
      `${mod.name} ${what} without a WARNING or ERROR line tied to it (the log's levels may hide it).`,
    );
  }
  if (mod.real === 'declined' && (cause === 'dependency-declined' || cause === 'dependencies-not-started')) {
    const upstream = (r?.causes ?? []).map((c) => real.get(moduleKey(c))).filter((u) => u !== undefined);
    const configured = upstream.filter((u) => u.cause === 'config-error');
    if (configured.length > 0) {
      const evidence = [...mod.evidence, ...configured.flatMap((u) => u.evidence)];
      const names = configured.map((u) => u.name).join(', ');
      return d(
        'config-error',
        `${mod.name} declined because ${names}, which it depends on, declined in its own load()${evidenceText(configured[0]?.evidence ?? [])}.`,
        evidence,
      );
    }
    return d(
      'different-build',
      `${mod.name} declined because of ${(r?.causes ?? []).join(', ') || 'a dependency'}, which the prediction does not show: the server's dependencies differ from the dataset's.`,
    );
  }
  if (mod.real === 'not-loaded' && (cause === 'not-found' || mod.predicted !== 'not-loaded')) {
    if (cause === 'not-found')
      return d(
        'file-missing',
        `${mod.name}'s file is not in the module directory${evidenceText(mod.evidence)}.`,
      );
    if (cause === 'dlopen-failed')
      return d(
        'different-build',
        `${mod.name} could not be opened${evidenceText(mod.evidence)}: its .so links against something this server lacks.`,
      );
    return d(
      'file-missing',
      `The log never names ${mod.name}, which the simulator expected to ${mod.predicted === 'started' ? 'start' : 'load'}: its file is probably missing (a different build).`,
    );
  }
  if (mod.real === 'started' && expectedKeys.has(moduleKey(mod.name)))
    return d('unexplained', `${mod.name} was expected to decline (a given fault), but it started.`);
  if (mod.real === 'declined' && cause === 'unresolved-dependencies')
    return d(
      'different-build',
      `The loader could not resolve ${mod.name}'s dependencies, which the dataset says are present: the server's build or module files differ.`,
    );
  if (mod.predicted === 'absent')
    return d(
      'file-missing',
      `${mod.name} is in the log but not among the module files given: the listing and the log disagree.`,
    );
  return d(
    'different-build',
    `The log says ${mod.name} ${mod.real === 'started' ? 'started' : mod.real}, the simulator predicts ${mod.predicted}: the server's dependencies or priorities differ from the dataset's.`,
  );
}

/** The two start orders, each kept to the modules both sides start. */
function compareOrder(
  real: readonly string[],
  predicted: readonly string[],
): NonNullable<Diagnosis['startOrder']> {
  const realKeys = real.map(moduleKey);
  const predictedKeys = predicted.map(moduleKey);
  const inReal = new Set(realKeys);
  const inPredicted = new Set(predictedKeys);
  const a = real.filter((_, i) => inPredicted.has(realKeys[i] ?? ''));
  const b = predicted.filter((_, i) => inReal.has(predictedKeys[i] ?? ''));
  for (let i = 0; i < a.length; i++) {
    if (moduleKey(a[i] ?? '') !== moduleKey(b[i] ?? ''))
      return { agrees: false, firstDifference: { index: i, real: a[i] ?? '', predicted: b[i] ?? '' } };
  }
  return { agrees: true };
}
