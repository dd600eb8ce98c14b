import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { describe, expect, it } from 'vitest';
import { cli, scratchFiles } from './testing/cliHarness';

const file = scratchFiles('ame-format-');
const NOLOAD = file('noload.conf', '[modules]\nautoload = yes\nnoload => res_pjsip.so\n');

describe('--format: the same files the page exports', () => {
  it('simulate --format csv prints the load order, started first in start order', async () => {
    const csv = await cli('simulate', '--data', '23.4.1', '--modules-conf', NOLOAD, '--format', 'csv');
    const json = await cli('simulate', '--data', '23.4.1', '--modules-conf', NOLOAD, '--json');
    expect(csv.code).toBe(0);
    const lines = csv.out.trim().split('\r\n');
    expect(lines[0]).toBe('position,module,state,reason,causes,use_count');
    const started = (JSON.parse(json.out) as { started: string[] }).started;
    expect(lines.slice(1, started.length + 1).map((l) => l.split(',')[1])).toEqual(started);
    expect(lines.find((l) => l.split(',')[1] === 'res_pjsip')).toBe(',res_pjsip,not-loaded,noload,,0');
  });

  it('simulate --format md prints the report, intent first', async () => {
    const { code, out } = await cli(
      'simulate',
      '--data',
      '23.4.1',
      '--modules-conf',
      NOLOAD,
      '--format',
      'md',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^# Asterisk 23\.4\.1: what `[^`]*noload\.conf` does at startup \(simulated\)/);
    expect(out).toMatch(/- line 3: `noload => res_pjsip\.so` disables 56 modules besides res_pjsip/);
  });

  it('deps --format dot prints a graph Graphviz reads, with the module and what it needs', async () => {
    const { code, out } = await cli(
      'deps',
      'chan_pjsip',
      '--data',
      '23.4.1',
      '--transitive',
      '--format',
      'dot',
    );
    expect(code).toBe(0);
    const layout = JSON.parse((await Graphviz.load()).layout(out, 'json', 'dot')) as {
      objects?: Array<{ name: string }>;
    };
    const names = (layout.objects ?? []).map((o) => o.name).filter((n) => !n.startsWith('cluster_'));
    expect(names).toEqual(expect.arrayContaining(['chan_pjsip', 'res_pjsip', 'res_sorcery_config']));
  });

  it('refuses a format a command does not write', async () => {
    expect((await cli('check', '--data', '23.4.1', '--modules-conf', NOLOAD, '--format', 'csv')).err).toMatch(
      /--format does not apply to 'check'/,
    );
    expect((await cli('deps', 'chan_pjsip', '--format', 'csv')).err).toMatch(
      /--format of 'deps' is text, json or dot/,
    );
    expect((await cli('path', 'a', 'b', '--format', 'dot')).err).toMatch(/--format does not apply to 'path'/);
  });
});
