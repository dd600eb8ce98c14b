/**
 * Each loader version's distinctive behaviour, simulated on the built-in dataset of that version.
 * The expected lines are those of main/loader.c, main/cli.c and main/asterisk.c at the tag named in
 * each block; the commits that changed them are in asterisk/asterisk.
 */
import { describe, expect, it } from 'vitest';
import type { ModuleFault, ModulesConf, SimulationResult } from '../model';
import { loadBuiltinDatasetNode } from '../ingest/node/loadBuiltinDataset';
import { loaderReleaseFor, loaderReleaseName, loaderReleaseTraits } from './loaderReleases';
import { simulate } from './simulate';
import { conf } from './testing/conf';

function run(
  version: string,
  lines: string[],
  options: { faults?: Record<string, ModuleFault>; commands?: string[]; as?: string } = {},
): SimulationResult {
  return simulate(loadBuiltinDatasetNode(version), conf(...lines), {
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.commands ? { commands: options.commands } : {}),
    ...(options.as ? { version: options.as } : {}),
  });
}
const verbose = (r: SimulationResult, message: string): number | undefined =>
  r.log.find((l) => l.level === 'VERBOSE' && l.message === message)?.verbosity;
const logged = (lines: SimulationResult['log']): string[] =>
  lines.filter((l) => l.level !== 'DEBUG').map((l) => `${l.level} ${l.message}`);

describe('which loader a version has (first release of each branch, read at every tag)', () => {
  it.each([
    // version, kind, refresh (ef00ff4e1e), recursively (01ff5c8140), unload declined (c209064d66), quiet (6871d1cdfc)
    ['13.38.3', 'legacy', false, false, false, false],
    ['15.7.4', 'legacy', false, false, false, false],
    ['16.23.0', 'current', false, false, false, false],
    ['16.24.0', 'current', true, false, false, false],
    ['16.30.1', 'current', true, false, false, false],
    ['17.9.4', 'current', false, false, false, false],
    ['18.9.0', 'current', false, false, false, false],
    ['18.10.0', 'current', true, false, false, false],
    ['18.17.0', 'current', true, false, true, false],
    ['18.22.0', 'current', true, false, true, true],
    ['18.23.0', 'current', true, true, true, true],
    ['19.8.0', 'current', true, false, false, false],
    ['20.1.0', 'current', true, false, false, false],
    ['20.7.0', 'current', true, false, true, true],
    ['20.8.0', 'current', true, true, true, true],
    ['21.2.0', 'current', true, false, true, true],
    ['21.3.0', 'current', true, true, true, true],
    ['22.0.0', 'current', true, true, true, true],
    ['certified/18.9-cert5', 'current', false, false, false, false],
    ['master', 'current', true, true, true, true],
  ] as const)('%s', (version, kind, refresh, recursive, unloadDeclined, quiet) => {
    expect(loaderReleaseFor(version)).toMatchObject({
      kind,
      refreshCommand: refresh,
      recursiveRefresh: recursive,
      unloadDeclined,
      quietModuleLines: quiet,
    });
  });

  it("says when it could not read the version, and simulates master's loader", () => {
    const r = loaderReleaseFor('my-build');
    expect(r.assumed).toContain("'my-build' is not an Asterisk version");
    expect(r.recursiveRefresh).toBe(true);
  });

  it('names the loader and what sets it apart from master', () => {
    const r = loaderReleaseFor('16.30.1');
    expect(loaderReleaseName(r)).toBe('Asterisk 16.30.1 loader');
    expect(loaderReleaseName(r, 'proposed')).toBe('proposed graph loader (on Asterisk 16.30.1)');
    expect(loaderReleaseName(r, 'legacy')).toBe('legacy (Asterisk 15 and earlier) loader (on Asterisk 16.30.1)');
    expect(loaderReleaseTraits(r)).toEqual([
      "'module refresh' without 'recursively' (01ff5c8140 came later)",
      'a declined module cannot be unloaded: "is not loaded" (c209064d66 came later)',
      'per-module lines at verbose 1 and 2, not 4 and 5 (6871d1cdfc came later)',
    ]);
    expect(loaderReleaseTraits(loaderReleaseFor('master'))).toEqual([]);
  });
});

