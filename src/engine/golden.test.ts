/**
 * Golden tests: each case is a behaviour of main/loader.c (master commit f0c1c1a7) worked out by
 * hand from the code on a small graph, so a failure points at one rule of the real loader.
 */
import { describe, expect, it } from 'vitest';
import type { SimulationOptions, SimulationResult } from '../model';
import { simulate } from './simulate';
import { buildGraph } from './testing/buildGraph';
import type { ModuleSpec } from './testing/buildGraph';
import { conf } from './testing/conf';
import { formatLogLine } from './transcript';

/** Two built-ins as in Asterisk: extconfig (priority 0) registers after cdr (40), which requires it. */
const CORE: Record<string, ModuleSpec> = {
  cdr: { builtin: true, priority: 40, requires: ['extconfig'] },
  extconfig: { builtin: true, priority: 0 },
};

function run(
  specs: Record<string, ModuleSpec>,
  lines: string[],
  options: SimulationOptions = {},
): SimulationResult {
  return simulate(buildGraph({ ...CORE, ...specs }), conf(...lines), options);
}

const errors = (r: SimulationResult): string[] =>
  r.log.filter((l) => l.level === 'ERROR' && l.source === 'loader.c').map((l) => l.message);
const debug = (r: SimulationResult): string[] =>
  r.log.filter((l) => l.level === 'DEBUG').map((l) => l.message);
const lines = (r: SimulationResult): string[] => r.log.map(formatLogLine);

describe('the load order and the start order', () => {
  const specs: Record<string, ModuleSpec> = {
    res_x: { priority: 10 },
    res_y: { priority: 60 },
    app_one: {},
    app_two: {},
  };
  const available = ['app_two.so', 'res_y.so', 'app_one.so', 'res_x.so'];

  it('with autoload, starts built-ins and module files by priority, ties in directory order', () => {
    const r = run(specs, ['autoload = yes'], { available });
    expect(r.started).toEqual(['extconfig', 'res_x', 'cdr', 'res_y', 'app_two', 'app_one']);
    expect(lines(r)).toContain('NOTICE loader.c: 6 modules will be loaded.');
    expect(lines(r)).toContain(`DEBUG loader.c: START: ${'app_two.so'.padEnd(46)}[128] 0`);
  });

  it('moves a module named by a load line to the front of its priority group', () => {
    const r = run(specs, ['autoload = yes', 'load => app_one'], { available });
    expect(r.started.slice(-2)).toEqual(['app_one', 'app_two']);
  });

  it('with autoload off, breaks priority ties by the order of the load lines', () => {
    expect(run(specs, ['load => app_two', 'load => app_one'], { available }).started).toEqual([
      'extconfig',
      'cdr',
      'app_two',
      'app_one',
    ]);
    expect(run(specs, ['load => app_one', 'load => app_two'], { available }).started).toEqual([
      'extconfig',
      'cdr',
      'app_one',
      'app_two',
    ]);
  });

  it('counts built-ins and listed files in "N modules will be loaded." and leaves unlisted files unloaded', () => {
    const r = run(specs, ['load => app_one.so'], { available });
    expect(lines(r)).toContain('NOTICE loader.c: 3 modules will be loaded.');
    expect(r.notLoaded).toEqual(['app_two', 'res_x', 'res_y']);
    expect(r.modules.res_x?.notLoadedReason).toBe('not-listed');
  });

  it('starts preloaded modules first, pulling in what they need ahead of its priority', () => {
    const r = run({ ...specs, app_one: { requires: ['cdr'] } }, ['autoload = yes', 'preload => app_one'], {
      available,
    });
    expect(r.started).toEqual(['extconfig', 'cdr', 'app_one', 'res_x', 'res_y', 'app_two']);
    expect(debug(r)).toEqual(
      expect.arrayContaining([
        'app_one has 2 dependencies',
        'app_one trying to start extconfig',
        'app_one started cdr',
      ]),
    );
    expect(r.modules.cdr?.pulledBy).toBe('app_one');
  });

  it('starts missing optional dependencies early, in priority order, before the module that wants them', () => {
    const r = run(
      { app_conf: { priority: 90, optional: ['codec_b', 'func_a'] }, func_a: {}, codec_b: {} },
      ['autoload = yes'],
      { available: ['app_conf.so', 'func_a.so', 'codec_b.so'] },
    );
    expect(r.started).toEqual(['extconfig', 'cdr', 'codec_b', 'func_a', 'app_conf']);
    expect(debug(r)).toEqual(
      expect.arrayContaining(['Module app_conf.so is missing dependencies', 'app_conf has 2 dependencies']),
    );
  });
});

