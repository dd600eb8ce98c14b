import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root, scratchFiles } from './testing/cliHarness';
import { writeMetadataXml } from '../src/ingest';
import { buildGraph } from '../src/engine/testing/buildGraph';
import { readAvailable } from './main';
import type { SimulateJson } from './report';

const file = scratchFiles('ame-cli-');

/** A tiny dataset as Module Metadata XML, the project's own format. */
const smallData = file(
  'small.xml',
  writeMetadataXml(
    buildGraph({
      extconfig: { builtin: true, priority: 0 },
      res_curl: { priority: 10, globalSymbols: true },
      func_curl: { priority: 20, requires: ['res_curl'], links: ['res_curl'] },
      func_plain: { priority: 20, requires: ['res_curl'] },
      app_echo: {},
    }),
  ),
);

describe('asterisk-module-explorer simulate', () => {
  it('prints exactly the documented JSON document and exits 0 when Asterisk would start', async () => {
    const conf = file('ok.conf', '[modules]\nautoload = yes\n');
    const { code, out } = await cli(
      'simulate',
      '--data',
      smallData,
      '--modules-conf',
      conf,
      '--json',
      '--then',
      'module unload app_echo',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out) as SimulateJson;
    expect(Object.keys(json)).toEqual([
      'loader',
      'startupFailed',
      'started',
      'declined',
      'notLoaded',
      'useCounts',
      'runtime',
      'log',
      'dataProblems',
    ]);
    expect(json).toMatchObject({
      startupFailed: false,
      // func_curl links against res_curl, listed after it: it opens in the second pass, so it
      // enters the priority order after func_plain.
      started: ['extconfig', 'res_curl', 'func_plain', 'func_curl', 'app_echo'],
      declined: [],
      notLoaded: [],
      useCounts: { extconfig: 1, res_curl: 2, func_curl: 0, func_plain: 0, app_echo: 0 },
      runtime: [
        {
          command: 'module unload app_echo',
          ok: true,
          message: 'Unloaded app_echo',
          unloaded: ['app_echo'],
          loaded: [],
        },
      ],
    });
    expect(Object.keys(json.runtime[0] ?? {})).toEqual(['command', 'ok', 'message', 'unloaded', 'loaded']);
    expect(json.log).toContain('NOTICE loader.c: 5 modules will be loaded.');
    expect(json.log.at(-1)).toBe('DEBUG loader.c: Unregistering module app_echo');
  });

  it('exits 2 when a required module cannot start, as Asterisk does', async () => {
    const conf = file('req.conf', '[modules]\nautoload = yes\nrequire => func_plain\nnoload => res_curl\n');
    const { code, out } = await cli('simulate', '--data', smallData, '--modules-conf', conf, '--json');
    expect(code).toBe(2);
    const json = JSON.parse(out) as SimulateJson;
    expect(json.startupFailed).toBe(true);
    expect(json.log).toContain('ERROR loader.c: Required module func_plain declined to load.');
  });

  it('applies injected faults and reads the module files present, in order', async () => {
    const conf = file('faults.conf', '[modules]\nautoload = yes\n');
    const available = file('available.txt', '# present modules\napp_echo\nres_curl.so\n\nfunc_plain\n');
    const { code, out } = await cli(
      'simulate',
      '--data',
      smallData,
      '--modules-conf',
      conf,
      '--available',
      available,
      '--fault',
      'res_curl=decline',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out) as SimulateJson;
    expect(json.declined).toEqual(['func_plain', 'res_curl']);
    expect(json.started).toEqual(['extconfig', 'app_echo']);
  });

  it('prints a human summary with the loader errors by default', async () => {
    const conf = file('human.conf', '[modules]\nautoload = yes\n');
    const { code, out } = await cli(
      'simulate',
      '--data',
      smallData,
      '--modules-conf',
      conf,
      '--fault',
      'res_curl=decline',
    );
    expect(code).toBe(0);
    // The test dataset names no Asterisk version: master's loader, said so.
    expect(out).toContain('Asterisk would start (Asterisk master loader).');
    expect(out).toContain("'test' is not an Asterisk version: master's loader is simulated.");
    expect(out).toContain('Declined (3): func_curl, func_plain, res_curl');
    expect(out).toContain('  Declined modules which depend on res_curl: func_plain, func_curl');
  });

  it('leads the readable report with the lines that fail, and counts the not-loaded modules', async () => {
    const conf = file(
      'intent.conf',
      '[modules]\nautoload = no\nload => chan_pjsip.so\nload => res_pjsip.so\nload => app_dial.so\nload => pbx_config.so\n',
    );
    const { code, out } = await cli('simulate', '--data', '23.4.1', '--modules-conf', conf);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Asterisk would start (Asterisk 23.4.1 loader).');
    expect(lines[1]).toBe(`${conf}: 2 of 4 listed modules will NOT run:`);
    expect(lines[2]).toBe('  line 3: load => chan_pjsip.so (not-loaded)');
    expect(out).toContain('Counts: started 18 (16 built in), declined 0, not loaded 466.');
    expect(out).toMatch(/^Not loaded \(466\): app_adsiprog, [^\n]* and 458 more$/m);
  });

  it('names the file and line of a modules.conf the loader refuses, and exits 1', async () => {
    const conf = file('bad.conf', '[modules]\nautoload = yes\nlod => app_echo\n');
    const { code, out, err } = await cli('simulate', '--data', smallData, '--modules-conf', conf, '--json');
    expect(code).toBe(1);
    expect(err).toContain(`${conf}:3:1: error: Unknown configuration option 'lod'`);
    expect((JSON.parse(out) as SimulateJson).startupFailed).toBe(true);
  });

  it('rejects bad arguments with a message and the usage, exit 1', async () => {
    for (const args of [
      ['simulate', '--modules-conf', 'x.conf'],
      ['simulate', '--data', 'master'],
      ['simulate', '--data', 'master', '--modules-conf', 'x.conf', '--loader', 'newest'],
      ['simulate', '--data', 'master', '--modules-conf', 'x.conf', '--fault', 'res_curl'],
      ['simulate', '--data', 'master', '--modules-conf', 'x.conf', '--bogus'],
      ['frobnicate'],
    ]) {
      const { code, err } = await cli(...args);
      expect(code, args.join(' ')).toBe(1);
      expect(err).toMatch(/^error: /);
    }
  });

  it('says which --data file it cannot read', async () => {
    const { code, err } = await cli('simulate', '--data', 'no/such.xml', '--modules-conf', 'x.conf');
    expect(code).toBe(1);
    expect(err).toContain('no/such.xml');
  });

  it('rejects a fault on a module the dataset does not have, and an unknown run-time command', async () => {
    const conf = file('plain.conf', '[modules]\nautoload = yes\n');
    expect(
      (await cli('simulate', '--data', smallData, '--modules-conf', conf, '--fault', 'res_nope=decline'))
        .code,
    ).toBe(1);
    const bad = await cli(
      'simulate',
      '--data',
      smallData,
      '--modules-conf',
      conf,
      '--then',
      'module explode app_echo',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("Unknown command 'module explode app_echo'");
  });

  it('runs the legacy loader on the Asterisk 13 dataset and prints its hazards', async () => {
    const conf = file('legacy.conf', '[modules]\nautoload = yes\n');
    // func_odbc links against res_odbc_transaction (link facts borrowed from the master build).
    const available = file('legacy.txt', 'func_odbc.so\nres_odbc.so\nres_odbc_transaction.so\n');
    const { code, out } = await cli(
      'simulate',
      '--data',
      '13.38.3',
      '--modules-conf',
      conf,
      '--available',
      available,
      '--fault',
      'res_odbc=decline',
    );
    expect(code).toBe(0);
    // The dataset's version picks the loader.
    expect(out).toContain('Asterisk would start (Asterisk 13.38.3 loader).');
    expect(out).toContain('Loader of 13.38.3: two load_modules stages');
    expect(out).toContain('Started, in order (2): res_odbc_transaction, func_odbc');
    expect(out).toContain('func_odbc is running although res_odbc, which it uses, is not');
  });

  it("answers run-time commands as that version's CLI does, and names the loader in --json", async () => {
    const conf = file('v.conf', '[modules]\nautoload = yes\n');
    const run = async (version: string, ...extra: string[]): Promise<SimulateJson> =>
      JSON.parse(
        (await cli('simulate', '--data', version, '--modules-conf', conf, '--json', ...extra)).out,
      ) as SimulateJson;
    const old = await run('16.30.1', '--then', 'module refresh res_xmpp recursively');
    expect(old.loader).toMatchObject({
      kind: 'current',
      name: 'Asterisk 16.30.1 loader',
      version: '16.30.1',
    });
    expect(old.runtime[0]?.message).toMatch(/^Usage: module refresh <module name>\n/);
    const newer = await run('18.26.4', '--then', 'module refresh res_xmpp recursively');
    expect(newer.runtime[0]?.message).toBe('Unloaded and loaded res_xmpp');
    // The same dataset, with the loader behaviours of another release.
    const asOld = await run(
      '18.26.4',
      '--asterisk-version',
      '18.22.0',
      '--then',
      'module refresh res_xmpp recursively',
    );
    expect(asOld.loader.name).toBe('Asterisk 18.22.0 loader');
    expect(asOld.runtime[0]?.message).toMatch(/^Usage: module refresh <module name>\n/);
  });

  it('--sorcery-conf moves the wizard references its mappings make, and names a bad line', async () => {
    const conf = file('s.conf', '[modules]\nautoload = yes\n');
    const sorcery = file(
      'sorcery.conf',
      '[res_pjsip]\nendpoint=realtime,ps_endpoints\naor=realtime,ps_aors\n',
    );
    const counts = async (...extra: string[]): Promise<Record<string, number>> =>
      (
        JSON.parse(
          (await cli('simulate', '--data', 'master', '--modules-conf', conf, '--json', ...extra)).out,
        ) as SimulateJson
      ).useCounts;
    const plain = await counts();
    const mapped = await counts('--sorcery-conf', sorcery);
    expect((mapped.res_sorcery_realtime ?? 0) - (plain.res_sorcery_realtime ?? 0)).toBe(2);
    expect((plain.res_sorcery_config ?? 0) - (mapped.res_sorcery_config ?? 0)).toBe(2);
    const bad = file('bad-sorcery.conf', '[res_pjsip]\nendpoint\n');
    const run = await cli('simulate', '--data', 'master', '--modules-conf', conf, '--sorcery-conf', bad);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${bad}:2:1: error: 'endpoint' is not 'type = wizard,data'.`);
  });

  it('--log --verbose N leaves out what Asterisk at that verbosity does not write (6871d1cdfc)', async () => {
    const conf = file('verbose.conf', '[modules]\nautoload = no\nload => app_echo.so\n');
    const log = async (version: string): Promise<string> =>
      (await cli('simulate', '--data', version, '--modules-conf', conf, '--log', '--verbose', '3')).out;
    expect(await log('16.30.1')).toContain('VERBOSE loader.c: Loading app_echo.so.');
    const quiet = await log('22.10.1');
    expect(quiet).not.toContain('Loading app_echo.so.');
    expect(quiet).toContain('VERBOSE loader.c: Asterisk Dynamic Loader Starting:');
    const bad = await cli('simulate', '--data', '22.10.1', '--modules-conf', conf, '--verbose', 'loud');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("--verbose must be a level from 0 to 10, not 'loud'.");
  });

  it('runs from a fresh checkout through the bin script', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin/asterisk-module-explorer.mjs'), '--help'], {
      encoding: 'utf8',
    });
    expect(out).toContain('Usage:');
  });
});

describe('asterisk-module-explorer check', () => {
  it('passes a modules.conf that loads cleanly', async () => {
    const conf = file('check-ok.conf', '[modules]\nautoload = yes\nload => app_echo\n');
    const { code, out } = await cli('check', '--data', smallData, '--modules-conf', conf);
    expect(code).toBe(0);
    expect(out).toContain('all 1 listed module run.');
    expect(out).toContain('OK for Asterisk test: the file does what it says.');
  });

  it('exits 2 for a file whose load lines fail although Asterisk starts (the CI gate)', async () => {
    const conf = file(
      'check-lost.conf',
      '[modules]\nautoload = no\nload => func_plain.so\nload => app_echo.so\n',
    );
    const { code, out } = await cli('check', '--data', smallData, '--modules-conf', conf);
    expect(code).toBe(2);
    expect(out).toContain('1 of 2 listed modules will NOT run:');
    expect(out).toContain('  line 3: load => func_plain.so (declined)');
    expect(out).toContain('res_curl is not loaded: autoload is off and no modules.conf line lists it.');
    expect(out).not.toContain('OK for Asterisk');
    expect(out).toContain('1 listed module will not run.');
  });

  it('fails on names that are no module and on a require that would stop startup', async () => {
    const conf = file(
      'check-bad.conf',
      '[modules]\nautoload = yes\nload => app_eho\nrequire => func_plain\nnoload => res_curl\n',
    );
    const { code, out } = await cli('check', '--data', smallData, '--modules-conf', conf, '--json');
    expect(code).toBe(2);
    const report = JSON.parse(out) as {
      ok: boolean;
      problems: { severity: string; message: string; line?: number }[];
      failing: { line: number; module: string; outcome: string }[];
    };
    expect(report.ok).toBe(false);
    expect(report.failing).toEqual([
      expect.objectContaining({ line: 3, module: 'app_eho', outcome: 'unknown' }),
      expect.objectContaining({ line: 4, module: 'func_plain', outcome: 'declined' }),
    ]);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'error',
          line: 3,
          message: 'app_eho is not a module of Asterisk test.',
        }),
        expect.objectContaining({
          severity: 'error',
          message: expect.stringContaining('Required module func_plain declined to load.'),
        }),
      ]),
    );
  });

  it('warns about modules that would decline or never open because of a noload', async () => {
    const conf = file('check-noload.conf', '[modules]\nautoload = yes\nnoload => res_curl\n');
    const { code, out } = await cli('check', '--data', smallData, '--modules-conf', conf);
    expect(code).toBe(0);
    // Said once for the line, not once per module it takes down.
    expect(out).toContain(
      'line 3: noload => res_curl disables 2 modules besides res_curl: func_plain, func_curl.',
    );
    expect(out.match(/func_plain/g)).toHaveLength(1);
    expect(out).toContain('OK for Asterisk test');
  });

  it('on a real release: chan_pjsip listed without what it needs fails the check, exit 2', async () => {
    const conf = file(
      'check-pjsip.conf',
      '[modules]\nautoload = no\nload => chan_pjsip.so\nload => res_pjsip.so\nload => app_dial.so\nload => pbx_config.so\n',
    );
    const { code, out } = await cli('check', '--data', '23.4.1', '--modules-conf', conf);
    expect(code).toBe(2);
    expect(out).toContain('2 of 4 listed modules will NOT run:');
    expect(out).toContain('line 3: load => chan_pjsip.so (not-loaded)');
    expect(out).toContain('line 4: load => res_pjsip.so (not-loaded)');
    expect(out).toContain('res_pjproject is not loaded: autoload is off and no modules.conf line lists it.');
  });

  it('on a real release: noload => res_pjsip.so is one warning with the count, not one per module', async () => {
    const conf = file('check-nopjsip.conf', '[modules]\nautoload = yes\n\n\n\nnoload => res_pjsip.so\n');
    const { code, out } = await cli('check', '--data', '23.4.1', '--modules-conf', conf);
    expect(code).toBe(0);
    expect(out).toMatch(
      /line 6: noload => res_pjsip\.so disables 56 modules besides res_pjsip: .*chan_pjsip.* and 46 more\./,
    );
    expect(out.match(/chan_pjsip/g)).toHaveLength(1);
  });
});

describe('readAvailable', () => {
  it('keeps one module file per line in order, adding .so to bare names', () => {
    expect(readAvailable('# header\nres_a\n\n  res_b.so \r\nres_c\n')).toEqual([
      'res_a.so',
      'res_b.so',
      'res_c.so',
    ]);
  });
});
