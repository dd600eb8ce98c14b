import { describe, expect, it } from 'vitest';
import { buildGraph } from '../testing/buildGraph';
import { conf } from '../testing/conf';
import { simulate } from '../simulate';
import { describeNoload, intentOf } from './intentOf';

const graph = buildGraph({
  extconfig: { builtin: true, priority: 0 },
  res_base: { priority: 10 },
  res_mid: { priority: 20, requires: ['res_base'] },
  chan_top: { requires: ['res_mid'] },
  app_alone: {},
});

function run(...lines: string[]) {
  const c = conf(...lines);
  return intentOf(graph, c, simulate(graph, c));
}

describe('intentOf', () => {
  it('lists each load line that does not end running, with its line and why-chain to the root', () => {
    const r = run('autoload = no', 'load => chan_top.so', 'load => app_alone.so');
    expect(r.ok).toBe(false);
    expect(r.startupFailed).toBe(false);
    expect(r.failing).toHaveLength(1);
    const [f] = r.failing;
    expect(f).toMatchObject({ line: 3, option: 'load', module: 'chan_top', outcome: 'declined' });
    expect(f?.why[0]).toContain('could not resolve its dependencies, because res_mid');
    expect(f?.why.at(-1)).toBe('res_mid is not loaded: autoload is off and no modules.conf line lists it.');
    expect(r.counts).toMatchObject({ listed: 2, listedRunning: 1, started: 2, builtin: 1 });
  });

  it('is ok only when every listed module runs and Asterisk starts', () => {
    expect(run('autoload = no', 'load => res_base.so', 'load => res_mid.so', 'load => chan_top.so').ok).toBe(
      true,
    );
    const req = run('autoload = no', 'require => chan_top.so');
    expect(req.ok).toBe(false);
    expect(req.startupFailed).toBe(true);
    expect(req.requireFailed.map((l) => l.line)).toEqual([3]);
  });

  it('reports an unknown module name on its line', () => {
    const r = run('autoload = yes', 'load => app_alnoe.so');
    expect(r.failing[0]).toMatchObject({ line: 3, outcome: 'unknown' });
    expect(r.failing[0]?.why[0]).toContain('app_alnoe.so is not a module of Asterisk');
  });

  it('measures what each noload line takes down against a run without that line', () => {
    const r = run('autoload = yes', 'noload => res_base.so', 'noload => app_alone');
    expect(r.noloads).toEqual([
      {
        line: 3,
        column: 1,
        value: 'res_base.so',
        module: 'res_base',
        effective: true,
        takesDown: ['res_mid', 'chan_top'],
      },
      { line: 4, column: 1, value: 'app_alone', module: 'app_alone', effective: true, takesDown: [] },
    ]);
    expect(describeNoload(r.noloads[0]!)).toBe(
      'line 3: noload => res_base.so disables 2 modules besides res_base: res_mid, chan_top.',
    );
    // Grouped by line: the modules it takes down are not repeated as separate troubles.
    expect(r.troubles).toEqual([]);
    const idle = run('autoload = no', 'noload => res_base.so');
    expect(idle.noloads[0]?.effective).toBe(false);
    expect(describeNoload(idle.noloads[0]!)).toContain('changes nothing');
  });

  it('groups autoloaded modules that decline for want of a missing file under that file, once', () => {
    const c = conf('autoload = yes');
    const result = simulate(graph, c, { available: ['res_mid.so', 'chan_top.so', 'app_alone.so'] });
    const r = intentOf(graph, c, result, { available: ['res_mid.so', 'chan_top.so', 'app_alone.so'] });
    expect(r.troubles).toHaveLength(1);
    expect(r.troubles[0]).toMatchObject({
      root: 'res_base',
      modules: expect.arrayContaining(['res_mid', 'chan_top']),
    });
    expect(r.ok).toBe(true);
  });
});