describe('dlopen passes and link-time dependencies', () => {
  const specs: Record<string, ModuleSpec> = {
    app_l: { requires: ['res_g'], links: ['res_g'] },
    res_g: { globalSymbols: true, priority: 50 },
    app_m: {},
  };

  it('retries a module whose global-symbol dependency opens later, and it enters the priority order last', () => {
    const r = run(specs, ['autoload = yes'], { available: ['app_l.so', 'app_m.so', 'res_g.so'] });
    expect(debug(r)).toEqual(
      expect.arrayContaining([
        `PASS 0: ${'app_l.so'.padEnd(46)} 1`,
        'Registering module res_g',
        'Unregistering module res_g',
        `PASS 1: ${'app_l.so'.padEnd(46)} 3`,
      ]),
    );
    expect(r.started).toEqual(['extconfig', 'cdr', 'res_g', 'app_m', 'app_l']);
    // The passes' "declined" result is overwritten by the start phase's: no warning without a decline.
    expect(lines(r)).not.toContain('WARNING loader.c: Some non-required modules failed to load.');
  });

  it('never registers a module that links against a noloaded module, and names what is missing', () => {
    const r = run(specs, ['autoload = yes', 'noload => res_g'], {
      available: ['app_l.so', 'app_m.so', 'res_g.so'],
    });
    expect(errors(r)).toEqual(["Error loading module 'app_l.so', missing dependency: res_g"]);
    expect(r.notLoaded).toEqual(['app_l', 'res_g']);
    expect(r.useCounts.app_l).toBeUndefined();
    expect(r.modules.app_l).toMatchObject({ notLoadedReason: 'dlopen-failed', missingLinks: ['res_g'] });
  });

  it('without link facts, takes required global-symbol modules as links and says so', () => {
    const graph = buildGraph(
      { ...CORE, app_l: { requires: ['res_g'] }, res_g: { globalSymbols: true } },
      { hasLinkFacts: false },
    );
    const r = simulate(graph, conf('autoload = yes', 'noload => res_g'), {
      available: ['app_l.so', 'res_g.so'],
    });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'no-link-facts' })]);
    expect(r.modules.app_l?.notLoadedReason).toBe('dlopen-failed');
  });
});

