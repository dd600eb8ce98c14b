/**
 * A server's startup log (`/var/log/asterisk/full` or console output) read for what really
 * happened to each module: started (in start order), declined, failed, not found, and the
 * WARNING/ERROR lines a module logged while its own load() ran (the evidence an admin looks for).
 * The message wording is main/loader.c's; every line is kept with its line number.
 */
import type {
  LogEvidence,
  LoggedModule,
  ParseResult,
  Problem,
  RealCause,
  RealOutcome,
  StartupLog,
} from '../../model';
import { parseLogLine } from './logLine';
import type { LogLine } from './logLine';

/** `app_dial.so` -> `app_dial` (the loader matches names with or without `.so`). */
function baseName(resource: string): string {
  return resource.toLowerCase().endsWith('.so') ? resource.slice(0, -3) : resource;
}

/** Where a startup begins, most specific first. */
const STARTUP_MARKERS: readonly RegExp[] = [
  /Asterisk Dynamic Loader Starting:/,
  /\d+ modules will be loaded\.$/,
  /Asterisk \S+ built by /,
];
const BUILT_BY = /Asterisk (\S+) built by /;

const RE = {
  loading: /^Loading (\S+)\.$/,
  started: /^(\S+) => \((.*)\)$/,
  start: /^START: (\S+)\s+\[(-?\d+)\]\s+(-?\d+)$/,
  pass: /^PASS \d+: (\S+)\s+-?\d+$/,
  willBeLoaded: /^(\d+) modules will be loaded\.$/,
  requiredDeclined: /^Required module (\S+) declined to load\.$/,
  declined: /^(\S+) declined to load\.$/,
  cascade: /^Declined modules which depend on (\S+): (.*)$/,
  unresolved: /^Failed to resolve dependencies for (\S+)$/,
  dueToDeps: /^Failed to load (\S+) due to dependencies: (.*?)\.?$/,
  failedToLoad: /^Failed to load (\S+)\.$/,
  requiredDependsOn: /^Cannot load required module (\S+) that depends on (\S+)$/,
  requiredOpenFailed: /^\*\*\* Failed to load module (\S+) - Required$/,
  starFailed: /^\*\*\* Failed to load (required )?module (\S+)$/,
  missingDependency: /^Error loading module '([^']+)', missing dependency: (.*)$/,
  openError: /^Error loading module '([^']+)': (.*)$/,
  requireAndNoload: /^(\S+) is configured with 'require' and 'noload', this is impossible\.$/,
  confRefused: /'modules\.conf' invalid or missing/,
  exiting: /ASTERISK EXITING/,
  ready: /^Asterisk Ready\.$/,
};

/** Lines the loader itself writes (or console lines that name no source file). */
function fromLoader(l: LogLine): boolean {
  return l.source === undefined || l.source === 'loader.c';
}

function isComplaint(l: LogLine): boolean {
  // NOTICE too: several modules say why they decline at that level (chan_console, pbx_ael, app_queue).
  return (
    (l.level === 'WARNING' || l.level === 'ERROR' || l.level === 'NOTICE') &&
    l.source !== undefined &&
    l.source !== 'loader.c'
  );
}

function evidenceOf(l: LogLine, own?: boolean): LogEvidence {
  const e: LogEvidence = { line: l.line, text: l.raw };
  if (l.level !== undefined) e.level = l.level;
  if (l.source !== undefined) e.source = l.source;
  if (own !== undefined) e.own = own;
  return e;
}

/** `res_odbc.c` and `res_odbc/config.c` belong to res_odbc. */
function sourceModule(source: string): string {
  const first = source.split('/')[0] ?? source;
  return first.replace(/\.c$/, '');
}

function splitNames(list: string): string[] {
  return list
    .split(',')
    .map((s) => baseName(s.trim()))
    .filter((s) => s !== '');
}

/** Index of the first line of the last startup the log holds, and how many it holds. */
function lastStartup(lines: readonly string[]): { from: number; count: number } {
  for (const marker of STARTUP_MARKERS) {
    let count = 0;
    let from = -1;
    for (let i = 0; i < lines.length; i++) {
      if (marker.test(lines[i] ?? '')) {
        count++;
        from = i;
      }
    }
    if (count > 0) return { from, count };
  }
  return { from: 0, count: 0 };
}

