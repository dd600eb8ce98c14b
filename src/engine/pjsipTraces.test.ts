/**
 * The pjsip loader traces, replayed through the engine: real Asterisk master f0c1c1a7 built with its
 * bundled pjproject 2.17 (docs/pjsip-traces.md). Fixtures come from
 * scripts/build-pjsip-trace-fixtures.ts.
 *
 * The built-in master dataset was made from a build without pjproject, so it has no link facts for
 * the pjproject-based modules. Each scenario is replayed twice: on the dataset as shipped, and on
 * the dataset plus this build's facts (fixtures/pjsip/modules-metadata.json). Where the engine and
 * the real loader differ, the difference is written out below as a finding, so that a change in
 * either direction fails here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DependencyEdge, ModuleFault, ModuleGraph, SimulationResult, SourceRef } from '../model';
import { indexEdges } from '../model';
import { loadBuiltinDatasetNode } from '../ingest/node/loadBuiltinDataset';
import { simulate } from './simulate';
import { conf } from './testing/conf';
import { formatLogLine } from './transcript';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/pjsip');

const BASELINE = '01-baseline-autoload';
const NOLOAD = '02-noload-res_pjsip';
const DECLINES = '03-res_pjsip-declines';
const RUNTIME = '04-runtime-refresh-res_pjsip';
const SCENARIOS = [BASELINE, NOLOAD, DECLINES, RUNTIME] as const;
type Scenario = (typeof SCENARIOS)[number];

interface Expected {
  started: string[];
  declined: string[];
  notLoaded: string[];
  startupFailed: boolean;
  modulesWillBeLoaded: number | null;
  selfDeclinedInLoad: string[];
  loadReturnedFailure: string[];
  loaderErrorsInOrder: string[];
  moduleShow: { module: string; useCount: number; status: string }[];
  loaderLog: string[];
  runtime?: {
    command: string;
    ok: boolean;
    cliOutput: string;
    loaderLog: string[];
    unloadOrder: string[];
    loadOrder: string[];
    dependentsFoundOrder: string[];
  }[];
}

interface BuildFacts {
  requires?: string[];
  optional_modules?: string[];
  links_against_global_symbol_modules: string[];
}

function read(scenario: string, file: string): string {
  return readFileSync(join(fixtures, scenario, file), 'utf8');
}

const expected = (scenario: Scenario): Expected => JSON.parse(read(scenario, 'expected.json')) as Expected;

/** Option lines of the fixture's modules.conf (comments and the section header dropped). */
function confLines(scenario: Scenario): string[] {
  return read(scenario, 'modules.conf')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith(';') && !l.startsWith('['));
}

