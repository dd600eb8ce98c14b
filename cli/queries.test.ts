/** The graph-question commands on the built-in datasets, run in-process like cli/main.test.ts. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root } from './testing/cliHarness';
import { writeMetadataXml } from '../src/ingest';
import { buildGraph } from '../src/engine/testing/buildGraph';

const scratch = mkdtempSync(join(tmpdir(), 'ame-cli-queries-'));

async function cliJson<T>(...args: string[]): Promise<T> {
  const { code, out } = await cli(...args, '--json');
  expect(code, args.join(' ')).toBe(0);
  return JSON.parse(out) as T;
}

interface ModulesJson {
  module: string;
  modules: string[];
}

describe('deps', () => {
  it('prints the direct dependencies as a tree with edge kinds', async () => {
    const { code, out, err } = await cli('deps', 'chan_pjsip', '--data', '23.4.1');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(
      [
        'What chan_pjsip needs in Asterisk 23.4.1, directly:',
        'chan_pjsip',
        // links: borrowed from the master build's link facts (linksFrom="master").
        '├─ res_pjsip [depends, requires, links]',
        '├─ res_pjsip_pubsub [depends, requires]',
        '└─ res_pjsip_session [depends, requires, links]',
        '3 modules.',
        '',
      ].join('\n'),
    );
  });

  it('prints {"module", "modules"} with --json, case-insensitive names, and follows --transitive', async () => {
    const direct = await cliJson<ModulesJson>('deps', 'CHAN_PJSIP.so', '--data', '23.4.1');
    expect(Object.keys(direct).slice(0, 2)).toEqual(['module', 'modules']);
    expect(direct).toMatchObject({
      module: 'chan_pjsip',
      modules: ['res_pjsip', 'res_pjsip_pubsub', 'res_pjsip_session'],
    });
    const all = await cliJson<ModulesJson>('deps', 'chan_pjsip', '--data', 'master', '--transitive');
    expect(all.modules).toEqual(expect.arrayContaining(['res_pjsip', 'res_sorcery_config', 'extconfig']));
    expect(all.modules).not.toContain('chan_pjsip');
  });

  it('walks dependents, limited by --depth and filtered by --kinds', async () => {
    const direct = await cliJson<ModulesJson>(
      'deps',
      'res_pjsip_session',
      '--dependents',
      '--data',
      '23.4.1',
    );
    expect(direct.modules).toContain('chan_pjsip');
    expect(direct.modules).not.toContain('test_res_pjsip_session_caps_nothere');
    const deep = await cliJson<ModulesJson>(
      'deps',
      'res_sorcery_config',
      '--dependents',
      '--depth',
      '2',
      '--data',
      '23.4.1',
    );
    expect(deep.modules).toEqual(expect.arrayContaining(['res_pjsip', 'chan_pjsip']));
    const one = await cliJson<ModulesJson>(
      'deps',
      'res_sorcery_config',
      '--dependents',
      '--depth',
      '1',
      '--data',
      '23.4.1',
    );
    expect(one.modules).toContain('res_pjsip');
    expect(one.modules).not.toContain('chan_pjsip');
    const optional = await cliJson<ModulesJson>(
      'deps',
      'res_pjsip',
      '--kinds',
      'optional',
      '--data',
      '23.4.1',
    );
    expect(optional.modules).toEqual(['res_geolocation', 'res_statsd']);
  });

  it('nests transitive dependents under the module they come through', async () => {
    const { out } = await cli('deps', 'res_pjproject', '--dependents', '--transitive', '--data', 'master');
    expect(out).toContain('What needs res_pjproject in Asterisk master, directly or not:');
    expect(out).toContain(
      '\n├─ res_pjsip [depends, requires, links]\n│  ├─ chan_pjsip [depends, requires, links]\n',
    );
  });

  it('uses the newest built-in release without --data and says so on stderr', async () => {
    const { code, err, out } = await cli('deps', 'chan_pjsip');
    expect(code).toBe(0);
    expect(err).toBe('Using the built-in dataset 23.4.1 (newest release); choose another with --data.\n');
    expect(out).toContain('Asterisk 23.4.1');
  });
});

describe('path', () => {
  it('lists every path shortest first as a tree, and {"paths"} with --json', async () => {
    const { code, out } = await cli('path', 'chan_pjsip', 'res_sorcery_config', '--data', '23.4.1');
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 6)).toEqual([
      'How chan_pjsip needs res_sorcery_config in Asterisk 23.4.1: 6 paths, shortest first:',
      'chan_pjsip',
      '├─ res_pjsip [depends, requires, links]',
      '│  ├─ res_sorcery_config [depends, requires]',
      '│  └─ res_pjproject [depends, requires, links]',
      '│     └─ res_sorcery_config [depends, requires]',
    ]);
    const json = await cliJson<{ paths: string[][] }>(
      'path',
      'chan_pjsip',
      'res_sorcery_config',
      '--data',
      '23.4.1',
    );
    expect(Object.keys(json)[0]).toBe('paths');
    expect(json.paths).toHaveLength(6);
    expect(json.paths[0]).toEqual(['chan_pjsip', 'res_pjsip', 'res_sorcery_config']);
  });

  it('caps the paths with --max and says there are more', async () => {
    const { out } = await cli('path', 'chan_pjsip', 'res_sorcery_config', '--data', '23.4.1', '--max', '2');
    expect(out).toContain('the first 2 paths');
    expect(out).toContain('There are more; --max 4 shows up to 4.');
    const json = await cliJson<{ paths: string[][]; truncated: boolean }>(
      'path',
      'chan_pjsip',
      'res_sorcery_config',
      '--data',
      '23.4.1',
      '--max',
      '2',
    );
    expect(json.paths).toHaveLength(2);
    expect(json.truncated).toBe(true);
  });

  it('answers the reverse direction, and says when two modules are not connected', async () => {
    const reverse = await cli('path', 'res_pjsip', 'res_pjsip_t38', '--data', '23.4.1');
    expect(reverse.out).toContain('res_pjsip does not need res_pjsip_t38, but res_pjsip_t38 needs res_pjsip');
    expect(reverse.out).toContain('res_pjsip_t38\n├─ res_pjsip [depends, requires, links]\n');
    const none = await cli('path', 'app_dial', 'res_pjsip', '--data', '23.4.1');
    expect(none.code).toBe(0);
    expect(none.out).toBe('app_dial and res_pjsip are not connected by dependencies in Asterisk 23.4.1.\n');
    expect(await cliJson('path', 'app_dial', 'res_pjsip', '--data', '23.4.1')).toMatchObject({ paths: [] });
  });
});

describe('impact', () => {
  it('noload of res_pjsip on 23.4.1 takes down chan_pjsip and the res_pjsip_* modules', async () => {
    const json = await cliJson<ModulesJson & { as: string }>(
      'impact',
      'res_pjsip',
      '--as',
      'noload',
      '--data',
      '23.4.1',
    );
    expect(Object.keys(json).slice(0, 2)).toEqual(['module', 'modules']);
    expect(json.module).toBe('res_pjsip');
    expect(json.as).toBe('noload');
    expect(json.modules).toEqual(
      expect.arrayContaining(['chan_pjsip', 'res_pjsip_session', 'res_pjsip_t38']),
    );
    expect(json.modules).not.toContain('res_pjsip');
    const { out } = await cli('impact', 'res_pjsip', '--as', 'noload', '--data', '23.4.1');
    expect(out).toContain(
      `If res_pjsip is noloaded (Asterisk 23.4.1, current loader), ${json.modules.length} modules go down with it:\nres_pjsip\n├─ `,
    );
    expect(out).toContain('│  └─ test_res_pjsip_session_caps');
  });

  it('defaults to fail, and tells missing from fail for an optional dependency', async () => {
    const fail = await cliJson<ModulesJson>('impact', 'res_smdi', '--data', '23.4.1');
    expect(fail.modules).toContain('app_voicemail');
    const missing = await cli('impact', 'res_smdi', '--as', 'missing', '--data', '23.4.1');
    expect(missing.out).toContain(
      'If res_smdi.so is missing (Asterisk 23.4.1, current loader), nothing else goes down.',
    );
    expect(missing.out).toContain('use res_smdi only optionally and keep running');
  });

  it('unload lists what module refresh recursively takes down; built-ins cannot be noloaded', async () => {
    const unload = await cliJson<ModulesJson>('impact', 'res_fax', '--as', 'unload', '--data', 'master');
    expect(unload.modules).toEqual(['res_fax_spandsp']);
    const builtin = await cli('impact', 'extconfig', '--as', 'noload', '--data', 'master');
    expect(builtin.code).toBe(0);
    expect(builtin.out).toContain('nothing else goes down');
    expect(builtin.out).toContain('extconfig is built into Asterisk: modules.conf cannot noload it');
  });
});

describe('cycles', () => {
  it('lists the res_odbc loop of master, {"cycles"} with --json', async () => {
    const { code, out } = await cli('cycles', '--data', 'master');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        '1 dependency cycle in Asterisk master:',
        '└─ res_odbc → res_odbc_transaction → res_odbc',
        '   ├─ res_odbc → res_odbc_transaction [depends, requires]',
        '   └─ res_odbc_transaction → res_odbc [links]',
        '',
      ].join('\n'),
    );
    const json = await cliJson<{ cycles: string[][] }>('cycles', '--data', 'master');
    expect(Object.keys(json)[0]).toBe('cycles');
    expect(json.cycles).toEqual([['res_odbc', 'res_odbc_transaction']]);
  });

  it("finds 23.4.1's one cycle through the link facts it borrows from master, none without links", async () => {
    const withLinks = await cliJson<{ cycles: string[][] }>('cycles', '--data', '23.4.1');
    expect(withLinks.cycles).toEqual([['res_odbc', 'res_odbc_transaction']]);
    expect(
      (await cli('cycles', '--data', '23.4.1', '--kinds', 'depends,requires,optional,enhances')).out,
    ).toBe('No dependency cycles in Asterisk 23.4.1 (edges: depends, requires, optional, enhances).\n');
    const json = await cliJson<{ cycles: string[][] }>('cycles', '--data', '18.26.4', '--kinds', 'conflicts');
    expect(json.cycles).toEqual([['app_fax', 'res_fax']]);
  });
});

describe('diff', () => {
  it('prints {"added", "removed", "changed"} between two built-in versions', async () => {
    const json = await cliJson<{
      added: string[];
      removed: string[];
      changed: { module: string; what: string }[];
    }>('diff', '18.26.4', '23.4.1');
    expect(Object.keys(json).slice(0, 3)).toEqual(['added', 'removed', 'changed']);
    expect(json.removed).toEqual(expect.arrayContaining(['chan_sip', 'app_macro']));
    expect(json.added).toContain('chan_websocket');
    expect(json.changed).toContainEqual({ module: 'app_dial', what: 'requires: -ccss' });
  });

  it('prints sections as trees, changes grouped by module', async () => {
    // master's pjproject-only requires (res_prometheus, res_rtp_asterisk) are in the dataset, so
    // nothing but the added test module differs from 23.4.1.
    const { code, out } = await cli('diff', '23.4.1', 'master');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'From Asterisk 23.4.1 to master:',
        'Added (1)',
        '└─ test_performance',
        'Removed (0)',
        'Renamed-looking (0)',
        'Changed (0 changes in 0 modules)',
        'Notes:',
        '  - Link-time dependencies (links) are not compared: 23.4.1 has no link facts.',
        '',
      ].join('\n'),
    );
    const older = await cli('diff', '16.30.1', '18.26.4');
    expect(older.out.split('Renamed-looking (0)\n')[1]).toBe(
      [
        'Changed (2 changes in 2 modules)',
        '├─ chan_sip',
        '│  └─ support level extended -> deprecated',
        '└─ res_stir_shaken',
        '   └─ uses-library: +libjwt, -crypto',
        'Notes:',
        '  - Link-time dependencies (links) are not compared: 16.30.1 and 18.26.4 have no link facts.',
        '',
      ].join('\n'),
    );
  });

  it('reads a data file as one side', async () => {
    const path = join(scratch, 'tiny.xml');
    writeFileSync(
      path,
      writeMetadataXml(buildGraph({ res_a: {}, app_b: { requires: ['res_a'] } }, { version: '99.0.0' })),
    );
    const json = await cliJson<{ added: string[]; removed: string[] }>('diff', path, '23.4.1');
    expect(json.removed).toEqual(['app_b', 'res_a']);
    expect(json.added).toContain('chan_pjsip');
  });
});

describe('errors', () => {
  it('exits 1 for an unknown module, suggesting a near name', async () => {
    const { code, out, err } = await cli('impact', 'chan_pjsp', '--data', '23.4.1');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe("error: unknown module 'chan_pjsp' in Asterisk 23.4.1; did you mean chan_pjsip?\n");
    expect((await cli('path', 'chan_pjsip', 'res_nothing_like_it_at_all', '--data', '23.4.1')).code).toBe(1);
  });

  it('exits 1 for an unknown version', async () => {
    const diff = await cli('diff', '18.26.4', '99.1');
    expect(diff.code).toBe(1);
    expect(diff.err).toContain("error: unknown version or file '99.1' (built-in versions: 13.38.3");
    const deps = await cli('deps', 'chan_pjsip', '--data', '99.1');
    expect(deps.code).toBe(1);
    expect(deps.err).toBe(
      "error: unknown version or file '99.1' (built-in versions: 13.38.3, 16.30.1, 18.26.4, 22.10.1, 23.4.1, master).\n",
    );
  });

  it('rejects bad arguments with the usage', async () => {
    for (const args of [
      ['deps'],
      ['path', 'chan_pjsip'],
      ['cycles', 'extra'],
      ['impact', 'res_pjsip', '--as', 'explode'],
      ['deps', 'chan_pjsip', '--as', 'noload'],
      ['deps', 'chan_pjsip', '--kinds', 'requires,needs'],
      ['deps', 'chan_pjsip', '--depth', '0'],
      ['diff', '18.26.4', '23.4.1', '--data', 'master'],
      ['path', 'a', 'b', '--bogus'],
    ]) {
      const { code, err } = await cli(...args);
      expect(code, args.join(' ')).toBe(1);
      expect(err, args.join(' ')).toMatch(/^error: .*\n\nUsage:/);
    }
  });

  it('runs through the bin script', () => {
    const out = execFileSync(
      process.execPath,
      [join(root, 'bin/asterisk-module-explorer.mjs'), 'cycles', '--data', 'master', '--json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toMatchObject({ cycles: [['res_odbc', 'res_odbc_transaction']] });
  });
});
