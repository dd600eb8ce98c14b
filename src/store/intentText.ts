/**
 * The words of the Simulate tab's "what modules.conf asks for", from the engine's intent: the
 * verdict and the findings the modules.conf editor underlines at their lines. They say it as the
 * CLI's `check` does (engine/intent), so the page and a CI log agree.
 */
import { describeListed, describeNoload } from '../engine';
export { noloadEffect } from '../engine';
import type { IntentResult, ListedLine } from '../engine';
import type { ProblemSeverity } from '../model';

/** One finding of the intent at its modules.conf line; an editor underlines the line with it. */
export interface IntentFinding {
  line: number;
  severity: ProblemSeverity;
  message: string;
  module: string;
}

/** "modules.conf does what it says", or how many of its lines do not. */
export function intentVerdict(intent: IntentResult): string {
  const n = intent.failing.length;
  if (n > 0)
    return n === 1
      ? `1 line of ${intent.file} does not do what it says`
      : `${n} lines of ${intent.file} do not do what they say`;
  if (intent.startupFailed)
    return `${intent.file} does what it says, but Asterisk does not start (exit status ${intent.exitCode})`;
  return `${intent.file} does what it says`;
}

/** The sentence under the verdict: what the file lists and what autoload adds. */
export function intentScope(intent: IntentResult): string {
  const { listed, listedRunning } = intent.counts;
  const modules = (n: number) => `${n} module${n === 1 ? '' : 's'}`;
  const head =
    listed === 0
      ? 'No module is listed by load, preload or require'
      : `${modules(listed)} listed by load, preload or require, ${listedRunning} of them running`;
  return intent.autoload
    ? `${head}; autoload = yes loads every other module file present.`
    : `${head}; autoload = no: nothing else but the built-ins is loaded.`;
}

/** A listed line's outcome in a word or two. */
export function listedOutcome(l: ListedLine): string {
  return l.outcome === 'unknown' ? 'unknown module' : l.outcome.replace('-', ' ');
}

/**
 * The intent's findings at their modules.conf lines, for the editor's underlines:
 * a listed module that will not run is an error (with its why-chain on hover), a noload that
 * takes other modules down a warning, one that changes nothing an info.
 */
export function intentFindings(intent: IntentResult | undefined): IntentFinding[] {
  if (!intent) return [];
  const out: IntentFinding[] = [];
  for (const l of intent.failing)
    out.push({
      severity: 'error',
      message: [describeListed(l), ...l.why].join('\n'),
      line: l.line,
      module: l.module,
    });
  for (const n of intent.noloads) {
    if (n.effective && n.takesDown.length === 0) continue;
    out.push({
      severity: n.takesDown.length > 0 ? 'warning' : 'info',
      message: describeNoload(n),
      line: n.line,
      module: n.module,
    });
  }
  return out;
}
