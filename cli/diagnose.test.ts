/**
 * `diagnose` through the CLI on the shared traces' logs (fixtures from
 * scripts/build-trace-fixtures.ts: real Asterisk at commit f0c1c1a7) and on a log where one
 * module declines unexpectedly.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runArgs, root } from './testing/cliHarness';
import type { DiagnoseJson } from './diagnose';
import type { ExpectedTraceFacts as Expected } from '../src/engine/fixtures/expectedFacts';

const SCENARIOS = [
  '01-baseline-autoload',
  '03-noload-required-deps',
  '08b-runtime-unknown-dependency-and-refresh',
];

/** The CLI run in process, the harness every CLI test uses. */
const cli = (args: string[]) => runArgs(...args);

function scenarioArgs(scenario: string, log = `src/engine/fixtures/${scenario}/full.log`): string[] {
  const dir = `src/engine/fixtures/${scenario}`;
  const exp = JSON.parse(readFileSync(join(root, dir, 'expected.json'), 'utf8')) as Expected;
  const args = ['diagnose', '--data', 'master', '--log', log, '--modules-conf', `${dir}/modules.conf`];
  args.push('--available', `${dir}/available.txt`, '--module-show', `${dir}/module_show.txt`, '--json');
  // The recorded own-load results: the declines this server is known to have.
  for (const m of exp.selfDeclinedInLoad) args.push('--fault', `${m}=decline`);
  for (const m of exp.loadReturnedFailure) args.push('--fault', `${m}=failure`);
  return args;
}

