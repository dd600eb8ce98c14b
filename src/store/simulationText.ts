import { explainModule, formatLogLine } from '../engine';
import type { ExplanationStep, RuntimeResult, SimulationResult } from '../model';

/**
 * The simulation result as the text the views show. The engine writes Asterisk's log wording and
 * the causal explanations; the UI reaches them through here, never by importing the engine.
 */

export interface TranscriptRow {
  text: string;
  level: string;
  /** The startup event the line belongs to (the timeline highlights it); none for run-time commands. */
  event: number | undefined;
  /** For VERBOSE lines: the level Asterisk logs them at. */
  verbosity: number | undefined;
}

/** The startup log, then each run-time command (`*CLI> ...`) followed by what it logged. */
export function transcriptRows(result: SimulationResult): TranscriptRow[] {
  const rows: TranscriptRow[] = result.log.map((l) => ({
    text: formatLogLine(l),
    level: l.level,
    event: l.event,
    verbosity: l.verbosity,
  }));
  for (const r of result.runtime) {
    rows.push({ text: `*CLI> ${r.command}`, level: 'CLI', event: undefined, verbosity: undefined });
    for (const l of r.log)
      rows.push({ text: formatLogLine(l), level: l.level, event: undefined, verbosity: l.verbosity });
  }
  return rows;
}

/**
 * The rows a log written at `verbose` shows (`all`: every line, debug included, as the recorded
 * traces at verbose 5 and debug 5): VERBOSE lines up to that level, no DEBUG lines.
 */
export function rowsAtVerbosity(rows: readonly TranscriptRow[], verbose: 'all' | number): TranscriptRow[] {
  if (verbose === 'all') return [...rows];
  return rows.filter((r) => r.level !== 'DEBUG' && (r.level !== 'VERBOSE' || (r.verbosity ?? 0) <= verbose));
}

/** The warnings and errors a run-time command logged, as Asterisk prints them. */
export function commandWarningLines(result: RuntimeResult): string[] {
  return result.log
    .filter(
      (l) =>
        l.level === 'WARNING' ||
        l.level === 'ERROR' ||
        // The loader gives the reason a recursive unload refused as a NOTICE (graceful_unload_possible).
        (l.level === 'NOTICE' && l.message.includes('cannot be unloaded')),
    )
    .map(formatLogLine);
}

/** Why `module` ended up as it did in `result`: the chain of causes, first to last. */
export function explainOutcome(result: SimulationResult, module: string): ExplanationStep[] {
  return explainModule(result, module);
}
