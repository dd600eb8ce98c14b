/**
 * The startup log parser on the real traces (fixtures from scripts/build-trace-fixtures.ts: real
 * Asterisk at commit f0c1c1a7) and on hand-written logs of other shapes and verbosities.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStartupLog } from './parseStartupLog';
import type { ExpectedTraceFacts as Expected } from '../../engine/fixtures/expectedFacts';

const fixtures = join(__dirname, '../../engine/fixtures');
const SCENARIOS = [
  '01-baseline-autoload',
  '03-noload-required-deps',
  '08b-runtime-unknown-dependency-and-refresh',
];

function scenario(name: string): { log: string; exp: Expected } {
  return {
    log: readFileSync(join(fixtures, name, 'full.log'), 'utf8'),
    exp: JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as Expected,
  };
}

describe('parseStartupLog on the recorded traces', () => {
  for (const name of SCENARIOS) {
    it(`${name}: the start order and the declined set of result.json`, () => {
      const { log, exp } = scenario(name);
      const r = parseStartupLog(log, 'full.log');
      expect(r.problems.filter((p) => p.severity !== 'info')).toEqual([]);
      const data = r.data;
      if (!data) throw new Error('no data');
      expect(data.started).toEqual(exp.started);
      const declined = Object.values(data.modules)
        .filter((m) => m.outcome === 'declined' || m.outcome === 'failed')
        .map((m) => m.name)
        .sort();
      expect(declined).toEqual([...exp.declined].sort());
      const ownDeclines = Object.values(data.modules)
        .filter((m) => m.cause === 'config-error' || m.cause === 'declined-in-load')
        .map((m) => m.name)
        .sort();
      expect(ownDeclines).toEqual([...exp.selfDeclinedInLoad].sort());
      expect(data.ready).toBe(true);
      expect(data.startupFailed).toBe(false);
      expect(data.version).toBe('UNKNOWN__and_probably_unsupported');
      expect(data.shows).toEqual({
        timestamps: true,
        debug: true,
        loadingLines: true,
        startedLines: true,
        errorLines: true,
      });
    });
  }

  it('ties a decline to the WARNING/ERROR lines logged while its load() ran', () => {
    const { log } = scenario('01-baseline-autoload');
    const data = parseStartupLog(log, 'full.log').data;
    const odbc = data?.modules.res_odbc;
    expect(odbc).toMatchObject({ outcome: 'declined', cause: 'config-error', priority: 10 });
    const complaint = odbc?.evidence.find((e) => e.level === 'WARNING');
    expect(complaint).toMatchObject({ source: 'res_odbc.c', own: true });
    expect(complaint?.text).toContain('Unable to load config file res_odbc.conf');
    expect(log.split('\n')[(complaint?.line ?? 0) - 1]).toBe(complaint?.text);
    // Lines of another source file logged in its window count too (config_options.c for app_agent_pool).
    expect(data?.modules.app_agent_pool?.evidence.map((e) => e.source)).toEqual(
      expect.arrayContaining(['config_options.c', 'app_agent_pool.c']),
    );
    // A cascade names the module that declined first.
    expect(data?.modules.cdr_odbc).toMatchObject({
      outcome: 'declined',
      cause: 'dependency-declined',
      causes: ['res_odbc'],
    });
  });

  it('03: modules that never opened are not loaded, with the missing dependency', () => {
    const data = parseStartupLog(scenario('03-noload-required-deps').log, 'full.log').data;
    const notLoaded = Object.values(data?.modules ?? {}).filter((m) => m.outcome === 'not-loaded');
    expect(notLoaded.length).toBeGreaterThan(0);
    for (const m of notLoaded) expect(m.cause).toBe('dlopen-failed');
  });
});

describe('parseStartupLog on other shapes', () => {
  it('reads a console log without debug lines and says what it cannot show', () => {
    const log = [
      '    -- Loading res_curl.so.',
      '    -- res_curl.so => (cURL Resource Module)',
      '    -- Loading res_odbc.so.',
      '[Dec  1 07:15:03] WARNING[12]: res_odbc.c:540 load_odbc_config: Unable to load config file res_odbc.conf',
      '[Dec  1 07:15:04] ERROR[12]: loader.c:2500 load_modules: res_odbc declined to load.',
      '[Dec  1 07:15:04] ERROR[12]: loader.c:2500 load_modules: Declined modules which depend on res_odbc: func_odbc',
      'Asterisk Ready.',
    ].join('\n');
    const r = parseStartupLog(log, 'console.txt');
    expect(r.data?.started).toEqual(['res_curl']);
    expect(r.data?.modules.res_odbc).toMatchObject({ outcome: 'declined', cause: 'config-error' });
    expect(r.data?.modules.res_odbc?.evidence.map((e) => e.line)).toEqual([4, 5]);
    expect(r.data?.modules.func_odbc).toMatchObject({ outcome: 'declined', cause: 'dependency-declined' });
    expect(r.data?.limits.join(' ')).toContain('No DEBUG lines');
    expect(r.data?.ready).toBe(true);
  });

  it('without Loading lines, ties complaints by source file name only, and says so', () => {
    const log = [
      '[Dec  1 07:15:03] NOTICE[1] loader.c: 3 modules will be loaded.',
      '[Dec  1 07:15:03] ERROR[1] res_calendar.c: Unable to load config calendar.conf',
      '[Dec  1 07:15:04] ERROR[1] loader.c: res_calendar declined to load.',
      '[Dec  1 07:15:04] ERROR[1] loader.c: app_quiet declined to load.',
    ].join('\n');
    const r = parseStartupLog(log, 'full');
    expect(r.data?.modules.res_calendar).toMatchObject({ cause: 'config-error' });
    expect(r.data?.modules.app_quiet).toMatchObject({ cause: 'declined-in-load' });
    expect(r.data?.modulesWillBeLoaded).toBe(3);
    expect(r.data?.limits.join(' ')).toContain("No 'Loading X.so.' lines");
    expect(r.data?.limits.join(' ')).toContain('cannot say which modules started');
    expect(r.data?.limits.join(' ')).toContain("before 'Asterisk Ready.'");
  });

  it('reads the last of several startups and a failed one', () => {
    const log = [
      '[Dec  1 07:00:00] Asterisk 22.5.2 built by root',
      'VERBOSE[1] loader.c: Asterisk Dynamic Loader Starting:',
      'VERBOSE[1] loader.c: app_old.so => (Old)',
      'VERBOSE[1] asterisk.c: Asterisk Ready.',
      '[Dec  1 08:00:00] Asterisk 22.6.0 built by root',
      'VERBOSE[2] loader.c: Asterisk Dynamic Loader Starting:',
      "ERROR[2] loader.c: Error loading module 'res_nope.so': /usr/lib/asterisk/modules/res_nope.so: cannot open shared object file: No such file or directory",
      'ERROR[2] loader.c: *** Failed to load module res_nope.so - Required',
      'ERROR[2] asterisk.c: Module initialization failed.  ASTERISK EXITING!',
    ].join('\n');
    const r = parseStartupLog(log, 'full');
    expect(r.problems).toMatchObject([{ severity: 'info', line: 6 }]);
    expect(r.data).toMatchObject({
      version: '22.6.0',
      fromLine: 6,
      startups: 2,
      startupFailed: true,
      ready: false,
      started: [],
    });
    expect(r.data?.modules.app_old).toBeUndefined();
    expect(r.data?.modules.res_nope).toMatchObject({ outcome: 'not-loaded', cause: 'not-found' });
  });

  it('refuses a file the loader did not write', () => {
    const r = parseStartupLog('hello\nworld\n', 'notes.txt');
    expect(r.data).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ severity: 'error', file: 'notes.txt', line: 1, column: 1 });
  });
});
