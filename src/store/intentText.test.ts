import { describe, expect, it } from 'vitest';
import { intentOf, simulate } from '../engine';
import { buildGraph } from '../engine/testing/buildGraph';
import { conf } from '../engine/testing/conf';
import { intentFindings, intentScope, intentVerdict, noloadEffect } from './intentText';

const graph = buildGraph({
  extconfig: { builtin: true, priority: 0 },
  res_base: { priority: 10 },
  chan_top: { requires: ['res_base'] },
  app_alone: {},
});

function intent(...lines: string[]) {
  const c = conf(...lines);
  return intentOf(graph, c, simulate(graph, c));
}

describe('intent wording', () => {
  it('gives the verdict by the lines that do not do what they say', () => {
    expect(intentVerdict(intent('autoload = no', 'load => chan_top.so'))).toBe(
      '1 line of modules.conf does not do what it says',
    );
    expect(intentVerdict(intent('autoload = no', 'load => chan_top.so', 'load => app_alnoe.so'))).toBe(
      '2 lines of modules.conf do not do what they say',
    );
    expect(intentVerdict(intent('autoload = no', 'load => res_base.so', 'load => chan_top.so'))).toBe(
      'modules.conf does what it says',
    );
    expect(intentScope(intent('autoload = no', 'load => chan_top.so'))).toBe(
      '1 module listed by load, preload or require, 0 of them running; autoload = no: nothing else but the built-ins is loaded.',
    );
  });

  it('puts each finding at its line: errors for listed modules, a warning for a noload taking others down', () => {
    const findings = intentFindings(
      intent('autoload = yes', 'load => chan_top.so', 'noload => res_base.so', 'noload => app_alone.so'),
    );
    expect(findings.map((f) => [f.line, f.severity, f.module])).toEqual([
      [3, 'error', 'chan_top'],
      [4, 'warning', 'res_base'],
    ]);
    expect(findings[0]?.message.split('\n')[0]).toBe('line 3: load => chan_top.so will not run (declined).');
    expect(findings[0]?.message).toContain('res_base');
    expect(intentFindings(undefined)).toEqual([]);
    const idle = intent('autoload = no', 'noload => res_base.so');
    expect(intentFindings(idle)).toEqual([expect.objectContaining({ line: 3, severity: 'info' })]);
    expect(noloadEffect(idle.noloads[0]!)).toBe('changes nothing: res_base would not be loaded anyway');
  });
});