describe('declines and their cascade', () => {
  const specs: Record<string, ModuleSpec> = {
    res_odbc: { priority: 10 },
    res_config_odbc: { priority: 30, requires: ['res_odbc'] },
    func_odbc: { requires: ['res_odbc'] },
    app_user: { requires: ['func_odbc'] },
  };
  const available = ['func_odbc.so', 'app_user.so', 'res_odbc.so', 'res_config_odbc.so'];

  it('declines every listed module that depends on a declining one, in one message in vector order', () => {
    const r = run(specs, ['autoload = yes'], { available, faults: { res_odbc: 'decline' } });
    expect(errors(r)).toEqual([
      'res_odbc declined to load.',
      'Declined modules which depend on res_odbc: res_config_odbc, func_odbc, app_user',
    ]);
    expect(r.declined).toEqual(['app_user', 'func_odbc', 'res_config_odbc', 'res_odbc']);
    expect(debug(r)).toContain('func_odbc is already declined, skipping');
    expect(r.startupFailed).toBe(false);
  });

  it('gives a dependency that declines while being pulled in no message of its own', () => {
    const r = run(specs, ['autoload = yes', 'preload => func_odbc'], {
      available,
      faults: { res_odbc: 'decline' },
    });
    // Later dependents find it declined and fail one at a time, without a cascade.
    expect(errors(r)).toEqual([
      'Failed to load func_odbc due to dependencies: res_odbc.',
      'func_odbc declined to load.',
      'Declined modules which depend on func_odbc: app_user',
      'Failed to load res_config_odbc due to dependencies: res_odbc.',
      'res_config_odbc declined to load.',
    ]);
    expect(debug(r)).toContain('Module res_config_odbc.so is missing dependencies');
    expect(debug(r)).toContain("res_config_odbc tried to start res_odbc but it's already declined");
    expect(r.declined).toEqual(['app_user', 'func_odbc', 'res_config_odbc', 'res_odbc']);
    expect(r.modules.res_odbc?.declineReason).toBe('declined-while-pulled');
  });

  it('keeps the references of a declined module until it is unloaded', () => {
    const r = run({ res_a: { priority: 10 }, app_d: { requires: ['res_a'] } }, ['autoload = yes'], {
      available: ['res_a.so', 'app_d.so'],
      faults: { app_d: 'decline' },
      commands: ['module unload app_d'],
    });
    expect(r.useCounts.res_a).toBe(1);
    expect(r.runtime[0]?.log.map(formatLogLine)).toContain(
      "NOTICE loader.c: Unloading module 'app_d' that previously declined to load",
    );
    expect(r.runtime[0]?.useCounts.res_a).toBe(0);
  });

  it('declines a module without a load function', () => {
    const r = run({ res_n: {} }, ['autoload = yes'], {
      available: ['res_n.so'],
      faults: { res_n: 'no-load-function' },
    });
    expect(errors(r)).toEqual(['res_n declined to load.']);
    expect(lines(r)).not.toContain('VERBOSE loader.c: Loading res_n.so.');
  });
});

describe('dependencies that are not in the module list', () => {
  const specs: Record<string, ModuleSpec> = {
    res_curl: { priority: 10 },
    func_curl: { priority: 20, requires: ['res_curl'] },
    app_c: { requires: ['func_curl'] },
  };
  const available = ['app_c.so', 'func_curl.so', 'res_curl.so'];

  it('noload of a required dependency declines its dependents, each resolving on its own', () => {
    const r = run(specs, ['autoload = yes', 'noload => res_curl'], { available });
    // app_c is skipped by func_curl's cascade scan: its own resolution fails further down.
    expect(errors(r)).toEqual([
      'Failed to resolve dependencies for func_curl',
      'func_curl declined to load.',
      'Failed to resolve dependencies for app_c',
      'app_c declined to load.',
    ]);
    expect(r.notLoaded).toEqual(['res_curl']);
    expect(r.modules.func_curl).toMatchObject({
      declineReason: 'unresolved-dependencies',
      causes: ['res_curl'],
    });
  });

  it('with autoload off, declines a listed module whose dependencies are not listed', () => {
    const r = run(specs, ['autoload = no', 'load => func_curl'], { available });
    expect(errors(r)).toEqual([
      'Failed to resolve dependencies for func_curl',
      'func_curl declined to load.',
    ]);
    expect(r.notLoaded).toEqual(['app_c', 'res_curl']);
  });
});

