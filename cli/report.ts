/** How the CLI prints results: the stable JSON shape, human-readable text, and problems. */
import type { LoaderKind, LogLine, Problem, SimulationResult } from '../src/model';
import { formatProblemLocation } from '../src/model';
import { formatLogLine } from '../src/engine';
import { loaderReleaseName, loaderReleaseTraits } from '../src/engine/loaderReleases';
import type { IntentResult } from '../src/engine/intent/intentOf';
import { describeNoload, firstFew } from '../src/engine/intent/intentOf';

/** The `--json` document of `simulate`; its shape is a contract with CI pipelines. */
export interface SimulateJson {
  /** The loader simulated: its kind, its name ("Asterisk 16.30.1 loader"), and how it differs from master's. */
  loader: { kind: LoaderKind; name: string; version: string; traits: string[] };
  startupFailed: boolean;
  started: string[];
  declined: string[];
  notLoaded: string[];
  useCounts: Record<string, number>;
  runtime: { command: string; ok: boolean; message: string; unloaded: string[]; loaded: string[] }[];
  log: string[];
}

export function simulateJson(result: SimulationResult): SimulateJson {
  return {
    loader: {
      kind: result.loader,
      name: loaderReleaseName(result.release, result.loader),
      version: result.release.version,
      traits: loaderReleaseTraits(result.release),
    },
    startupFailed: result.startupFailed,
    started: result.started,
    declined: result.declined,
    notLoaded: result.notLoaded,
    useCounts: result.useCounts,
    runtime: result.runtime.map((r) => ({
      command: r.command,
      ok: r.ok,
      message: r.message,
      unloaded: r.unloaded,
      loaded: r.loaded,
    })),
    log: [...result.log, ...result.runtime.flatMap((r) => r.log)].map(formatLogLine),
  };
}

/** `file:line:column: severity: message`, the shape editors and CI logs link. */
export function formatProblem(p: Problem): string {
  const where = formatProblemLocation(p);
  return `${where ? `${where}: ` : ''}${p.severity}: ${p.message}`;
}

function list(title: string, names: readonly string[]): string {
  return names.length === 0 ? `${title} (0)` : `${title} (${names.length}): ${names.join(', ')}`;
}

/** What modules.conf asks for and does not get, then what its noload lines take down. */
export function intentLines(intent: IntentResult): string[] {
  const out: string[] = [];
  const { counts } = intent;
  if (counts.listed === 0) {
    out.push(
      intent.autoload
        ? `${intent.file} lists no module explicitly (autoload = yes loads every module file present).`
        : `${intent.file} lists no module and autoload is off: only the built-in modules run.`,
    );
  } else if (intent.failing.length === 0) {
    out.push(`${intent.file}: all ${counts.listed} listed module${counts.listed === 1 ? '' : 's'} run.`);
  } else {
    out.push(
      `${intent.file}: ${intent.failing.length} of ${counts.listed} listed module${counts.listed === 1 ? '' : 's'} will NOT run:`,
    );
    for (const l of intent.failing) {
      const state = l.outcome === 'unknown' ? 'unknown module' : l.outcome;
      out.push(`  line ${l.line}: ${l.option} => ${l.value} (${state})`);
      for (const why of l.why) out.push(`      ${why}`);
    }
  }
  for (const n of intent.noloads) out.push(`  ${describeNoload(n)}`);
  for (const t of intent.troubles)
    out.push(
      `  ${t.root}: ${t.modules.length} module${t.modules.length === 1 ? '' : 's'} do not run because of it: ${firstFew(t.modules)}. ${t.text}`,
    );
  return out;
}

/** The `--json` document of `check`. */
export function checkJson(ok: boolean, intent: IntentResult, problems: readonly Problem[]): object {
  return {
    ok,
    startupFailed: intent.startupFailed,
    problems: problems.map((p) => ({ ...p })),
    failing: intent.failing.map((l) => ({
      line: l.line,
      option: l.option,
      module: l.module,
      outcome: l.outcome,
      why: l.why,
    })),
    noloads: intent.noloads.map((n) => ({ line: n.line, module: n.module, takesDown: n.takesDown })),
    troubles: intent.troubles,
    counts: intent.counts,
  };
}

