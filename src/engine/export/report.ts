import type { ModuleGraph, SimulationResult } from '../../model';
import { explainModule } from '../explain/whyChains';
import type { IntentResult } from '../intent/intentOf';
import { noloadEffect } from '../intent/intentOf';

export interface ReportInput {
  graph: ModuleGraph;
  result: SimulationResult;
  intent: IntentResult | undefined;
  /** How the loader is called in the page ("Asterisk 16.30.1 loader"). */
  loaderLabel: string;
}

/** Markdown text of a name list: code spans, comma separated. */
function names(list: readonly string[]): string {
  return list.map((n) => `\`${n}\``).join(', ');
}

/**
 * Markdown escapes for text from the model (messages). Underscores stay: inside a word, as in
 * module names, they never start emphasis.
 */
function text(s: string): string {
  return s.replace(/([\\`*[\]<>|])/g, '\\$1');
}

/**
 * A simulation as a Markdown report that pastes into a ticket: what modules.conf asks for first
 * (listed modules that do not run, with why; what each noload takes down), then every declined or
 * failed module with its why-chain, then the counts.
 */
export function simulationReport({ graph, result, intent, loaderLabel }: ReportInput): string {
  const out: string[] = [];
  const file = intent?.file ?? 'modules.conf';
  out.push(`# Asterisk ${graph.info.version}: what \`${file}\` does at startup (simulated)`, '');
  out.push(`Loader: ${loaderLabel}. Simulated by the Asterisk Module Explorer.`, '');
  out.push(
    result.startupFailed
      ? `**Asterisk does not start** (exit status ${result.exitCode}).`
      : '**Asterisk starts** (exit status 0).',
    '',
  );
  if (intent) {
    out.push(`## What \`${file}\` asks for`, '');
    out.push(
      intent.failing.length === 0
        ? `Every module listed by load, preload or require runs (${intent.counts.listed}).`
        : `${intent.failing.length} of ${intent.counts.listed} listed module${intent.counts.listed === 1 ? '' : 's'} will not run:`,
      '',
    );
    for (const l of intent.failing) {
      out.push(
        `- line ${l.line}: \`${l.option} => ${l.value}\`: **${l.outcome === 'unknown' ? 'unknown module' : l.outcome}**`,
      );
      l.why.forEach((why, i) => out.push(`  ${i + 1}. ${text(why)}`));
    }
    if (intent.failing.length > 0) out.push('');
    if (intent.noloads.length > 0) {
      out.push('### noload lines', '');
      for (const n of intent.noloads) {
        out.push(
          `- line ${n.line}: \`noload => ${n.value}\` ${noloadEffect(n)}${n.takesDown.length > 0 ? `: ${names(n.takesDown)}` : ''}`,
        );
      }
      out.push('');
    }
  }
  const declined = result.declined;
  out.push(`## Declined or failed modules (${declined.length})`, '');
  if (declined.length === 0) out.push('None.', '');
  for (const name of declined) {
    const m = result.modules[name];
    out.push(
      `### \`${name}\`: ${m?.state ?? 'declined'}${m?.declineReason ? ` (${m.declineReason})` : ''}`,
      '',
    );
    explainModule(result, name).forEach((step, i) => out.push(`${i + 1}. ${text(step.text)}`));
    out.push('');
  }
  const failed = declined.filter((n) => result.modules[n]?.state === 'failed').length;
  out.push('## Counts', '');
  out.push('| started | declined | failed | not loaded |', '| ---: | ---: | ---: | ---: |');
  out.push(
    `| ${result.started.length} | ${declined.length - failed} | ${failed} | ${result.notLoaded.length} |`,
    '',
  );
  return `${out.join('\n')}\n`;
}