function available(scenario: Scenario): string[] {
  return read(scenario, 'available.txt')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const shipped = loadBuiltinDatasetNode('master');

/**
 * The master dataset with this build's facts: `links` edges from `nm -D` of the built .so files,
 * and the requires/optional modules res_rtp_asterisk and res_prometheus have only when built with
 * pjproject (they replace res_prometheus's MODULEINFO-only optional edges).
 */
function withBuildFacts(graph: ModuleGraph): ModuleGraph {
  const facts = (
    JSON.parse(readFileSync(join(fixtures, 'modules-metadata.json'), 'utf8')) as {
      modules: Record<string, BuildFacts>;
    }
  ).modules;
  const sources: SourceRef[] = [{ kind: 'trace-metadata', file: 'fixtures/pjsip/modules-metadata.json' }];
  const conditional = new Set(['res_rtp_asterisk', 'res_prometheus']);
  const edges: DependencyEdge[] = graph.edges.filter(
    (e) => !(conditional.has(e.from) && (e.kind === 'requires' || e.kind === 'optional')),
  );
  for (const [from, m] of Object.entries(facts)) {
    for (const to of m.links_against_global_symbol_modules) edges.push({ from, to, kind: 'links', sources });
    if (!conditional.has(from)) continue;
    for (const to of m.requires ?? []) edges.push({ from, to, kind: 'requires', sources });
    for (const to of m.optional_modules ?? []) edges.push({ from, to, kind: 'optional', sources });
  }
  return { ...graph, edges, ...indexEdges(edges) };
}

const built = withBuildFacts(shipped);

const runs = new Map<string, SimulationResult>();

/** Each scenario is simulated once per graph; the tests read the result. */
function replay(graph: ModuleGraph, scenario: Scenario): SimulationResult {
  const key = `${graph === built ? 'built' : 'shipped'}:${scenario}`;
  const cached = runs.get(key);
  if (cached) return cached;
  const exp = expected(scenario);
  // The recorded outcome of each module's own load(): the only facts no metadata can give.
  const faults: Record<string, ModuleFault> = {};
  for (const m of exp.selfDeclinedInLoad) faults[m] = 'decline';
  for (const m of exp.loadReturnedFailure) faults[m] = 'failure';
  const result = simulate(graph, conf(...confLines(scenario)), {
    available: available(scenario),
    faults,
    commands: (exp.runtime ?? []).map((s) => s.command),
  });
  runs.set(key, result);
  return result;
}

const loaderLines = (r: SimulationResult): string[] =>
  r.log.map(formatLogLine).filter((l) => / loader\.c: /.test(l));

function useCountDifferences(r: SimulationResult, exp: Expected): Record<string, number> {
  const diffs: Record<string, number> = {};
  for (const row of exp.moduleShow) {
    const simulated = r.useCounts[row.module];
    if (simulated !== row.useCount) diffs[row.module] = row.useCount - (simulated ?? Number.NaN);
  }
  return diffs;
}

/** References the shared traces already name (cli/traces.test.ts), with this build's counts. */
const CORE_RUNTIME_REFERENCES: Record<string, number> = {
  bridge_builtin_features: 1,
  res_format_attr_celt: 1,
  res_format_attr_g729: 1,
  res_format_attr_h263: 1,
  res_format_attr_h264: 1,
  res_format_attr_ilbc: 1,
  res_format_attr_opus: 1,
  res_format_attr_silk: 1,
  res_format_attr_siren14: 1,
  res_format_attr_siren7: 1,
  res_format_attr_vp8: 1,
  res_http_media_cache: 1,
  res_resolver_unbound: 1,
  res_sorcery_astdb: 1,
  // One per object type mapped to the config wizard; res_pjproject adds log_mappings.
  res_sorcery_config: 9,
  res_sorcery_memory: 1,
};

/**
 * With the pjsip stack running, real `module show` counts more than the loader's references:
 * ast_module_shutdown_ref in the load() of res_pjsip_caller_id, _diversion, _pubsub, _refer and
 * _session; res_pjsip_config_wizard refs itself when res_pjsip's sorcery instance is created; the
 * pjsip object types add sorcery wizard references.
 */
const PJSIP_RUNNING_REFERENCES: Record<string, number> = {
  ...CORE_RUNTIME_REFERENCES,
  res_sorcery_astdb: 3,
  res_sorcery_config: 23,
  res_sorcery_memory: 7,
  res_pjsip_caller_id: 1,
  res_pjsip_config_wizard: 1,
  res_pjsip_diversion: 1,
  res_pjsip_pubsub: 1,
  res_pjsip_refer: 1,
  res_pjsip_session: 1,
};

const RUNTIME_REFERENCES: Record<Scenario, Record<string, number>> = {
  [BASELINE]: PJSIP_RUNNING_REFERENCES,
  [NOLOAD]: CORE_RUNTIME_REFERENCES,
  // FINDING (real Asterisk): after res_pjsip declines, `module show` lists res_pjsip_config_wizard
  // with use count -1; its observer drops a reference it never took.
  [DECLINES]: { ...CORE_RUNTIME_REFERENCES, res_pjsip_config_wizard: -1 },
  [RUNTIME]: PJSIP_RUNNING_REFERENCES,
};

/**
 * FINDING (02): with res_pjsip noloaded, the final dlopen pass opens the leftovers lazily to name
 * their missing dependencies. These five need res_pjsip's symbols at load time even then (data
 * objects and function addresses), so the lazy open fails too: no Registering/Unregistering lines,
 * and the raw dlerror naming the first such symbol. The engine registers them and names their
 * missing dependencies instead. The engine's link facts do not say which symbols are bound eagerly.
 * res_pjsip_config_wizard (no .requires) gets a raw dlerror on both sides, but the engine cannot
 * know the path and the symbol the real one names.
 */
const EAGER_LINK_FAILURES = [
  'chan_pjsip',
  'res_pjsip_aoc',
  'res_pjsip_geolocation',
  'res_pjsip_sdp_rtp',
  'res_pjsip_session',
];

/** Loader lines about one of these modules' final-pass open and its error line. */
function aboutEagerFailure(line: string): boolean {
  return (
    line.startsWith(`ERROR loader.c: Error loading module 'res_pjsip_config_wizard.so'`) ||
    EAGER_LINK_FAILURES.some(
      (m) =>
        line === `DEBUG loader.c: Registering module ${m}` ||
        line === `DEBUG loader.c: Unregistering module ${m}` ||
        line.startsWith(`ERROR loader.c: Error loading module '${m}.so'`),
    )
  );
}

describe.each(SCENARIOS)('the pjsip trace %s on the master dataset with this build’s facts', (scenario) => {
  it('starts the same modules in the same order, declines the same and leaves the same unloaded', () => {
    const r = replay(built, scenario);
    const exp = expected(scenario);
    expect(r.startupFailed).toBe(exp.startupFailed);
    expect(r.started).toEqual(exp.started);
    expect(r.declined).toEqual([...exp.declined].sort());
    expect(r.notLoaded).toEqual([...exp.notLoaded].sort());
  });

  it('registers the modules module show lists, with use counts that differ only by the named references', () => {
    const r = replay(built, scenario);
    const exp = expected(scenario);
    expect(Object.keys(r.useCounts).sort()).toEqual(exp.moduleShow.map((row) => row.module).sort());
    expect(useCountDifferences(r, exp)).toEqual(RUNTIME_REFERENCES[scenario]);
  });

  it('writes the startup loader log line for line (02: but for the eager-link finding)', () => {
    const r = replay(built, scenario);
    const exp = expected(scenario);
    const got = loaderLines(r).slice(0, exp.loaderLog.length + (scenario === NOLOAD ? 10 : 0));
    if (scenario !== NOLOAD) {
      expect(got.slice(0, exp.loaderLog.length)).toEqual(exp.loaderLog);
      return;
    }
    const simulatedRest = got.filter((l) => !aboutEagerFailure(l));
    const realRest = exp.loaderLog.filter((l) => !aboutEagerFailure(l));
    expect(simulatedRest.slice(0, realRest.length)).toEqual(realRest);
    // What the finding is, on each side.
    expect(
      exp.loaderLog.filter(aboutEagerFailure).map((l) => l.replace(/: <rundir>.*undefined symbol: /, ': ')),
    ).toEqual([
      "ERROR loader.c: Error loading module 'chan_pjsip.so': ast_sip_cli_traverse_objects",
      "ERROR loader.c: Error loading module 'res_pjsip_sdp_rtp.so': pjsip_media_type_application_media_control_xml",
      "ERROR loader.c: Error loading module 'res_pjsip_config_wizard.so': __ast_sip_push_task_wait_servant",
      "ERROR loader.c: Error loading module 'res_pjsip_aoc.so': pjsip_media_type_multipart_mixed",
      "ERROR loader.c: Error loading module 'res_pjsip_geolocation.so': pjsip_media_type_application_pidf_xml",
      "ERROR loader.c: Error loading module 'res_pjsip_session.so': pjsip_media_type_application_sdp",
    ]);
    expect(got.filter((l) => /Error loading module '(chan_pjsip|res_pjsip_session)\.so'/.test(l))).toEqual([
      "ERROR loader.c: Error loading module 'chan_pjsip.so', missing dependencies: res_pjsip, res_pjsip_session, res_pjsip_pubsub",
      "ERROR loader.c: Error loading module 'res_pjsip_session.so', missing dependency: res_pjsip",
    ]);
  });
});

describe('the run-time commands of the pjsip trace 04 with this build’s facts', () => {
  const steps = expected(RUNTIME).runtime ?? [];
  const refreshes = steps.flatMap((step, i) =>
    step.command.startsWith('module refresh') ? [{ step, i }] : [],
  );

  it('records three recursive refreshes, all refused by the real loader', () => {
    expect(refreshes.map(({ step }) => [step.command, step.ok])).toEqual([
      ['module refresh res_pjsip recursively', false],
      ['module refresh res_pjsip_session recursively', false],
      ['module refresh res_pjsip_outbound_publish recursively', false],
    ]);
  });

  /**
   * FINDINGS: the engine does not know the references behind the real refusals.
   * - res_pjsip: real refuses before unloading anything, because res_pjsip_refer "would still have
   *   use count 1/1" (its shutdown reference). The engine unloads the 51 dependents and res_pjsip,
   *   then fails to load res_pjsip back and prints "Unable to load resource".
   * - res_pjsip_session: the same, with res_pjsip_diversion's shutdown reference.
   * - res_pjsip_outbound_publish: real starts unloading and stops at res_pjsip_exten_state, whose
   *   unload_module() fails ("Firm unload failed"); no metadata shows that. The engine succeeds.
   */
  it('differs from the real loader on each refresh exactly as the findings say', () => {
    const r = replay(built, RUNTIME);
    expect(
      refreshes.map(({ step, i }) => ({
        command: step.command,
        real: { ok: step.ok, message: step.cliOutput.split('\n')[0], unloaded: step.unloadOrder.length },
        engine: {
          ok: r.runtime[i]?.ok,
          message: r.runtime[i]?.message.split('\n')[0],
          unloaded: r.runtime[i]?.unloaded.length,
        },
      })),
    ).toEqual([
      {
        command: 'module refresh res_pjsip recursively',
        real: { ok: false, message: 'Unable to unload resource res_pjsip', unloaded: 0 },
        engine: { ok: false, message: 'Unable to load resource res_pjsip', unloaded: 52 },
      },
      {
        command: 'module refresh res_pjsip_session recursively',
        real: { ok: false, message: 'Unable to unload resource res_pjsip_session', unloaded: 0 },
        engine: expect.objectContaining({ ok: false, message: 'Unable to load resource res_pjsip_session' }),
      },
      {
        command: 'module refresh res_pjsip_outbound_publish recursively',
        real: { ok: false, message: 'Unable to unload resource res_pjsip_outbound_publish', unloaded: 1 },
        engine: expect.objectContaining({
          ok: true,
          message: 'Unloaded and loaded res_pjsip_outbound_publish',
        }),
      },
    ]);
  });

  /**
   * A consequence of the first finding: the engine reloaded the pjsip modules in the two earlier
   * refreshes, which moved them to the tail of its module list in another order, so it discovers
   * the same dependents in the opposite order.
   */
  it('finds the dependents of res_pjsip_outbound_publish, in another order after the earlier findings', () => {
    const r = replay(built, RUNTIME);
    const { step, i } = refreshes[2] ?? { step: undefined, i: -1 };
    const found = (r.runtime[i]?.log ?? [])
      .map((l) => l.message)
      .filter((m) => m.startsWith('Found new dependent '))
      .map((m) => m.slice('Found new dependent '.length));
    expect(step?.dependentsFoundOrder).toEqual(['res_pjsip_exten_state', 'res_pjsip_publish_asterisk']);
    expect(found).toEqual(['res_pjsip_publish_asterisk', 'res_pjsip_exten_state']);
  });
});

describe('the pjsip traces on the master dataset as shipped (no pjproject link facts)', () => {
  it('has no link facts for any pjproject-based module', () => {
    const pjsip = (n: string): boolean =>
      /^(res_pjsip|chan_pjsip|func_pjsip_|res_pjproject|res_hep_pjsip)/.test(n);
    expect(shipped.edges.filter((e) => e.kind === 'links' && pjsip(e.from))).toEqual([]);
    expect(built.edges.filter((e) => e.kind === 'links' && pjsip(e.from)).length).toBeGreaterThan(50);
  });

  /**
   * FINDING: without link facts the pjsip modules open in dlopen pass 0 instead of after the
   * global-symbol modules they link against, so they enter the priority order too early
   * (res_pjsip_config_wizard starts 9th instead of after the other priority-30 modules), and with
   * res_pjsip noloaded they register and decline, or even start, instead of never opening.
   */
  it('starts pjsip modules too early and declines modules that never open', () => {
    const baseline = replay(shipped, BASELINE);
    expect(baseline.started.indexOf('res_pjsip_config_wizard')).toBe(8);
    expect(expected(BASELINE).started.indexOf('res_pjsip_config_wizard')).toBeGreaterThan(8);
    expect(baseline.declined).toEqual([...expected(BASELINE).declined].sort());

    const noload = replay(shipped, NOLOAD);
    const realNotLoaded = expected(NOLOAD).notLoaded;
    expect(realNotLoaded).toHaveLength(53);
    expect(noload.notLoaded).toEqual(['res_pjsip']);
    // res_pjsip_config_wizard has no .requires, and the shipped res_prometheus only an optional
    // res_pjsip (its requires are compiled only with pjproject): the engine starts both.
    expect(realNotLoaded.filter((m) => noload.started.includes(m))).toEqual([
      'res_pjsip_config_wizard',
      'res_prometheus',
    ]);
    expect(
      realNotLoaded
        .filter((m) => m !== 'res_pjsip' && !noload.started.includes(m))
        .every((m) => noload.declined.includes(m)),
    ).toBe(true);
  });
});
