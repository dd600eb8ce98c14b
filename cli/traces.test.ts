/**
 * The three shared real traces, replayed through the CLI against the built-in master dataset.
 * Fixtures come from scripts/build-trace-fixtures.ts (real Asterisk at commit f0c1c1a7).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/engine';
import { parseModulesConf } from '../src/ingest/modulesConf';
import { loadBuiltinDatasetNode } from '../src/ingest/node/loadBuiltinDataset';
import { nodeIo } from './io';
import { readAvailable, runCli } from './main';
import type { SimulateJson } from './report';
import type { ExpectedTraceFacts as Expected } from '../src/engine/fixtures/expectedFacts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'src/engine/fixtures');

function expected(scenario: string): Expected {
  return JSON.parse(readFileSync(join(fixtures, scenario, 'expected.json'), 'utf8')) as Expected;
}

type Replay = { code: number; json: SimulateJson; stderr: string; exp: Expected };
const replays = new Map<string, Promise<Replay>>();

/** Each scenario runs through the CLI once; the tests read its output. */
function replay(scenario: string): Promise<Replay> {
  let run = replays.get(scenario);
  if (!run) {
    run = runScenario(scenario);
    replays.set(scenario, run);
  }
  return run;
}

async function runScenario(scenario: string): Promise<Replay> {
  const exp = expected(scenario);
  const args = [
    'simulate',
    '--data',
    'master',
    '--modules-conf',
    `src/engine/fixtures/${scenario}/modules.conf`,
    '--available',
    `src/engine/fixtures/${scenario}/available.txt`,
    '--json',
  ];
  // The recorded outcome of each module's own load(): the only facts no metadata can give.
  for (const m of exp.selfDeclinedInLoad) args.push('--fault', `${m}=decline`);
  for (const m of exp.loadReturnedFailure) args.push('--fault', `${m}=failure`);
  for (const step of exp.runtime ?? []) args.push('--then', step.command);
  let out = '';
  let stderr = '';
  const io = {
    ...nodeIo(root),
    stdout: (s: string) => void (out += s),
    stderr: (s: string) => void (stderr += s),
  };
  const code = await runCli(args, io);
  return { code, json: JSON.parse(out) as SimulateJson, stderr, exp };
}

/** The loader's own lines of the transcript (the traces keep only loader.c lines). */
function loaderLines(log: readonly string[]): string[] {
  return log.filter((l) => / loader\.c: /.test(l));
}

/**
 * `module show` use counts the simulation does not explain: none. The dataset's run-time
 * references (shutdown references of bridge_builtin_features and res_resolver_unbound, the format
 * interfaces of the res_format_attr_* modules, res_http_media_cache's bucket schemes, the sorcery
 * wizards mapped by default) are simulated. Kept as a named table so a new difference must be named.
 */
const EXTRA_RUNTIME_REFERENCES: Record<string, number> = {};

function useCountDifferences(json: SimulateJson, exp: Expected): Record<string, number> {
  const diffs: Record<string, number> = {};
  for (const row of exp.moduleShow) {
    const simulated = json.useCounts[row.module];
    if (simulated !== row.useCount) diffs[row.module] = row.useCount - (simulated ?? Number.NaN);
  }
  return diffs;
}

describe.each([
  '01-baseline-autoload',
  '03-noload-required-deps',
  '08b-runtime-unknown-dependency-and-refresh',
])('the real trace %s replayed through the CLI', (scenario) => {
  it('starts the same modules in the same order, declines the same and leaves the same unloaded', async () => {
    const { code, json, exp } = await replay(scenario);
    expect(code).toBe(0);
    expect(json.startupFailed).toBe(exp.startupFailed);
    expect(json.started).toEqual(exp.started);
    expect(json.declined).toEqual([...exp.declined].sort());
    expect(json.notLoaded).toEqual([...exp.notLoaded].sort());
  });

  it('writes the loader log line for line, including the buffered error block', async () => {
    const { json, exp } = await replay(scenario);
    const startup = loaderLines(json.log).slice(0, exp.loaderLog.length);
    expect(startup).toEqual(exp.loaderLog);
    const errors = exp.loaderLog
      .filter((l) => l.startsWith('ERROR '))
      .map((l) => l.replace(/^ERROR loader\.c: /, ''));
    expect(errors).toEqual(exp.loaderErrorsInOrder);
    expect(json.log).toContain(`NOTICE loader.c: ${exp.modulesWillBeLoaded ?? 0} modules will be loaded.`);
  });

  it('registers the modules module show lists, with use counts that differ only by the named run-time references', async () => {
    const { json, exp } = await replay(scenario);
    expect(Object.keys(json.useCounts).sort()).toEqual(exp.moduleShow.map((r) => r.module).sort());
    expect(useCountDifferences(json, exp)).toEqual(EXTRA_RUNTIME_REFERENCES);
  });
});

describe('the run-time commands of the real trace 08b', () => {
  it('gives each command the real CLI output, loader log and unload/load order', async () => {
    const { json, exp } = await replay('08b-runtime-unknown-dependency-and-refresh');
    const steps = exp.runtime ?? [];
    expect(json.runtime).toHaveLength(steps.length);
    steps.forEach((step, i) => {
      const got = json.runtime[i];
      expect(got?.command).toBe(step.command);
      expect(got?.ok).toBe(step.ok);
      expect(got?.message).toBe(step.cliOutput);
      expect(got?.unloaded).toEqual(step.unloadOrder);
      expect(got?.loaded).toEqual(step.loadOrder);
    });
  });

  it('leaves the use counts module show printed after the commands, but for the named run-time references', async () => {
    const exp = expected('08b-runtime-unknown-dependency-and-refresh') as Expected & {
      moduleShowAfterRuntime: { module: string; useCount: number }[];
    };
    const graph = loadBuiltinDatasetNode('master');
    const conf = parseModulesConf(
      readFileSync(join(fixtures, '08b-runtime-unknown-dependency-and-refresh/modules.conf'), 'utf8'),
      'modules.conf',
    ).data;
    if (!conf) throw new Error('fixture modules.conf unreadable');
    const available = readAvailable(
      readFileSync(join(fixtures, '08b-runtime-unknown-dependency-and-refresh/available.txt'), 'utf8'),
    );
    const faults = Object.fromEntries(exp.selfDeclinedInLoad.map((m) => [m, 'decline' as const]));
    const result = simulate(graph, conf, {
      available,
      faults,
      commands: (exp.runtime ?? []).map((s) => s.command),
    });
    const after = result.runtime[result.runtime.length - 1]?.useCounts ?? {};
    const diffs: Record<string, number> = {};
    for (const row of exp.moduleShowAfterRuntime) {
      if (after[row.module] !== row.useCount)
        diffs[row.module] = row.useCount - (after[row.module] ?? Number.NaN);
    }
    expect(diffs).toEqual(EXTRA_RUNTIME_REFERENCES);
  });

  it('logs each run-time command as the real loader did', async () => {
    const { json, exp } = await replay('08b-runtime-unknown-dependency-and-refresh');
    const runtimeLines = loaderLines(json.log).slice(exp.loaderLog.length);
    const expectedLines = (exp.runtime ?? []).flatMap((s) =>
      s.loaderLog.filter((l) => / loader\.c: /.test(l)),
    );
    expect(runtimeLines).toEqual(expectedLines);
  });
});
