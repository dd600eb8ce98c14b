/**
 * diagnose on the recorded traces (fixtures from scripts/build-trace-fixtures.ts, real Asterisk
 * at commit f0c1c1a7) and on logs changed line by line to show each kind of disagreement.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModulesConf, StartupLog } from '../../model';
import { parseModulesConf } from '../../ingest/modulesConf';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { parseModuleShow, parseStartupLog } from '../../ingest/server';
import { diagnose } from './diagnose';

const fixtures = join(__dirname, '../fixtures');
const graph = loadBuiltinDatasetNode('master');
const read = (scenario: string, file: string): string => readFileSync(join(fixtures, scenario, file), 'utf8');
const BASE = '01-baseline-autoload';

function confOf(scenario: string): ModulesConf {
  const conf = parseModulesConf(read(scenario, 'modules.conf'), 'modules.conf', {
    builtins: graph.info.builtinOrder,
  }).data;
  if (!conf) throw new Error('modules.conf');
  return conf;
}
function logOf(text: string): StartupLog {
  const log = parseStartupLog(text, 'full.log').data;
  if (!log) throw new Error('log');
  return log;
}
function availableOf(scenario: string): string[] {
  return read(scenario, 'available.txt')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
}
const baseLog = read(BASE, 'full.log');

function run(text: string, options: { expectOwnDeclines?: boolean; available?: boolean } = {}) {
  return diagnose(graph, {
    log: logOf(text),
    conf: confOf(BASE),
    expectOwnDeclines: options.expectOwnDeclines ?? true,
    ...(options.available === false ? {} : { available: availableOf(BASE) }),
  }).diagnosis;
}

describe('diagnose on the recorded traces', () => {
  for (const scenario of ['01-baseline-autoload', '03-noload-required-deps']) {
    it(`${scenario}: the loader agrees with the log once own-load declines are given`, () => {
      const moduleShow = parseModuleShow(read(scenario, 'module_show.txt'), 'module_show.txt').data;
      const d = diagnose(graph, {
        log: logOf(read(scenario, 'full.log')),
        ...(moduleShow ? { moduleShow } : {}),
        conf: confOf(scenario),
        available: availableOf(scenario),
        expectOwnDeclines: true,
      }).diagnosis;
      const exp = JSON.parse(read(scenario, 'expected.json')) as {
        started: string[];
        declined: string[];
        notLoaded: string[];
      };
      expect(d.disagreements).toEqual([]);
      expect(d.startOrder).toEqual({ agrees: true });
      expect(d.started).toEqual(exp.started);
      expect(d.declined).toEqual([...exp.declined].sort());
      expect(d.notLoaded).toEqual([...exp.notLoaded].sort());
      expect(d.modules.res_odbc?.useCount).toEqual({
        real: expect.any(Number) as number,
        predicted: expect.any(Number) as number,
      });
    });
  }

  it('without expected declines, each own-load decline differs, with its cause and the lines that show it', () => {
    const d = run(baseLog, { expectOwnDeclines: false });
    const odbc = d.disagreements.find((x) => x.module === 'res_odbc');
    expect(odbc).toMatchObject({ real: 'declined', predicted: 'started', cause: 'config-error' });
    expect(odbc?.why).toContain('Unable to load config file res_odbc.conf');
    expect(odbc?.evidence.some((e) => e.source === 'res_odbc.c')).toBe(true);
    // Its dependents declined because it did: the same cause, traced back to res_odbc's lines.
    const cdr = d.disagreements.find((x) => x.module === 'cdr_odbc');
    expect(cdr).toMatchObject({ cause: 'config-error', real: 'declined', predicted: 'started' });
    expect(cdr?.why).toContain('res_odbc');
    // app_alarmreceiver declines without logging why.
    expect(d.disagreements.find((x) => x.module === 'app_alarmreceiver')?.cause).toBe('unexplained');
    expect(d.counts.disagree).toBe(54);
  });
});

describe('diagnose: each kind of disagreement', () => {
  it('a module the dataset does not know is third-party', () => {
    const text =
      `${baseLog}\n[2026-11-22 21:21:23.974] ERROR[15958] loader.c: app_custom declined to load.\n`.replace(
        /(\n[^\n]*Asterisk Ready\.[^\n]*)/,
        '$1',
      );
    const lines = text.split('\n');
    const ready = lines.findIndex((l) => l.includes('Asterisk Ready.'));
    const moved = lines.filter((l) => !l.includes('app_custom'));
    moved.splice(ready, 0, '[2026-11-22 21:21:23.974] ERROR[15958] loader.c: app_custom declined to load.');
    const d = run(moved.join('\n'), { available: false });
    expect(d.disagreements).toMatchObject([{ module: 'app_custom', cause: 'third-party', real: 'declined' }]);
  });

  it('a file the log never names although it was given as present is missing', () => {
    const d = diagnose(graph, {
      log: logOf(baseLog),
      conf: confOf(BASE),
      // A module of the same build that the shared build left out (a pjsip file would instead
      // say the build has pjproject, which changes the prediction).
      available: [...availableOf(BASE), 'format_mp3.so'],
      expectOwnDeclines: true,
    }).diagnosis;
    expect(d.disagreements.map((x) => [x.module, x.real, x.cause])).toEqual([
      ['format_mp3', 'not-loaded', 'file-missing'],
    ]);
  });

  it('a module that starts although what it requires declined points to a different build', () => {
    // res_curl declines in its own load(), yet the log (unchanged otherwise) has its dependents running.
    const text = baseLog.replace(/(START: res_curl\.so\s+\[\d+\]) 0/, '$1 1');
    const d = run(text);
    const funcCurl = d.disagreements.find((x) => x.module === 'func_curl');
    expect(funcCurl).toMatchObject({ real: 'started', predicted: 'declined', cause: 'different-build' });
    expect(d.disagreements.some((x) => x.module === 'res_curl')).toBe(false);
  });

  it('a start order that differs is found at its first difference', () => {
    const lines = baseLog.split('\n');
    // Both lines that say a module started (verbose and debug) trade places.
    for (const pattern of [/START: app_(dial|echo)\.so/, /loader\.c: app_(dial|echo)\.so => \(/]) {
      const a = lines.findIndex((l) => pattern.test(l));
      const b = lines.findLastIndex((l) => pattern.test(l));
      const [la, lb] = [lines[a] ?? '', lines[b] ?? ''];
      lines[a] = lb;
      lines[b] = la;
    }
    const d = run(lines.join('\n'));
    expect(d.disagreements).toEqual([]);
    expect(d.startOrder?.agrees).toBe(false);
    expect([d.startOrder?.firstDifference?.real, d.startOrder?.firstDifference?.predicted].sort()).toEqual([
      'app_dial',
      'app_echo',
    ]);
  });

  it("says which verbosity hid the per-module lines, by the server's version (6871d1cdfc)", () => {
    // The recorded log as a server at verbose 3 without debug writes it on 22.x: no Loading / => lines.
    const quiet = baseLog
      .split('\n')
      .filter((l) => !/DEBUG\[/.test(l) && !/VERBOSE\[\d+\] loader\.c: (Loading |\S+ => \()/.test(l))
      .join('\n');
    const limits = (version: string): string =>
      diagnose(graph, {
        log: logOf(quiet),
        conf: confOf(BASE),
        expectOwnDeclines: true,
        version,
      }).diagnosis.limits.join(' ');
    expect(limits('22.10.1')).toContain("Asterisk 22.10.1 logs 'Loading X.' at verbose 4");
    expect(limits('16.30.1')).toContain('this log was written at verbose 0');
    expect(run(baseLog).limits.join(' ')).not.toContain('6871d1cdfc');
  });

  it('without a list of files, compares what the log names and says so', () => {
    const d = run(baseLog, { available: false });
    expect(d.disagreements).toEqual([]);
    expect(d.startOrder).toBeUndefined();
    expect(d.limits.join(' ')).toContain('No list of module files');
  });
});
