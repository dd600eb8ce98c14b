import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { buildGraph } from '../testing/buildGraph';
import { conf } from '../testing/conf';
import { explainModule, whyDeclined, whyStarted } from './whyChains';

const graph = buildGraph({
  extconfig: { builtin: true, priority: 0 },
  res_core: { priority: 10, globalSymbols: true },
  res_mid: { priority: 30, requires: ['res_core'] },
  app_top: { requires: ['res_mid'], optional: ['func_opt'] },
  func_opt: { priority: 60 },
  app_linked: { links: ['res_core'], requires: ['res_core'] },
  app_early: { priority: 20, requires: ['func_opt'] },
});
const available = ['app_top.so', 'res_mid.so', 'res_core.so', 'func_opt.so', 'app_linked.so', 'app_early.so'];

describe('explanations', () => {
  it('says how a running module got listed and that it started early for another module', () => {
    const r = simulate(graph, conf('autoload = yes'), { available });
    expect(whyStarted(r, 'func_opt').map((s) => s.text)).toEqual([
      'autoload = yes listed it because func_opt.so is in the module directory.',
      'It started early (number 3 to start), ahead of its own priority, because app_early needed it running first.',
    ]);
    expect(whyStarted(r, 'app_top').at(-1)?.text).toBe(
      'It holds a reference on what it uses, all running: res_mid, func_opt.',
    );
  });

  it('follows a cascade down to the module that declined on its own', () => {
    const r = simulate(graph, conf('autoload = yes', 'load => app_top'), {
      available,
      faults: { res_core: 'decline' },
    });
    expect(whyDeclined(r, 'app_top')).toEqual([
      {
        module: 'app_top',
        text: 'app_top declined because res_core, which it depends on, declined ("Declined modules which depend on res_core").',
      },
      {
        module: 'res_core',
        text: 'res_core declined in its own load() (for example, its configuration file is missing).',
      },
    ]);
    expect(whyStarted(r, 'app_top')[0]?.text).toBe('app_top is not running.');
  });

  it('traces a module that never opened to the noload line that removed what it links against', () => {
    const r = simulate(graph, conf('autoload = yes', 'noload => res_core'), { available });
    expect(explainModule(r, 'app_linked').map((s) => s.text)).toEqual([
      'app_linked.so could not be opened: it links against res_core that never loaded, so it is not in the module list at all.',
      "res_core is not loaded: modules.conf line 3 says 'noload'.",
    ]);
    expect(whyDeclined(r, 'res_mid').map((s) => s.module)).toEqual(['res_mid', 'res_core']);
  });

  it('explains a missing module file and a module nobody simulated', () => {
    const r = simulate(graph, conf('autoload = yes'), { available, faults: { res_core: 'missing' } });
    expect(whyDeclined(r, 'res_mid').at(-1)?.text).toBe(
      'res_core is not in the module list: no res_core.so in the module directory, and not built in.',
    );
    expect(whyStarted(r, 'chan_gone')[0]?.text).toContain('not part of this simulation');
  });
});