describe('Asterisk 13 (main/loader.c and main/asterisk.c at 13.38.3)', () => {
  it('runs load_modules twice: the preload stage alone, then everything else', () => {
    const r = run('13.38.3', ['autoload = yes', 'preload => res_odbc.so']);
    expect(r.loader).toBe('legacy');
    const stages = r.log
      .map((l, i) => (l.message === 'Asterisk Dynamic Loader Starting:' ? i : -1))
      .filter((i) => i >= 0);
    expect(stages).toHaveLength(2);
    // Only the preloaded module starts in the first stage.
    const firstStage = r.log.slice(0, stages[1]).filter((l) => l.message.startsWith('Loading '));
    expect(firstStage.map((l) => l.message)).toEqual(['Loading res_odbc.so.']);
    expect(r.started[0]).toBe('res_odbc');
  });

  it('opens the global-symbol modules of each stage first (the PASS lines with flag 1)', () => {
    const r = run('13.38.3', ['autoload = yes']);
    const passes = r.log.filter((l) => l.level === 'DEBUG' && /^PASS 0: /.test(l.message));
    const flags = passes.map((l) => l.message.trim().slice(-1));
    // Every flag-1 pass comes before the first flag-0 pass.
    expect(flags.indexOf('0')).toBeGreaterThan(flags.lastIndexOf('1'));
    expect(flags.includes('1')).toBe(true);
  });

  it('goes on when a required module declines: only a load failure stops it', () => {
    const declined = run('13.38.3', ['autoload = yes', 'require => app_festival.so'], {
      faults: { app_festival: 'decline' },
    });
    expect(declined.startupFailed).toBe(false);
    const failed = run('13.38.3', ['autoload = yes', 'require => app_festival.so'], {
      faults: { app_festival: 'failure' },
    });
    expect(failed.startupFailed).toBe(true);
    // 16.30.1 stops on the decline already.
    expect(
      run('16.30.1', ['autoload = yes', 'require => app_festival.so'], {
        faults: { app_festival: 'decline' },
      }).startupFailed,
    ).toBe(true);
  });

  it('warns about a missing modules.conf and starts with no modules, where 16 refuses to start', () => {
    const missing: ModulesConf = {
      file: 'modules.conf',
      status: 'invalid',
      hasModulesSection: false,
      entries: [],
    };
    const r13 = simulate(loadBuiltinDatasetNode('13.38.3'), missing);
    expect(logged(r13.log)).toContain("WARNING No 'modules.conf' found, no modules will be loaded.");
    expect(r13.startupFailed).toBe(false);
    const r16 = simulate(loadBuiltinDatasetNode('16.30.1'), missing);
    expect(logged(r16.log)).toContain("WARNING 'modules.conf' invalid or missing.");
    expect(r16.startupFailed).toBe(true);
  });

  it("has no 'module refresh': its CLI answers No such command", () => {
    const r = run('13.38.3', ['autoload = yes'], { commands: ['module refresh res_statsd'] });
    expect(r.runtime[0]?.message).toBe(
      "No such command 'module refresh res_statsd' (type 'core show help module' for other possible commands)",
    );
    expect(r.problems.filter((p) => p.code === 'config-syntax')).toEqual([]);
  });
});

describe('Asterisk 16.30.1 (main/cli.c and main/loader.c at 16.30.1)', () => {
  it("has 'module refresh' without 'recursively': the CLI prints the usage (ef00ff4e1e, before 01ff5c8140)", () => {
    const r = run('16.30.1', ['autoload = yes'], {
      commands: ['module refresh res_xmpp recursively', 'module refresh app_echo', 'module refresh res_xmpp'],
    });
    expect(r.runtime[0]?.message).toBe(
      'Usage: module refresh <module name>\n       Unloads and loads the specified module into Asterisk.',
    );
    expect(r.runtime[0]?.unloaded).toEqual([]);
    expect(r.runtime[1]).toMatchObject({ ok: true, message: 'Unloaded and loaded app_echo' });
    // Without 'recursively', a module its dependents hold cannot be refreshed at all.
    expect(logged(r.runtime[2]?.log ?? [])).toEqual([
      "WARNING Soft unload failed, 'res_xmpp' has use count 1",
    ]);
  });

  it('refuses to unload a declined module: "is not loaded" (before c209064d66)', () => {
    const r = run('16.30.1', ['autoload = yes'], {
      faults: { app_festival: 'decline' },
      commands: ['module unload app_festival', 'module load app_festival'],
    });
    expect(r.runtime[0]?.message).toBe(
      "Unable to unload resource app_festival\nCommand 'module unload app_festival' failed.",
    );
    expect(logged(r.runtime[0]?.log ?? [])).toEqual(["WARNING Unload failed, 'app_festival' is not loaded."]);
    // ast_load_resource starts the registered module again, without unloading it first.
    expect(r.runtime[1]?.log.map((l) => l.message)).not.toContain(
      'Module app_festival previously declined to load, unloading it first before loading again',
    );
  });

  it('logs each module at verbose 1 and 2 (before 6871d1cdfc)', () => {
    const r = run('16.30.1', ['autoload = yes']);
    expect(verbose(r, 'Loading res_statsd.so.')).toBe(1);
    expect(verbose(r, 'res_statsd.so => (StatsD client support)')).toBe(2);
    expect(verbose(r, 'Asterisk Ready.')).toBe(0);
  });
});

describe('Asterisk 18.23 and later (main/loader.c at 18.26.4)', () => {
  it('refreshes recursively: dependents are unloaded, then loaded back (01ff5c8140)', () => {
    const r = run('18.26.4', ['autoload = yes'], { commands: ['module refresh res_xmpp recursively'] });
    const refresh = r.runtime[0];
    expect(refresh?.message).toBe('Unloaded and loaded res_xmpp');
    expect(refresh?.unloaded).toEqual(['chan_motif', 'res_xmpp']);
    expect(refresh?.loaded).toEqual(['res_xmpp', 'chan_motif']);
  });

  it('unloads a declined module when asked (c209064d66)', () => {
    const r = run('18.26.4', ['autoload = yes'], {
      faults: { app_festival: 'decline' },
      commands: ['module unload app_festival'],
    });
    expect(r.runtime[0]?.message).toBe('Unloaded app_festival');
    expect(logged(r.runtime[0]?.log ?? [])).toContain(
      "NOTICE Unloading module 'app_festival' that previously declined to load",
    );
  });

  it('logs each module at verbose 4 and 5 (6871d1cdfc, from 18.22); 18.21 still at 1 and 2', () => {
    const quiet = run('18.26.4', ['autoload = yes']);
    expect(verbose(quiet, 'Loading res_statsd.so.')).toBe(4);
    expect(verbose(quiet, 'res_statsd.so => (StatsD client support)')).toBe(5);
    const loud = run('18.26.4', ['autoload = yes'], { as: '18.21.0' });
    expect(loud.release.version).toBe('18.21.0');
    expect(verbose(loud, 'Loading res_statsd.so.')).toBe(1);
    // Unloading a declined module is from 18.17, recursive refresh from 18.23.
    expect(loud.release).toMatchObject({ unloadDeclined: true, recursiveRefresh: false });
  });
});