describe('required modules and startup failure', () => {
  const specs: Record<string, ModuleSpec> = {
    res_curl: { priority: 10 },
    func_curl: { priority: 20, requires: ['res_curl'] },
    res_odbc: { priority: 10 },
  };
  const available = ['func_curl.so', 'res_curl.so', 'res_odbc.so'];

  it('fails startup (exit 2) when a required module cannot resolve a dependency', () => {
    const r = run(specs, ['autoload = yes', 'require => func_curl'], {
      available,
      faults: { res_curl: 'missing' },
    });
    expect(r.startupFailed).toBe(true);
    expect(r.exitCode).toBe(2);
    expect(errors(r)).toEqual([
      'Failed to resolve dependencies for func_curl',
      'Required module func_curl declined to load.',
    ]);
    expect(lines(r).at(-1)).toBe('ERROR asterisk.c: Module initialization failed.  ASTERISK EXITING!');
    expect(r.notLoaded).toEqual([]);
    expect(r.declined).toEqual(['func_curl']);
  });

  it('fails startup when a required module declines in its own load()', () => {
    const r = run(specs, ['autoload = yes', 'require => res_odbc'], {
      available,
      faults: { res_odbc: 'decline' },
    });
    expect(r.exitCode).toBe(2);
    expect(errors(r)).toEqual(['*** Failed to load required module res_odbc.so']);
    expect(debug(r)).toContain(`START: ${'res_odbc.so'.padEnd(46)}[10] -1`);
  });

  it('fails startup when a required module depends on one that declines', () => {
    const r = run(specs, ['autoload = yes', 'require => func_curl'], {
      available,
      faults: { res_curl: 'decline' },
    });
    expect(errors(r)).toEqual([
      'res_curl declined to load.',
      'Cannot load required module func_curl that depends on res_curl',
    ]);
    expect(r.exitCode).toBe(2);
  });

  it('fails startup when a required module file is missing, after the logging pass', () => {
    const r = run(specs, ['autoload = yes', 'require => res_nope.so'], { available });
    expect(r.started).toEqual([]);
    expect(errors(r)).toEqual([
      "Error loading module 'res_nope.so': /usr/lib/asterisk/modules/res_nope.so: cannot open shared object file: No such file or directory",
      '*** Failed to load module res_nope.so - Required',
    ]);
    expect(r.notLoaded).toEqual(['func_curl', 'res_curl', 'res_odbc']);
  });

  it('refuses require plus noload of the same module as a configuration error (exit 1), loading nothing', () => {
    const r = run(specs, ['autoload = yes', 'require => res_curl', 'noload => res_curl.so'], { available });
    expect(r.exitCode).toBe(1);
    expect(lines(r)).toContain(
      "ERROR loader.c: res_curl.so is configured with 'require' and 'noload', this is impossible.",
    );
    expect(r.started).toEqual([]);
    expect(r.modules.res_odbc?.notLoadedReason).toBe('config-error');
  });

  it('refuses an unknown option like the loader does', () => {
    const r = run(specs, ['autoload = yes', 'lod => res_curl'], { available });
    expect(r.exitCode).toBe(1);
    expect(lines(r)).toContain("ERROR loader.c: Unknown configuration option 'lod'");
  });

  it('aborts startup when a non-required module returns failure from load()', () => {
    const r = run(specs, ['autoload = yes'], { available, faults: { res_curl: 'failure' } });
    expect(r.exitCode).toBe(2);
    expect(errors(r)).toEqual(['*** Failed to load module res_curl.so']);
    expect(r.modules.res_curl?.state).toBe('failed');
  });

  it('carries on when a later module of the same last pass also fails to open (the decline resets the result)', () => {
    const r = run(
      { ...specs, app_l: { links: ['res_g'] }, res_g: { globalSymbols: true } },
      ['autoload = yes', 'require => res_nope', 'noload => res_g'],
      {
        available: [...available, 'app_l.so', 'res_g.so'],
      },
    );
    expect(errors(r)).toContain('*** Failed to load module res_nope - Required');
    expect(r.startupFailed).toBe(false);
    expect(r.started).toContain('func_curl');
  });
});