/** `check`'s readable report: problems, the intent, one verdict. */
export function checkText(
  ok: boolean,
  intent: IntentResult,
  problems: readonly Problem[],
  version: string,
): string {
  const out = problems.map(formatProblem);
  out.push(...intentLines(intent));
  out.push(countsLine(intent));
  if (ok) out.push(`${intent.file}: OK for Asterisk ${version}: the file does what it says.`);
  else {
    const why: string[] = [];
    if (intent.startupFailed) why.push(`Asterisk would not start (exit ${intent.exitCode})`);
    if (intent.failing.length > 0)
      why.push(
        `${intent.failing.length} listed module${intent.failing.length === 1 ? '' : 's'} will not run`,
      );
    if (why.length === 0) why.push('errors above');
    out.push(`${intent.file}: problems found for Asterisk ${version}: ${why.join('; ')}.`);
  }
  return `${out.join('\n')}\n`;
}

function countsLine(intent: IntentResult): string {
  const c = intent.counts;
  return `Counts: started ${c.started} (${c.builtin} built in), declined ${c.declined}, not loaded ${c.notLoaded}.`;
}

/** Names as a count and the first few: hundreds of names on one line are read by nobody. */
function countAndFirst(title: string, names: readonly string[]): string {
  return names.length === 0 ? `${title} (0)` : `${title} (${names.length}): ${firstFew(names, 8)}`;
}

export function simulateText(
  result: SimulationResult,
  withLog: boolean,
  intent?: IntentResult,
  verbose?: number,
): string {
  const out: string[] = [];
  // Asterisk writes a VERBOSE line only when its level is at most the verbosity it runs with.
  const shown = (l: LogLine): boolean =>
    verbose === undefined || l.level !== 'VERBOSE' || (l.verbosity ?? 0) <= verbose;
  if (withLog) {
    for (const line of result.log) if (shown(line)) out.push(formatLogLine(line));
    out.push('');
  }
  if (result.startupFailed) {
    const last = [...result.log].reverse().find((l) => l.level === 'ERROR' && l.source === 'loader.c');
    out.push(`Asterisk would NOT start (exit ${result.exitCode})${last ? `: ${last.message}` : ''}`);
  } else {
    out.push(`Asterisk would start (${loaderReleaseName(result.release, result.loader)}).`);
  }
  const traits = loaderReleaseTraits(result.release);
  if (traits.length > 0) out.push(`Loader of ${result.release.version}: ${traits.join('; ')}.`);
  if (result.release.assumed) out.push(result.release.assumed);
  if (intent) {
    out.push(...intentLines(intent));
    out.push(countsLine(intent));
  }
  out.push(list('Started, in order', result.started));
  out.push(list('Declined', result.declined));
  out.push(countAndFirst('Not loaded', result.notLoaded));
  const errors = result.log.filter((l) => l.level === 'ERROR' && l.source === 'loader.c');
  if (!withLog && errors.length > 0) {
    out.push('Loader errors:');
    for (const e of errors) out.push(`  ${e.message}`);
  }
  if (result.hazards.length > 0) {
    out.push('Hazards:');
    for (const h of result.hazards) out.push(`  ${h.message}`);
  }
  for (const r of result.runtime) {
    out.push(`> ${r.command}`);
    for (const line of r.message.split('\n')) if (line) out.push(`  ${line}`);
    if (r.unloaded.length > 0) out.push(`  unloaded: ${r.unloaded.join(', ')}`);
    if (r.loaded.length > 0) out.push(`  loaded: ${r.loaded.join(', ')}`);
    if (r.caveat) out.push(`  note: ${r.caveat}`);
    if (withLog) for (const line of r.log) out.push(`  ${formatLogLine(line)}`);
  }
  return `${out.join('\n')}\n`;
}
