/**
 * "If this module fails / is missing / is noloaded / is unloaded, what goes down with it?",
 * answered by running the loader simulation twice (a plain autoload startup, then the scenario)
 * rather than by walking edges: the loader's own rules decide (requires and optional block,
 * an optional module that is absent does not, enhancers do not hold up what they enhance,
 * built-ins are always there, Asterisk 13's loader ignores dependencies).
 */
import { loaderKindFor } from '../loaderReleases';
import type { LoaderKind, ModuleGraph, ModuleOutcome, ModulesConf, SimulationResult } from '../../model';
import { whyDeclined } from '../explain/whyChains';
import { simulate } from '../simulate';
import { autoloadBaseline } from '../autoloadBaseline';
import { resolveModule } from './moduleNames';

export type ImpactKind = 'fail' | 'missing' | 'noload' | 'unload';

export const IMPACT_KINDS: readonly ImpactKind[] = ['fail', 'missing', 'noload', 'unload'];

export interface ImpactResult {
  /** The graph's spelling of the module. */
  module: string;
  as: ImpactKind;
  /** Modules running after a plain startup that are not running in the scenario, in start order. */
  modules: string[];
  /** For each of `modules`, why it goes down, step by step down to `module`. */
  chains: Record<string, string[]>;
  /** What the answer assumes, and why it may be empty. */
  notes: string[];
  /** For each of `modules`, the module it goes down because of (`module` itself or one of `modules`). */
  via: Record<string, string>;
}

/** The loader a dataset's Asterisk version runs (see loaderReleases.ts). */
export { loaderKindFor as loaderForVersion };

function modulesConf(...noload: string[]): ModulesConf {
  const line = (name: string, value: string, n: number): ModulesConf['entries'][number] => ({
    name,
    option: name === 'autoload' ? 'autoload' : 'noload',
    value,
    object: name !== 'autoload',
    line: n,
    column: 1,
  });
  return {
    file: 'modules.conf',
    status: 'ok',
    hasModulesSection: true,
    entries: [line('autoload', 'yes', 2), ...noload.map((m, i) => line('noload', m, i + 3))],
  };
}

function running(result: SimulationResult, name: string): boolean {
  return result.finalModules[name]?.state === 'running';
}

const VERB: Record<ImpactKind, string> = {
  fail: 'declines in its load()',
  missing: 'has no .so file',
  noload: 'is noloaded',
  unload: 'is unloaded',
};

export function impactOf(graph: ModuleGraph, module: string, as: ImpactKind): ImpactResult {
  const name = resolveModule(graph, module);
  if (name === undefined)
    return {
      module,
      as,
      modules: [],
      chains: {},
      via: {},
      notes: [`${module} is not a module of this dataset.`],
    };
  const info = graph.modules[name];
  const loader = loaderKindFor(graph.info.version);
  const empty = (note: string): ImpactResult => ({
    module: name,
    as,
    modules: [],
    chains: {},
    via: {},
    notes: [note],
  });
  if (info?.kind === 'non-loadable' || info?.kind === 'build-option')
    return empty(`${name} is not a loadable module (${info.kind}): the loader never sees it.`);
  if (info?.kind === 'builtin' && (as === 'missing' || as === 'noload'))
    return empty(
      as === 'missing'
        ? `${name} is built into Asterisk: it has no .so file that could be missing.`
        : `${name} is built into Asterisk: modules.conf cannot noload it (the loader ignores the line).`,
    );

  const base = autoloadBaseline(graph, loader);
  const notes = [
    `Compared with autoload = yes and every module file present, ${loader} loader (Asterisk ${graph.info.version}).`,
  ];
  if (base.startupFailed) {
    notes.push('Asterisk does not start with every module present, so there is nothing to compare with.');
    return { module: name, as, modules: [], chains: {}, via: {}, notes };
  }
  if (!running(base, name)) {
    const state = base.finalModules[name]?.state ?? 'not-loaded';
    notes.push(`${name} is not running after a plain startup (${state}), so nothing goes down with it.`);
    return { module: name, as, modules: [], chains: {}, via: {}, notes };
  }

  const found =
    as === 'unload'
      ? unloadCascade(graph, base, name, loader, notes)
      : startupScenario(graph, base, name, as, loader, notes);
  if (loader === 'legacy') {
    notes.push(
      `Asterisk ${graph.info.version} runs the legacy loader, which loads by priority only and does not act on dependencies: modules that use ${name} keep running without it.`,
    );
  }
  const order = (n: string): number => base.finalModules[n]?.startIndex ?? Number.MAX_SAFE_INTEGER;
  const modules = [...found.modules].sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  return { module: name, as, modules, chains: found.chains, via: found.via, notes };
}

interface Found {
  modules: string[];
  chains: Record<string, string[]>;
  via: Record<string, string>;
}