describe('optional modules and enhancers', () => {
  it('ignores an optional module that is absent', () => {
    const r = run({ app_m: { optional: ['func_gone'] } }, ['autoload = yes'], { available: ['app_m.so'] });
    expect(r.started).toContain('app_m');
  });

  it('blocks a module on an optional module that is present but declines, as a requirement would', () => {
    const r = run({ func_p: { priority: 60 }, app_m: { optional: ['func_p'] } }, ['autoload = yes'], {
      available: ['app_m.so', 'func_p.so'],
      faults: { func_p: 'decline' },
    });
    expect(errors(r)).toEqual(['func_p declined to load.', 'Declined modules which depend on func_p: app_m']);
  });

  it('makes every module that requires an enhanced module hold a reference on its enhancer', () => {
    const r = run(
      {
        res_fax: { priority: 80, globalSymbols: true },
        res_fax_spandsp: { enhances: ['res_fax'], links: ['res_fax'] },
        app_fax: { requires: ['res_fax'] },
      },
      ['autoload = yes'],
      { available: ['res_fax_spandsp.so', 'app_fax.so', 'res_fax.so'] },
    );
    expect(r.started.slice(-3)).toEqual(['res_fax', 'res_fax_spandsp', 'app_fax']);
    expect(r.modules.app_fax?.references).toEqual(['res_fax', 'res_fax_spandsp']);
    expect(r.useCounts).toMatchObject({ res_fax: 2, res_fax_spandsp: 1 });
  });
});

describe('use counts', () => {
  it('counts one reference per dependent, plus the shutdown reference of a running built-in', () => {
    const r = run(
      { app_a: { requires: ['cdr'] }, app_b: { requires: ['cdr', 'extconfig'] } },
      ['autoload = yes'],
      { available: ['app_a.so', 'app_b.so'] },
    );
    expect(r.useCounts).toEqual({ extconfig: 3, cdr: 3, app_a: 0, app_b: 0 });
  });
});

describe('deprecation warnings', () => {
  it('warns about running deprecated modules after startup, in the wording of the xmldoc facts', () => {
    const r = run(
      {
        res_old: { supportLevel: 'deprecated', priority: 10 },
        app_soon: { deprecatedIn: '21', removedIn: '23', replacement: 'app_new' },
      },
      ['autoload = yes'],
      { available: ['app_soon.so', 'res_old.so'] },
    );
    expect(r.log.filter((l) => l.level === 'WARNING').map((l) => l.message)).toEqual([
      "Module 'res_old' has been loaded but may be removed in a future release.",
      "Module 'app_soon' has been loaded but will be deprecated in Asterisk version 21 and will be removed in Asterisk version 23. Its replacement is 'app_new'.",
    ]);
  });
});