export function parseStartupLog(text: string, file: string): ParseResult<StartupLog> {
  const problems: Problem[] = [];
  const rawLines = text.split(/\r\n|\n|\r/);
  const { from, count } = lastStartup(rawLines);
  let version: string | undefined;
  for (let i = from; i >= 0; i--) {
    const m = BUILT_BY.exec(rawLines[i] ?? '');
    if (m) {
      version = m[1];
      break;
    }
  }
  if (count > 1) {
    problems.push({
      severity: 'info',
      code: 'unknown-format',
      message: `The log holds ${count} startups; the last one (from line ${from + 1}) is read.`,
      file,
      line: from + 1,
      column: 1,
    });
  }

  const modules: Record<string, LoggedModule> = {};
  const started: string[] = [];
  const filesNamed: string[] = [];
  const fileSeen = new Set<string>();
  const get = (name: string): LoggedModule => {
    const key = baseName(name);
    let m = modules[key];
    if (!m) {
      m = { name: key, outcome: 'unknown', evidence: [] };
      modules[key] = m;
    }
    return m;
  };
  const nameFile = (resource: string): void => {
    if (!resource.toLowerCase().endsWith('.so') || fileSeen.has(resource)) return;
    fileSeen.add(resource);
    filesNamed.push(resource);
  };
  const setOutcome = (m: LoggedModule, outcome: RealOutcome, cause?: RealCause, causes?: string[]): void => {
    if (outcome === 'started' && m.outcome !== 'started') {
      m.startIndex = started.length;
      started.push(m.name);
    }
    m.outcome = outcome;
    if (cause !== undefined) m.cause = cause;
    else if (outcome === 'started') delete m.cause;
    if (causes !== undefined) m.causes = causes;
  };

  const shows = {
    timestamps: false,
    debug: false,
    loadingLines: false,
    startedLines: false,
    errorLines: false,
  };
  let ready = false;
  let startupFailed = false;
  let configRefused = false;
  let modulesWillBeLoaded: number | undefined;
  let recognised = 0;
  /** The module whose load() runs now (`Loading X.so.` until its result), and what it logged meanwhile. */
  let current: LoggedModule | undefined;
  let window: LogEvidence[] = [];
  const windows = new Map<string, LogEvidence[]>();
  const complaintsBySource = new Map<string, LogEvidence[]>();
  /** Modules whose `X declined to load.` follows a reason of the loader's own. */
  const loaderReason = new Set<string>();
  let afterReadyLine: number | undefined;

  const closeWindow = (): void => {
    if (current) windows.set(current.name, window);
    current = undefined;
    window = [];
  };

  for (let i = from; i < rawLines.length; i++) {
    const raw = rawLines[i] ?? '';
    if (raw.trim() === '') continue;
    const l = parseLogLine(raw, i + 1);
    if (l.timestamp !== undefined) shows.timestamps = true;
    if (ready || startupFailed) {
      afterReadyLine ??= l.line;
      break;
    }
    if (l.level === 'ERROR') shows.errorLines = true;
    if (isComplaint(l)) {
      const ev = evidenceOf(l);
      if (current) window.push({ ...ev, own: sourceModule(l.source ?? '') === current.name });
      const src = sourceModule(l.source ?? '');
      const list = complaintsBySource.get(src) ?? [];
      list.push(ev);
      complaintsBySource.set(src, list);
      continue;
    }
    if (l.source === 'asterisk.c' || l.source === undefined) {
      if (RE.ready.test(l.message)) {
        ready = true;
        recognised++;
        continue;
      }
      if (RE.exiting.test(l.message)) {
        startupFailed = true;
        recognised++;
        continue;
      }
    }
    if (!fromLoader(l)) continue;
    if (l.level === 'DEBUG') shows.debug = true;
    const msg = l.message;
    let m: RegExpExecArray | null;

    if ((m = RE.loading.exec(msg))) {
      closeWindow();
      shows.loadingLines = true;
      recognised++;
      nameFile(m[1] ?? '');
      current = get(m[1] ?? '');
      continue;
    }
    if ((m = RE.start.exec(msg))) {
      recognised++;
      shows.debug = true;
      nameFile(m[1] ?? '');
      const mod = get(m[1] ?? '');
      mod.priority = Number(m[2]);
      const res = Number(m[3]);
      mod.evidence.push(evidenceOf(l));
      if (res === 0) setOutcome(mod, 'started');
      else if (res === 1) setOutcome(mod, 'declined', 'declined-in-load');
      else if (res === -1) setOutcome(mod, 'failed', 'load-failure');
      if (current?.name === mod.name) closeWindow();
      continue;
    }
    if ((m = RE.pass.exec(msg))) {
      recognised++;
      shows.debug = true;
      nameFile(m[1] ?? '');
      continue;
    }
    if ((m = RE.started.exec(msg))) {
      recognised++;
      shows.startedLines = true;
      nameFile(m[1] ?? '');
      const mod = get(m[1] ?? '');
      if (mod.outcome !== 'started') setOutcome(mod, 'started');
      if (current?.name === mod.name) closeWindow();
      continue;
    }
    if ((m = RE.willBeLoaded.exec(msg))) {
      recognised++;
      modulesWillBeLoaded = Number(m[1]);
      continue;
    }
    if ((m = RE.requiredDeclined.exec(msg))) {
      recognised++;
      const mod = get(m[1] ?? '');
      mod.evidence.push(evidenceOf(l));
      setOutcome(mod, 'declined', loaderReason.has(mod.name) ? mod.cause : (mod.cause ?? 'declined-in-load'));
      startupFailed = true;
      continue;
    }
    if ((m = RE.declined.exec(msg))) {
      recognised++;
      const mod = get(m[1] ?? '');
      mod.evidence.push(evidenceOf(l));
      if (mod.outcome !== 'failed')
        setOutcome(
          mod,
          'declined',
          loaderReason.has(mod.name) ? mod.cause : (mod.cause ?? 'declined-in-load'),
        );
      continue;
    }
    if ((m = RE.cascade.exec(msg))) {
      recognised++;
      const cause = baseName(m[1] ?? '');
      for (const name of splitNames(m[2] ?? '')) {
        const mod = get(name);
        mod.evidence.push(evidenceOf(l));
        setOutcome(mod, 'declined', 'dependency-declined', [cause]);
      }
      continue;
    }
    if ((m = RE.unresolved.exec(msg))) {
      recognised++;
      const mod = get(m[1] ?? '');
      mod.evidence.push(evidenceOf(l));
      loaderReason.add(mod.name);
      setOutcome(mod, 'declined', 'unresolved-dependencies');
      continue;
    }
    if ((m = RE.dueToDeps.exec(msg))) {
      recognised++;
      const mod = get(m[1] ?? '');
      mod.evidence.push(evidenceOf(l));
      loaderReason.add(mod.name);
      setOutcome(mod, 'declined', 'dependencies-not-started', splitNames(m[2] ?? ''));
      continue;
    }
    if ((m = RE.requiredDependsOn.exec(msg))) {
      recognised++;
      const mod = get(m[1] ?? '');
      mod.evidence.push(evidenceOf(l));
      setOutcome(mod, 'declined', 'dependency-declined', [baseName(m[2] ?? '')]);
      startupFailed = true;
      continue;
    }
    if ((m = RE.requiredOpenFailed.exec(msg))) {
      recognised++;
      nameFile(m[1] ?? '');
      const mod = get(m[1] ?? '');
      mod.evidence.push(evidenceOf(l));
      if (mod.outcome === 'unknown') setOutcome(mod, 'not-loaded', mod.cause ?? 'dlopen-failed');
      startupFailed = true;
      continue;
    }
    if ((m = RE.starFailed.exec(msg))) {
      recognised++;
      nameFile(m[2] ?? '');
      const mod = get(m[2] ?? '');
      mod.evidence.push(evidenceOf(l));
      if (m[1]) setOutcome(mod, 'declined', mod.cause ?? 'declined-in-load');
      else setOutcome(mod, 'failed', 'load-failure');
      continue;
    }
    if ((m = RE.failedToLoad.exec(msg))) {
      recognised++;
      const mod = get(m[1] ?? '');
      mod.evidence.push(evidenceOf(l));
      setOutcome(mod, 'failed', 'load-failure');
      continue;
    }
    if ((m = RE.missingDependency.exec(msg))) {
      recognised++;
      nameFile(m[1] ?? '');
      const mod = get(m[1] ?? '');
      mod.evidence.push(evidenceOf(l));
      setOutcome(mod, 'not-loaded', 'dlopen-failed', splitNames(m[2] ?? ''));
      continue;
    }
    if ((m = RE.openError.exec(msg))) {
      recognised++;
      nameFile(m[1] ?? '');
      const mod = get(m[1] ?? '');
      mod.evidence.push(evidenceOf(l));
      setOutcome(mod, 'not-loaded', /No such file/i.test(m[2] ?? '') ? 'not-found' : 'dlopen-failed');
      continue;
    }
    if ((m = RE.requireAndNoload.exec(msg))) {
      recognised++;
      get(m[1] ?? '').evidence.push(evidenceOf(l));
      configRefused = true;
      continue;
    }
    if (RE.confRefused.test(msg)) {
      recognised++;
      configRefused = true;
    }
  }
  closeWindow();

  // Tie each own decline to what the module logged while its load() ran, else to its source file.
  for (const mod of Object.values(modules)) {
    if (mod.outcome === 'started') {
      const w = windows.get(mod.name) ?? [];
      if (w.length > 0) mod.evidence = mergeEvidence(w, mod.evidence);
      continue;
    }
    const own = mod.cause === 'declined-in-load' || mod.cause === 'load-failure';
    if (!own) continue;
    const tied =
      windows.get(mod.name) ?? (complaintsBySource.get(mod.name) ?? []).map((e) => ({ ...e, own: true }));
    if (tied.length > 0) {
      mod.evidence = mergeEvidence(tied, mod.evidence);
      if (mod.cause === 'declined-in-load') mod.cause = 'config-error';
    }
  }
  if (startupFailed || configRefused) startupFailed = true;

  if (recognised === 0) {
    problems.push({
      severity: 'error',
      code: 'unknown-format',
      message:
        'No line of this file is one the module loader writes (Loading, START, "declined to load", "modules will be loaded"): is it an Asterisk startup log?',
      file,
      line: 1,
      column: 1,
    });
    return { data: undefined, problems };
  }

  const limits = limitsOf(shows, ready, startupFailed, afterReadyLine);
  const data: StartupLog = {
    file,
    fromLine: from + 1,
    startups: Math.max(count, 1),
    ready,
    startupFailed,
    configRefused,
    started,
    modules,
    filesNamed,
    shows,
    limits,
  };
  if (version !== undefined) data.version = version;
  if (modulesWillBeLoaded !== undefined) data.modulesWillBeLoaded = modulesWillBeLoaded;
  return { data, problems };
}

