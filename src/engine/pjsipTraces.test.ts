/**
 * The pjsip loader traces, replayed through the engine: real Asterisk master f0c1c1a7 built with its
 * bundled pjproject 2.17 (docs/pjsip-traces.md). Fixtures come from
 * scripts/build-pjsip-trace-fixtures.ts.
 *
 * The shared data's master facts come from a build without pjproject; scripts/build-datasets.ts
 * adds this build's link facts (fixtures/pjsip/modules-metadata.json) to the shipped master dataset,
 * with res_rtp_asterisk's and res_prometheus's pjproject-only dependencies marked `whenBuiltWith`.
 * Each scenario is replayed on the dataset as shipped and on the dataset without those facts plus
 * the facts injected here from the fixture, which must agree; the dataset without them shows what
 * goes wrong when they are missing. Where the engine and the real loader differ, the difference is
 * written out below as a finding, so that a change in either direction fails here.
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
import type { ExpectedTraceFacts as Expected } from './fixtures/expectedFacts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/pjsip');

const BASELINE = '01-baseline-autoload';
const NOLOAD = '02-noload-res_pjsip';
const DECLINES = '03-res_pjsip-declines';
const RUNTIME = '04-runtime-refresh-res_pjsip';
const SCENARIOS = [BASELINE, NOLOAD, DECLINES, RUNTIME] as const;
type Scenario = (typeof SCENARIOS)[number];

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
const PJSIP_BUILD_METADATA = 'src/engine/fixtures/pjsip/modules-metadata.json';

/** The master dataset as the shared build alone gives it: the pjsip build's edges taken out. */
function withoutBuildFacts(graph: ModuleGraph): ModuleGraph {
  const edges = graph.edges.filter((e) => !e.sources.some((s) => s.file === PJSIP_BUILD_METADATA));
  return { ...graph, edges, ...indexEdges(edges) };
}

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

const withoutPjsipBuild = withoutBuildFacts(shipped);
const built = withBuildFacts(withoutPjsipBuild);
const GRAPHS = [
  ['as shipped', shipped],
  ['with this build’s facts injected', built],
] as const;

const runs = new WeakMap<ModuleGraph, Map<Scenario, SimulationResult>>();