describe('run-time commands', () => {
  const specs: Record<string, ModuleSpec> = {
    res_s: { priority: 35, globalSymbols: true },
    app_x: { requires: ['res_s'] },
    app_y: { requires: ['res_s'] },
    app_z: { requires: ['app_x'] },
  };
  const available = ['app_x.so', 'app_y.so', 'app_z.so', 'res_s.so'];
  const after = (commands: string[]): SimulationResult =>
    run(specs, ['autoload = yes'], { available, commands });

  it('refuses to unload a module in use, with the loader and CLI messages', () => {
    const [res] = after(['module unload res_s']).runtime;
    expect(res).toMatchObject({
      ok: false,
      message: "Unable to unload resource res_s\nCommand 'module unload res_s' failed.",
      unloaded: [],
    });
    expect(res?.log.map(formatLogLine)).toEqual([
      "WARNING loader.c: Soft unload failed, 'res_s' has use count 2",
    ]);
  });

  it('forces the unload with -f', () => {
    const [res] = after(['module unload -f res_s']).runtime;
    expect(res?.ok).toBe(true);
    expect(res?.log.map(formatLogLine)).toContain(
      "WARNING loader.c: Warning:  Forcing removal of module 'res_s' with use count 2",
    );
    expect(res?.unloaded).toEqual(['res_s']);
  });

  it('refreshes recursively: dependents unloaded in discovery order, reloaded in reverse', () => {
    const [res] = after(['module refresh res_s recursively']).runtime;
    expect(res?.message).toBe('Unloaded and loaded res_s');
    expect(res?.log.filter((l) => l.message.startsWith('Found new dependent')).map((l) => l.message)).toEqual(
      ['Found new dependent app_z', 'Found new dependent app_x', 'Found new dependent app_y'],
    );
    expect(res?.unloaded).toEqual(['app_z', 'app_x', 'app_y', 'res_s']);
    expect(res?.loaded).toEqual(['res_s', 'app_y', 'app_x', 'app_z']);
  });

  it('refuses a recursive refresh when dependents do not account for the whole use count', () => {
    const r = run({ app_c: { requires: ['cdr'] } }, ['autoload = yes'], {
      available: ['app_c.so'],
      commands: ['module refresh cdr recursively'],
    });
    const res = r.runtime[0];
    expect(res?.message).toBe(
      "Unable to unload resource cdr\nCommand 'module refresh cdr recursively' failed.",
    );
    expect(res?.log.map(formatLogLine)).toEqual([
      'DEBUG loader.c: Found new dependent app_c',
      'NOTICE loader.c: Module cdr cannot be unloaded (would still have use count 1/2 after unloading dependents)',
      "WARNING loader.c: Recursive soft unload failed, 'cdr' has use count 2",
    ]);
  });

  it('loads a module whose dependency is gone as registered but not running, and starts it later from the same handle', () => {
    const r = after([
      'module unload app_z',
      'module unload app_x',
      'module unload app_y',
      'module unload res_s',
      'module load app_x',
      'module load res_s',
      'module load app_x',
    ]);
    const [, , , , failed, res, again] = r.runtime;
    expect(failed?.log.map((l) => l.message)).toEqual([
      'Registering module app_x',
      'app_x has one or more unknown dependencies.',
    ]);
    expect(failed?.ok).toBe(false);
    expect(res?.loaded).toEqual(['res_s']);
    expect(again?.log.map((l) => l.message)).toEqual(['Loaded app_x.so => (app_x description)']);
  });

  it('reports unknown modules and modules already running', () => {
    const r = after(['module unload nope', 'module load app_x']);
    expect(r.runtime[0]?.log.map((l) => l.message)).toEqual(["Unload failed, 'nope' could not be found"]);
    expect(r.runtime[1]?.log.map((l) => l.message)).toEqual(["Module 'app_x' already loaded and running."]);
    expect(r.runtime[1]?.message).toBe("Unable to load module app_x\nCommand 'module load app_x' failed.");
  });

  it('reloads a module that declined afresh: unload first, then open it again', () => {
    const r = run(specs, ['autoload = yes'], {
      available,
      faults: { app_y: 'decline' },
      commands: ['module load app_y'],
    });
    expect(r.runtime[0]?.log.map(formatLogLine)).toEqual([
      'DEBUG loader.c: Module app_y previously declined to load, unloading it first before loading again',
      "NOTICE loader.c: Unloading module 'app_y' that previously declined to load",
      'DEBUG loader.c: Unregistering module app_y',
      'DEBUG loader.c: Registering module app_y',
    ]);
  });

  it('shuts down from the tail of the module list, leaving modules in use for later rounds', () => {
    const r = after(['core stop now']);
    // Module list: extconfig, res_s, cdr, app_x, app_y, app_z (started modules moved to the tail).
    // Built-ins go last, once their shutdown references are dropped.
    expect(r.runtime[0]?.unloaded).toEqual(['app_z', 'app_y', 'app_x', 'res_s', 'cdr', 'extconfig']);
  });

  it('answers every command with the not-running message after a failed startup', () => {
    const r = run(specs, ['autoload = yes', 'require => res_s'], {
      available,
      faults: { res_s: 'decline' },
      commands: ['module load app_x'],
    });
    expect(r.runtime[0]?.message).toContain('Unable to connect to remote asterisk');
  });
});