function mergeEvidence(a: readonly LogEvidence[], b: readonly LogEvidence[]): LogEvidence[] {
  const byLine = new Map<number, LogEvidence>();
  for (const e of [...a, ...b]) if (!byLine.has(e.line)) byLine.set(e.line, e);
  return [...byLine.values()].sort((x, y) => x.line - y.line);
}

function limitsOf(
  shows: StartupLog['shows'],
  ready: boolean,
  startupFailed: boolean,
  afterReadyLine: number | undefined,
): string[] {
  const limits: string[] = [];
  if (!shows.debug)
    limits.push(
      'No DEBUG lines from loader.c: without START and PASS lines the log does not show load priorities, dlopen passes or which module pulled in which.',
    );
  if (!shows.loadingLines)
    limits.push(
      "No 'Loading X.so.' lines (a lower verbose level): WARNING and ERROR lines are tied to a module only by its source file name (res_odbc.c to res_odbc).",
    );
  if (!shows.startedLines && !shows.debug)
    limits.push(
      "No 'X.so => (description)' lines and no START lines: the log cannot say which modules started or in which order; module show can.",
    );
  if (!shows.errorLines)
    limits.push(
      "No ERROR lines at all: the loader reports every decline at level ERROR after the last module, so this log cannot show declines (logger.conf without 'error'?).",
    );
  if (!ready && !startupFailed)
    limits.push("The log ends before 'Asterisk Ready.': startup may not have finished.");
  if (afterReadyLine !== undefined)
    limits.push(`Lines from ${afterReadyLine} on are after startup (run time) and are not read.`);
  return limits;
}