describe('diagnose on the shared traces', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario}: the started and declined sets of result.json, in agreement (exit 0)`, async () => {
      const exp = JSON.parse(
        readFileSync(join(root, 'src/engine/fixtures', scenario, 'expected.json'), 'utf8'),
      ) as Expected;
      const { code, out, err } = await cli(scenarioArgs(scenario));
      expect(err).toBe('');
      const json = JSON.parse(out) as DiagnoseJson;
      expect(json.started).toEqual(exp.started);
      expect(json.declined).toEqual([...exp.declined].sort());
      expect(json.notLoaded).toEqual([...exp.notLoaded].sort());
      expect(json.startupFailed).toBe(exp.startupFailed);
      expect(json.disagreements).toEqual([]);
      expect(json.startOrder).toEqual({ agrees: true });
      expect(json.modules.res_odbc).toMatchObject({ outcome: 'declined', cause: 'config-error' });
      expect(json.modules.res_odbc?.evidence.join('\n')).toMatch(
        /full\.log:\d+: .*WARNING\[\d+\] res_odbc\.c: Unable to load config file res_odbc\.conf/,
      );
      expect(code).toBe(0);
    });
  }
});

describe('diagnose finds what differs', () => {
  it('a module that declined in its own load() after a WARNING: exit 3, with that line as evidence', async () => {
    const args = scenarioArgs('01-baseline-autoload', 'e2e/fixtures/server/declined-full.log');
    const { code, out } = await cli(args);
    const json = JSON.parse(out) as DiagnoseJson;
    expect(json.disagreements).toEqual([
      {
        module: 'app_dial',
        real: 'declined',
        predicted: 'started',
        cause: 'config-error',
        why: expect.stringContaining('No such configuration file dial.conf') as string,
      },
    ]);
    const warning = json.modules.app_dial?.evidence.find((e) => e.includes('WARNING'));
    expect(warning).toMatch(
      /^e2e\/fixtures\/server\/declined-full\.log:\d+: .*WARNING\[15958\] app_dial\.c: No such configuration file dial\.conf/,
    );
    expect(code).toBe(3);
  });

  it('prints the disagreement and its evidence as text', async () => {
    const args = scenarioArgs('01-baseline-autoload', 'e2e/fixtures/server/declined-full.log').filter(
      (a) => a !== '--json',
    );
    const { code, out } = await cli(args);
    expect(out).toContain('app_dial: log declined, predicted started [config-error]');
    expect(out).toMatch(/declined-full\.log:\d+: .*app_dial\.c: No such configuration file dial\.conf/);
    expect(out).toContain('Start order: as predicted.');
    expect(code).toBe(3);
  });

  it('without expected declines, the config errors of the baseline are disagreements', async () => {
    const { code, out } = await cli([
      'diagnose',
      '--data',
      'master',
      '--log',
      'src/engine/fixtures/01-baseline-autoload/full.log',
      '--json',
    ]);
    const json = JSON.parse(out) as DiagnoseJson;
    expect(json.disagreements.length).toBe(54);
    expect(json.limits.join(' ')).toContain('No list of module files');
    expect(code).toBe(3);
  });

  it('--expect-own-declines takes every own-load decline as given', async () => {
    const { code } = await cli([
      'diagnose',
      '--data',
      'master',
      '--log',
      'src/engine/fixtures/01-baseline-autoload/full.log',
      '--expect-own-declines',
    ]);
    expect(code).toBe(0);
  });
});

describe('diagnose refuses bad input (exit 1)', () => {
  it('without --log, with a file that is no log, or a module show without rows', async () => {
    expect((await cli(['diagnose', '--data', 'master'])).code).toBe(1);
    const notLog = await cli([
      'diagnose',
      '--data',
      'master',
      '--log',
      'src/engine/fixtures/01-baseline-autoload/modules.conf',
    ]);
    expect(notLog.code).toBe(1);
    expect(notLog.err).toContain('is it an Asterisk startup log?');
    const badShow = await cli([
      'diagnose',
      '--data',
      'master',
      '--log',
      'src/engine/fixtures/01-baseline-autoload/full.log',
      '--module-show',
      'src/engine/fixtures/01-baseline-autoload/modules.conf',
    ]);
    expect(badShow.code).toBe(1);
    expect((await cli(['diagnose', '--data', 'master', '--log', 'no/such/file.log'])).code).toBe(1);
  });
});

/** `simulate` of the recorded baseline scenario, calibrated from `show`, then one command. */
function simulateWithShow(show: string, then: string) {
  const dir = 'src/engine/fixtures/01-baseline-autoload';
  return cli([
    'simulate',
    '--data',
    'master',
    '--modules-conf',
    `${dir}/modules.conf`,
    '--available',
    `${dir}/available.txt`,
    '--module-show',
    show,
    '--then',
    then,
    '--json',
  ]);
}

describe('simulate --module-show', () => {
  it('calibrates states from a live server before the run-time commands; the use counts need no taking over', async () => {
    const dir = 'src/engine/fixtures/01-baseline-autoload';
    const exp = JSON.parse(readFileSync(join(root, dir, 'expected.json'), 'utf8')) as Expected;
    const { code, out, err } = await simulateWithShow(`${dir}/module_show.txt`, 'module unload func_odbc');
    const json = JSON.parse(out) as {
      declined: string[];
      started: string[];
      runtime: { ok: boolean; message: string }[];
    };
    // No --fault given: module show alone made the 42 own-load declines (and their cascades) decline.
    expect(json.declined).toEqual([...exp.declined].sort());
    expect(json.started).toEqual(exp.started);
    expect(err).toContain('calibrated from module show: ');
    // The run-time references (sorcery wizards, shutdown references) explain every use count shown.
    expect(err).not.toMatch(/use counts the simulation cannot take over/);
    // Declined modules unload with a notice, as on the server.
    expect(json.runtime[0]?.ok).toBe(true);
    expect(code).toBe(0);
  });
});

describe('simulate --module-show: use counts', () => {
  it('keeps references the server holds beyond the simulation: a recursive refresh its dependents do not explain is refused', async () => {
    const dir = 'src/engine/fixtures/01-baseline-autoload';
    // The recorded module show, with one more reference on res_statsd (a call holding it).
    const shown = readFileSync(join(root, dir, 'module_show.txt'), 'utf8');
    const held = shown.replace(/^(res_statsd\.so\s+StatsD client support\s+)3 /m, '$14 ');
    expect(held).not.toBe(shown);
    const file = join(mkdtempSync(join(tmpdir(), 'ame-held-')), 'module_show.txt');
    writeFileSync(file, held);
    const run = (show: string) => simulateWithShow(show, 'module refresh res_statsd recursively');
    const as = await run(`${dir}/module_show.txt`);
    expect((JSON.parse(as.out) as { runtime: { ok: boolean }[] }).runtime[0]?.ok).toBe(true);
    const more = await run(file);
    const json = JSON.parse(more.out) as { runtime: { ok: boolean; message: string }[]; log: string[] };
    expect(more.err).toContain('kept through the commands: res_statsd +1.');
    expect(json.runtime[0]).toMatchObject({
      ok: false,
      message: expect.stringContaining('Unable to unload resource res_statsd'),
    });
    expect(json.log.join('\n')).toMatch(
      /Module res_statsd cannot be unloaded \(would still have use count 1\/4 after unloading dependents\)/,
    );
  });
});

describe('diagnose --so', () => {
  it("reads the module files of a directory as ELF and reports the build's links", async () => {
    const args = scenarioArgs('01-baseline-autoload');
    const { code, out, err } = await cli([...args, '--so', 'src/ingest/elf/fixtures']);
    expect(err).toBe('');
    const json = JSON.parse(out) as DiagnoseJson & {
      build: { modules: { module: string; links: { module: string }[]; unknownToDataset: boolean }[] };
    };
    expect(
      json.build.modules.map((m) => [m.module, m.links.map((l) => l.module), m.unknownToDataset]),
    ).toEqual([
      ['app_fixture_user', ['res_fixture_provider'], true],
      ['res_fixture_provider', [], true],
    ]);
    // Files the dataset does not know change nothing the log shows.
    expect(code).toBe(0);
    const text = await cli(args.filter((a) => a !== '--json').concat('--so', 'src/ingest/elf/fixtures'));
    expect(text.out).toContain('Module files: 2 read; 0 link differently from the dataset');
    expect(text.out).toContain('Not in the dataset: app_fixture_user, res_fixture_provider');
  });

  it('refuses a file that is not a module file, naming it, and exits 1', async () => {
    const { code, err } = await cli([
      ...scenarioArgs('01-baseline-autoload'),
      '--so',
      'src/engine/fixtures/01-baseline-autoload/modules.conf',
    ]);
    expect(code).toBe(1);
    expect(err).toContain('src/engine/fixtures/01-baseline-autoload/modules.conf: error: Not an ELF file');
  });
});