describe('the legacy loader (Asterisk 13)', () => {
  const specs: Record<string, ModuleSpec> = {
    res_y: { priority: 60 },
    app_x: { priority: 50, requires: ['res_y'], depends: ['res_y'] },
  };

  it('starts by priority only, without pulling dependencies, and ignores requires', () => {
    const r = run(specs, ['autoload = yes'], { available: ['res_y.so', 'app_x.so'], loader: 'legacy' });
    expect(r.started).toEqual(['app_x', 'res_y']);
    expect(debug(r)).not.toContain('app_x has 1 dependencies');
  });

  it('runs a module whose dependency declined, and reports it as a hazard', () => {
    const r = run(specs, ['autoload = yes'], {
      available: ['res_y.so', 'app_x.so'],
      loader: 'legacy',
      faults: { res_y: 'decline' },
    });
    expect(r.started).toContain('app_x');
    expect(r.hazards).toEqual([
      {
        module: 'app_x',
        dependency: 'res_y',
        message: 'app_x is running although res_y, which it uses, is not',
      },
    ]);
    expect(r.modules.app_x?.hazard).toBe(true);
    expect(
      run(specs, ['autoload = yes'], { available: ['res_y.so', 'app_x.so'], faults: { res_y: 'decline' } })
        .modules.app_x?.state,
    ).toBe('declined');
  });
});

describe('the proposed graph loader', () => {
  const specs: Record<string, ModuleSpec> = {
    res_z: { priority: 10 },
    res_y: { priority: 20, requires: ['res_z'] },
    app_x: { requires: ['res_y'], optional: ['res_o'] },
    res_o: {},
    app_w: { requires: ['app_x'] },
  };
  const available = ['app_x.so', 'app_w.so', 'res_o.so', 'res_y.so', 'res_z.so'];

  it('with autoload off, loads everything a loaded module requires, recursively, but not its optional modules', () => {
    const r = run(specs, ['autoload = no', 'load => app_x'], { available, loader: 'proposed' });
    expect(r.started).toEqual(['extconfig', 'res_z', 'res_y', 'cdr', 'app_x']);
    expect(r.notLoaded).toEqual(['app_w', 'res_o']);
    expect(run(specs, ['autoload = no', 'load => app_x'], { available }).declined).toEqual(['app_x']);
  });

  it('with autoload on, noloads everything that requires a noloaded module', () => {
    const r = run(specs, ['autoload = yes', 'noload => res_z'], { available, loader: 'proposed' });
    expect(r.notLoaded).toEqual(['app_w', 'app_x', 'res_y', 'res_z']);
    expect(errors(r)).toEqual([]);
    expect(r.events).toContainEqual({ type: 'noload-removed', module: 'app_x', line: 3, impliedBy: 'res_z' });
  });

  it('refuses a module that is implied-loaded and noloaded, stopping startup', () => {
    const r = run(specs, ['autoload = no', 'load => app_x', 'noload => res_z'], {
      available,
      loader: 'proposed',
    });
    expect(r.exitCode).toBe(1);
    expect(r.started).toEqual([]);
    expect(
      lines(r).some((l) => l.startsWith("ERROR loader.c: res_z is configured with 'noload' (line 4)")),
    ).toBe(true);
  });

  it('refuses a module that is explicitly loaded but implied-noloaded', () => {
    const r = run(specs, ['autoload = yes', 'load => app_w', 'noload => res_y'], {
      available,
      loader: 'proposed',
    });
    expect(r.exitCode).toBe(1);
    expect(
      lines(r).some((l) => l.startsWith("ERROR loader.c: app_w is configured with 'load' (line 3)")),
    ).toBe(true);
  });
});
