/**
 * Loader behaviours described for the real master build, simulated on the built-in master dataset
 * with the module files and the self-declining modules of the recorded baseline trace (01).
 * The expected counts and messages are those the real loader produced for these configurations.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModuleFault, SimulationResult } from '../model';
import { loadBuiltinDatasetNode } from '../ingest/node/loadBuiltinDataset';
import { simulate } from './simulate';
import { conf } from './testing/conf';

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/01-baseline-autoload');
const baseline = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as {
  selfDeclinedInLoad: string[];
};
const available = readFileSync(join(fixture, 'available.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));
const graph = loadBuiltinDatasetNode('master');

function run(lines: string[], extra: Record<string, ModuleFault> = {}, files = available): SimulationResult {
  const faults: Record<string, ModuleFault> = Object.fromEntries(
    baseline.selfDeclinedInLoad.map((m) => [m, 'decline' as const]),
  );
  return simulate(graph, conf(...lines), { available: files, faults: { ...faults, ...extra } });
}

const counts = (r: SimulationResult): [number, number, number, boolean, number] => [
  r.started.length,
  r.declined.length,
  r.notLoaded.length,
  r.startupFailed,
  r.exitCode,
];
const errors = (r: SimulationResult): string[] =>
  r.log.filter((l) => l.level === 'ERROR' && l.source === 'loader.c').map((l) => l.message);
const debug = (r: SimulationResult): string[] =>
  r.log.filter((l) => l.level === 'DEBUG').map((l) => l.message);

describe('the master build', () => {
  it('preloading modules pulls their dependencies first; a pulled dependency that declines gets no message', () => {
    const r = run([
      'autoload = yes',
      'preload => res_curl',
      'preload => func_cdr',
      'preload => res_stasis_answer',
      'preload => func_odbc',
    ]);
    expect(counts(r)).toEqual([268, 54, 0, false, 0]);
    expect(r.started.slice(0, 3)).toEqual(['res_curl', 'extconfig', 'cdr']);
    expect(errors(r)).toContain('Failed to load func_odbc due to dependencies: res_odbc.');
    expect(errors(r)).not.toContain('res_odbc declined to load.');
  });

  it('with autoload off, modules whose dependencies are not listed decline', () => {
    const r = run([
      'autoload = no',
      'load => app_stasis',
      'load => res_ari_channels',
      'load => func_curl',
      'load => res_stasis',
      'load => res_stasis_answer',
      'load => app_dial',
      'load => func_odbc',
      'load => pbx_config',
    ]);
    expect(counts(r)).toEqual([19, 2, 301, false, 0]);
  });

  it('fails startup with exit 2 when a required module cannot resolve its dependencies', () => {
    const r = run(['autoload = yes', 'require => func_curl', 'noload => res_curl']);
    expect(counts(r)).toEqual([3, 7, 298, true, 2]);
    expect(errors(r).slice(-2)).toEqual([
      'Failed to resolve dependencies for func_curl',
      'Required module func_curl declined to load.',
    ]);
  });

  it('fails startup when a required module depends on one that declines, cutting the cascade short', () => {
    const r = run(['autoload = yes', 'require => func_odbc']);
    expect(counts(r)).toEqual([3, 2, 303, true, 2]);
    expect(errors(r)).toEqual([
      'res_odbc declined to load.',
      'Cannot load required module func_odbc that depends on res_odbc',
    ]);
  });

  it('fails startup when a required module file does not exist', () => {
    const r = run(['autoload = yes', 'require => res_does_not_exist.so']);
    expect(counts(r)).toEqual([0, 0, 306, true, 2]);
    expect(errors(r).at(-1)).toBe('*** Failed to load module res_does_not_exist.so - Required');
  });

  it('refuses require and noload of the same module with exit 1', () => {
    expect(counts(run(['autoload = yes', 'require => res_curl', 'noload => res_curl']))).toEqual([
      0,
      0,
      306,
      true,
      1,
    ]);
  });

  it('fails startup when a required module declines in its own load()', () => {
    const r = run(['autoload = yes', 'require => res_odbc']);
    expect(counts(r)).toEqual([3, 1, 304, true, 2]);
    expect(errors(r)).toEqual(['*** Failed to load required module res_odbc.so']);
  });

  it('without res_http_websocket.so, every module that links against it never opens', () => {
    const r = run(
      ['autoload = yes'],
      {},
      available.filter((f) => f !== 'res_http_websocket'),
    );
    expect(counts(r)).toEqual([248, 60, 13, false, 0]);
  });

  it('aborts startup when a preloaded module pulls in one whose load() fails', () => {
    const r = run(
      [
        'autoload = yes',
        'preload => res_curl',
        'preload => func_cdr',
        'preload => res_stasis_answer',
        'preload => app_stasis',
      ],
      {
        res_websocket_client: 'failure',
      },
    );
    expect(counts(r)).toEqual([8, 1, 300, true, 2]);
    expect(errors(r)).toEqual([
      '*** Failed to load module res_websocket_client.so',
      'Failed to load res_websocket_client.',
    ]);
  });

  it('preloading res_fax_spandsp starts res_fax first, as the module it enhances', () => {
    const r = run(['autoload = yes', 'preload => res_fax_spandsp']);
    expect(counts(r)).toEqual([268, 54, 0, false, 0]);
    expect(r.started.slice(0, 2)).toEqual(['res_fax', 'res_fax_spandsp']);
    expect(debug(r)).toEqual(
      expect.arrayContaining([
        'res_fax_spandsp has 1 dependencies',
        'res_fax_spandsp trying to start res_fax',
      ]),
    );
    expect(r.modules.res_fax_spandsp?.references).toEqual(['res_fax']);
  });

  it('noload of res_fax leaves res_fax_spandsp, which links against it, unopened', () => {
    const r = run(['autoload = yes', 'noload => res_fax']);
    expect(counts(r)).toEqual([266, 54, 2, false, 0]);
    expect(r.notLoaded).toEqual(['res_fax', 'res_fax_spandsp']);
    expect(errors(r)).toContain("Error loading module 'res_fax_spandsp.so', missing dependency: res_fax");
  });

  it('an optional module that is present but not running blocks its dependents like a requirement', () => {
    const r = run(['autoload = yes', 'noload => app_chanspy', 'noload => res_agi', 'noload => codec_speex']);
    expect(counts(r)).toEqual([263, 56, 3, false, 0]);
    // app_mixmonitor resolves through func_periodic_hook, which needs the missing app_chanspy:
    // the cascade scan skips it and it declines later on its own.
    expect(errors(r)).toContain('Failed to resolve dependencies for app_mixmonitor');
    expect(
      errors(r).filter(
        (e) => e.startsWith('Declined modules which depend on') && e.includes('app_mixmonitor'),
      ),
    ).toEqual([]);
  });

  it('explicit load lines move modules to the front of their priority group (positions 165/142 to 2/3)', () => {
    const at128 = (r: SimulationResult): string[] =>
      r.log
        .filter((l) => l.message.startsWith('START:') && l.message.includes('[128]'))
        .map((l) => (l.message.split(/\s+/)[1] ?? '').replace(/\.so$/, ''));
    const plain = at128(run(['autoload = yes']));
    expect([plain.indexOf('app_zapateller'), plain.indexOf('app_echo')]).toEqual([165, 142]);
    const r = run(['autoload = yes', 'load => app_zapateller', 'load => app_echo']);
    expect(counts(r)).toEqual([268, 54, 0, false, 0]);
    // The first two are pulled in early by app_confbridge (priority 90).
    expect(at128(r).slice(0, 4)).toEqual(['codec_speex', 'func_jitterbuffer', 'app_zapateller', 'app_echo']);
  });

  it('with autoload off, priority ties follow the load lines, forwards and backwards', () => {
    const apps = ['app_echo', 'app_zapateller', 'app_verbose', 'app_userevent', 'app_milliwatt'];
    const forward = run(['autoload = no', ...apps.map((a) => `load => ${a}`)]);
    const backward = run(['autoload = no', ...[...apps].reverse().map((a) => `load => ${a}`)]);
    expect(counts(forward)).toEqual([21, 0, 301, false, 0]);
    expect(forward.started.slice(-5)).toEqual(apps);
    expect(backward.started.slice(-5)).toEqual([...apps].reverse());
  });
});
