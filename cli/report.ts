/** How the CLI prints results: the stable JSON shape, human-readable text, and problems. */
import type { Problem, SimulationResult } from '../src/model';
import { formatProblemLocation } from '../src/model';
import { formatLogLine } from '../src/engine';

/** The `--json` document of `simulate`; its shape is a contract with CI pipelines. */
export interface SimulateJson {
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

export function simulateText(result: SimulationResult, withLog: boolean): string {
  const out: string[] = [];
  if (withLog) {
    for (const line of result.log) out.push(formatLogLine(line));
    out.push('');
  }
  if (result.startupFailed) {
    const last = [...result.log].reverse().find((l) => l.level === 'ERROR' && l.source === 'loader.c');
    out.push(`Asterisk would NOT start (exit ${result.exitCode})${last ? `: ${last.message}` : ''}`);
  } else {
    out.push(`Asterisk would start (${result.loader} loader).`);
  }
  out.push(list('Started, in order', result.started));
  out.push(list('Declined', result.declined));
  out.push(list('Not loaded', result.notLoaded));
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
    if (withLog) for (const line of r.log) out.push(`  ${formatLogLine(line)}`);
  }
  return `${out.join('\n')}\n`;
}