/** Each scenario is simulated once per graph; the tests read the result. */
function replay(graph: ModuleGraph, scenario: Scenario): SimulationResult {
  let byScenario = runs.get(graph);
  if (!byScenario) {
    byScenario = new Map();
    runs.set(graph, byScenario);
  }
  const cached = byScenario.get(scenario);
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
  byScenario.set(scenario, result);
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

/**
 * With the pjsip stack running, two use counts are not explained by the dataset's run-time
 * references (shutdown references, format interfaces, bucket schemes and default sorcery wizard
 * mappings, all simulated): res_pjsip_config_wizard refs itself when res_pjsip's sorcery instance
 * is created, and its object-type observer maps the memory wizard to each of the five pjsip object
 * types it handles that get registered (registration, identify, endpoint, aor, auth;
 * res_pjsip_config_wizard.c object_type_registered_observer). Observers are not read.
 */
const PJSIP_RUNNING_REFERENCES: Record<string, number> = {
  res_pjsip_config_wizard: 1,
  res_sorcery_memory: 5,
};

const RUNTIME_REFERENCES: Record<Scenario, Record<string, number>> = {
  [BASELINE]: PJSIP_RUNNING_REFERENCES,
  [NOLOAD]: {},
  // FINDING (real Asterisk): after res_pjsip declines, `module show` lists res_pjsip_config_wizard
  // with use count -1; its observer drops a reference it never took.
  [DECLINES]: { res_pjsip_config_wizard: -1 },
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

describe.each(SCENARIOS.flatMap((scenario) => GRAPHS.map(([label, graph]) => ({ scenario, label, graph }))))(
  'the pjsip trace $scenario on the master dataset $label',
  ({ scenario, graph }) => {
    it('starts the same modules in the same order, declines the same and leaves the same unloaded', () => {
      const r = replay(graph, scenario);
      const exp = expected(scenario);
      expect(r.startupFailed).toBe(exp.startupFailed);
      expect(r.started).toEqual(exp.started);
      expect(r.declined).toEqual([...exp.declined].sort());
      expect(r.notLoaded).toEqual([...exp.notLoaded].sort());
    });

    it('registers the modules module show lists, with use counts that differ only by the named references', () => {
      const r = replay(graph, scenario);
      const exp = expected(scenario);
      expect(Object.keys(r.useCounts).sort()).toEqual(exp.moduleShow.map((row) => row.module).sort());
      expect(useCountDifferences(r, exp)).toEqual(RUNTIME_REFERENCES[scenario]);
    });

    it('writes the startup loader log line for line (02: but for the eager-link finding)', () => {
      const r = replay(graph, scenario);
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
  },
);

describe.each(GRAPHS)(
  'the run-time commands of the pjsip trace 04 on the master dataset %s',
  (_label, graph) => {
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
     * The first two refusals come from shutdown references the dataset reads from the source
     * (ModuleGraph.runtimeReferences): res_pjsip_refer and res_pjsip_diversion call
     * ast_module_shutdown_ref in load_module(), so refreshing res_pjsip or res_pjsip_session
     * recursively stops before unloading anything ("would still have use count 1/1"). The engine
     * predicts them: the same CLI output and the same loader lines.
     */
    it('refuses the refreshes of res_pjsip and res_pjsip_session as the real loader does, line for line', () => {
      const r = replay(graph, RUNTIME);
      for (const { step, i } of refreshes.slice(0, 2)) {
        const got = r.runtime[i];
        expect(got?.ok).toBe(step.ok);
        expect(got?.message).toBe(step.cliOutput);
        expect(got?.unloaded).toEqual(step.unloadOrder);
        expect(got?.log.map(formatLogLine).filter((l) => / loader\.c: /.test(l))).toEqual(step.loaderLog);
      }
      expect(refreshes[0]?.step.loaderLog).toContainEqual(
        expect.stringMatching(
          /res_pjsip_refer cannot be unloaded \(would still have use count 1\/1 after unloading dependents\)/,
        ),
      );
    });

    it('prints `module show like pjsip` as the real CLI did after each step, but for the config wizard’s own reference', () => {
      const r = replay(graph, RUNTIME);
      const shows = steps.flatMap((step, i) =>
        step.command === 'module show like pjsip' ? [{ step, i }] : [],
      );
      expect(shows).toHaveLength(4);
      const wizard = /^res_pjsip_config_wizard\.so /;
      for (const { step, i } of shows) {
        const got = (r.runtime[i]?.message ?? '').split('\n');
        const real = step.cliOutput.split('\n');
        expect(got.filter((l) => !wizard.test(l))).toEqual(real.filter((l) => !wizard.test(l)));
        expect(real.find((l) => wizard.test(l))).toMatch(/ 1 +Running/);
        expect(got.find((l) => wizard.test(l))).toMatch(/ 0 +Running/);
      }
    });

    /**
     * FINDING: res_pjsip_outbound_publish: real starts unloading and stops at res_pjsip_exten_state,
     * whose unload_module() fails ("Firm unload failed"); no metadata shows that, so the engine
     * unloads and loads the three modules back. It finds the same dependents in the same order.
     */
    it('differs on the refresh of res_pjsip_outbound_publish only by the failing unload_module()', () => {
      const r = replay(graph, RUNTIME);
      const { step, i } = refreshes[2] ?? { step: undefined, i: -1 };
      const got = r.runtime[i];
      expect(step?.loaderLog).toContain('WARNING loader.c: Firm unload failed for res_pjsip_exten_state');
      expect({ ok: got?.ok, message: got?.message }).toEqual({
        ok: true,
        message: 'Unloaded and loaded res_pjsip_outbound_publish',
      });
      const found = (got?.log ?? [])
        .map((l) => l.message)
        .filter((m) => m.startsWith('Found new dependent '))
        .map((m) => m.slice('Found new dependent '.length));
      expect(step?.dependentsFoundOrder).toEqual(['res_pjsip_exten_state', 'res_pjsip_publish_asterisk']);
      expect(found).toEqual(step?.dependentsFoundOrder);
      const realUntilFailure = (step?.loaderLog ?? []).slice(0, 4);
      const engineLines = (got?.log ?? []).map(formatLogLine).filter((l) => / loader\.c: /.test(l));
      expect(engineLines.slice(0, 4)).toEqual(realUntilFailure);
    });
  },
);

describe('the pjsip build’s facts in the shipped master dataset', () => {
  const pjsip = (n: string): boolean =>
    /^(res_pjsip|chan_pjsip|func_pjsip_|res_pjproject|res_hep_pjsip)/.test(n);
  const loaderEdges = (g: ModuleGraph): string[] =>
    g.edges
      .filter((e) => ['links', 'requires', 'optional'].includes(e.kind))
      .filter((e) => e.sources.some((s) => s.kind !== 'xmldoc' && s.kind !== 'menuselect-tree'))
      .map((e) => `${e.from} ${e.kind} ${e.to}`)
      .sort();

  it('carries the link facts of every pjproject-based module, citing the fixture', () => {
    const links = shipped.edges.filter((e) => e.kind === 'links' && pjsip(e.from));
    expect(links.length).toBeGreaterThan(50);
    expect(links.every((e) => e.sources.every((s) => s.file === PJSIP_BUILD_METADATA))).toBe(true);
    expect(withoutPjsipBuild.edges.filter((e) => e.kind === 'links' && pjsip(e.from))).toEqual([]);
  });

  it('has the same loader edges the test injects, the pjproject-only ones marked', () => {
    expect(loaderEdges(shipped)).toEqual(loaderEdges(built));
    expect(
      shipped.edges.filter((e) => e.whenBuiltWith !== undefined).map((e) => `${e.from} ${e.kind} ${e.to}`),
    ).toEqual([
      'res_prometheus requires res_pjsip',
      'res_prometheus optional res_pjsip_outbound_registration',
      'res_prometheus links res_pjsip',
      'res_rtp_asterisk requires res_pjproject',
      'res_rtp_asterisk links res_pjproject',
    ]);
    expect(new Set(shipped.edges.map((e) => e.whenBuiltWith).filter(Boolean))).toEqual(
      new Set(['pjproject']),
    );
  });
});

describe('the pjsip traces on the master dataset without the pjsip build’s facts', () => {
  /**
   * FINDING: without link facts the pjsip modules open in dlopen pass 0 instead of after the
   * global-symbol modules they link against, so they enter the priority order too early
   * (res_pjsip_config_wizard starts 9th instead of after the other priority-30 modules), and with
   * res_pjsip noloaded they register and decline, or even start, instead of never opening.
   */
  it('starts pjsip modules too early and declines modules that never open', () => {
    const baseline = replay(withoutPjsipBuild, BASELINE);
    expect(baseline.started.indexOf('res_pjsip_config_wizard')).toBe(8);
    expect(expected(BASELINE).started.indexOf('res_pjsip_config_wizard')).toBeGreaterThan(8);
    expect(baseline.declined).toEqual([...expected(BASELINE).declined].sort());

    const noload = replay(withoutPjsipBuild, NOLOAD);
    const realNotLoaded = expected(NOLOAD).notLoaded;
    expect(realNotLoaded).toHaveLength(53);
    expect(noload.notLoaded).toEqual(['res_pjsip']);
    // res_pjsip_config_wizard has no .requires, and without the pjproject build's facts
    // res_prometheus has only an optional res_pjsip (from MODULEINFO): the engine starts both.
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