/** fail, missing, noload: a second startup with the fault or the noload line. */
function startupScenario(
  graph: ModuleGraph,
  base: SimulationResult,
  name: string,
  as: Exclude<ImpactKind, 'unload'>,
  loader: LoaderKind,
  notes: string[],
): Found {
  const scenario =
    as === 'noload'
      ? simulate(graph, modulesConf(`${name}.so`), { loader })
      : simulate(graph, modulesConf(), { loader, faults: { [name]: as === 'fail' ? 'decline' : 'missing' } });
  if (as === 'fail') {
    const failure = simulate(graph, modulesConf(), { loader, faults: { [name]: 'failure' } });
    notes.push(
      failure.startupFailed
        ? `Taken as: ${name}'s load() declines. If it returned a load failure instead, the loader would stop and Asterisk would not start at all (exit ${failure.exitCode}).`
        : `Taken as: ${name}'s load() declines. A load failure instead would not stop startup under this loader.`,
    );
  }
  if (scenario.startupFailed) {
    notes.push(
      `With ${name} ${VERB[as]}, Asterisk does not start at all (exit ${scenario.exitCode}): everything goes down.`,
    );
  }
  const modules = Object.keys(base.finalModules).filter(
    (n) => n !== name && running(base, n) && !running(scenario, n),
  );
  const chains: Record<string, string[]> = {};
  const via: Record<string, string> = {};
  const down = new Set(modules);
  for (const m of modules) {
    // whyDeclined repeats a module reached twice (two links to the same missing module) as a
    // "loop"; each module's reason once reads better.
    const seen = new Set<string>();
    chains[m] = whyDeclined(scenario, m)
      .filter((s) => !seen.has(s.module) && seen.add(s.module))
      .map((s) => s.text);
    via[m] = causeOf(scenario.finalModules[m], name, down);
  }
  const optionalOnly = optionalSurvivors(graph, scenario, name);
  if (optionalOnly.length > 0) {
    notes.push(
      `${optionalOnly.join(', ')} use${optionalOnly.length === 1 ? 's' : ''} ${name} only optionally and keep${optionalOnly.length === 1 ? 's' : ''} running: an optional module that is not in the module list does not hold up its users.`,
    );
  }
  const legacyHazards = scenario.hazards.map((h) => h.module).filter((m) => m !== name);
  if (legacyHazards.length > 0)
    notes.push(
      `${legacyHazards.length} module${legacyHazards.length === 1 ? ' keeps' : 's keep'} running without what they use (legacy loader hazards): ${abbreviate(legacyHazards)}.`,
    );
  return { modules, chains, via };
}

/** The first cause of a module's fall that is the module asked about or itself goes down. */
function causeOf(outcome: ModuleOutcome | undefined, target: string, down: ReadonlySet<string>): string {
  const causes = [...(outcome?.causes ?? []), ...(outcome?.missingLinks ?? [])];
  return causes.find((c) => c === target) ?? causes.find((c) => down.has(c)) ?? target;
}

/** Direct optional users of `name` still running in the scenario. */
function optionalSurvivors(graph: ModuleGraph, scenario: SimulationResult, name: string): string[] {
  const users = (graph.incoming[name] ?? [])
    .map((i) => graph.edges[i])
    .filter((e) => e?.kind === 'optional')
    .map((e) => e?.from ?? '');
  return [...new Set(users)].filter((u) => running(scenario, u)).sort();
}

/**
 * unload: what has to go before the module can. A plain `module unload` refuses while anything
 * holds a reference ("Soft unload failed ... has use count"), and `module unload -f` removes the
 * module alone, leaving its users running on a module that is gone: neither takes anything down
 * with it. `module refresh X recursively` is the loader's own answer to "unload X and everything
 * that depends on it": it unloads every module holding a reference on X, transitively, before
 * X (and loads them again afterwards). That cascade is what goes down with X.
 */
function unloadCascade(
  graph: ModuleGraph,
  base: SimulationResult,
  name: string,
  loader: LoaderKind,
  notes: string[],
): Found {
  const command = `module refresh ${name} recursively`;
  const result = simulate(graph, modulesConf(), { loader, commands: [command] });
  const run = result.runtime[0];
  notes.push(
    `Taken as what '${command}' unloads before ${name}: everything holding a reference on it, directly or through another module. 'module unload ${name}' alone refuses while its use count is above 0, and 'module unload -f' removes ${name} alone.`,
  );
  if (!run || !run.ok) {
    const why = (run?.log ?? [])
      .filter((l) => l.level === 'NOTICE' || l.level === 'WARNING')
      .map((l) => l.message);
    notes.push(
      `The loader cannot unload ${name} with its dependents: ${why.join('; ') || run?.message || 'the command failed'}.`,
    );
    return { modules: [], chains: {}, via: {} };
  }
  const modules = [...new Set(run.unloaded)].filter((m) => m !== name);
  const down = new Set(modules);
  const chains: Record<string, string[]> = {};
  const via: Record<string, string> = {};
  for (const m of modules) {
    const chain = referenceChain(base, m, name, down);
    via[m] = chain[1] ?? name;
    chains[m] = chain.slice(0, -1).map((holder, i) => {
      const held = chain[i + 1] ?? name;
      return held === name
        ? `${holder} holds a reference on ${name}, so it is unloaded first.`
        : `${holder} holds a reference on ${held}, which goes down with ${name}.`;
    });
  }
  return { modules, chains, via };
}

/** Shortest chain of references from `from` to `target` through modules that go down, both ends included. */
function referenceChain(
  base: SimulationResult,
  from: string,
  target: string,
  down: ReadonlySet<string>,
): string[] {
  const parent = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] ?? from;
    for (const ref of base.finalModules[node]?.references ?? []) {
      if (parent.has(ref) || (ref !== target && !down.has(ref))) continue;
      parent.set(ref, node);
      if (ref === target) {
        const chain = [target];
        for (let n = node; n !== from; n = parent.get(n) ?? from) chain.push(n);
        chain.push(from);
        return chain.reverse();
      }
      queue.push(ref);
    }
  }
  return [from, target];
}

/** A long list of names as its first few and a count of the rest. */
function abbreviate(names: readonly string[], shown = 8): string {
  return names.length <= shown
    ? names.join(', ')
    : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
