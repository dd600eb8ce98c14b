/**
 * The per-module facts the loader acts on, read once from a ModuleGraph and indexed by the
 * case-insensitive module key. Cached per graph object: the graph is immutable data.
 */
import type { DependencyEdge, ModuleGraph, ModuleInfo, Problem, SupportLevel } from '../model';
import { moduleKey } from './names';

/** AST_MODPRI_DEFAULT: the priority of a module without AST_MODFLAG_LOAD_ORDER. */
export const DEFAULT_PRIORITY = 128;

export interface ModuleLoadFacts {
  /** The name the module registers with (AST_MODULE_INFO), used in most loader messages. */
  name: string;
  key: string;
  /**
   * Position in {@link LoaderFacts.list}: a dense integer id, so the loader's hot paths index
   * arrays instead of hashing names. -1 for a module the dataset does not know.
   */
  id: number;
  builtin: boolean;
  /** Effective load priority (main/loader.c: module_vector_cmp). */
  priority: number;
  globalSymbols: boolean;
  hasLoad: boolean;
  description: string;
  supportLevel: SupportLevel;
  deprecatedIn?: string;
  removedIn?: string;
  replacement?: string;
  /** `.requires`, `.optional_modules`, `.enhances` in declaration order (order decides messages and ties). */
  requires: string[];
  optional: string[];
  enhances: string[];
  /** Build-time `<depend>` on other modules (used by the legacy loader's hazards). */
  depends: string[];
  /** GLOBAL_SYMBOLS modules this module's `.so` needs at dlopen time. */
  links: string[];
  /** The same lists as lookup keys (lower case, no `.so`), filled once. */
  requiresKeys: string[];
  optionalKeys: string[];
  enhancesKeys: string[];
  linksKeys: string[];
  /** Keys of the modules that enhance this one. */
  enhancerKeys: string[];
  /** The same lists as ids ({@link ModuleLoadFacts.id}); -1 where the name is not in the dataset. */
  requiresIds: number[];
  optionalIds: number[];
  enhancesIds: number[];
  linksIds: number[];
  enhancerIds: number[];
  /** False when the dataset does not know the module (a file the user listed). */
  known: boolean;
  /**
   * Its load() takes a reference on itself that is held until shutdown (`ast_module_shutdown_ref`,
   * directly or through a format interface or bucket scheme it registers).
   */
  pinsSelf: boolean;
  /** Keys of modules its load() takes a reference on until it unloads (a calendar technology on res_calendar). */
  runtimeRefKeys: string[];
}

export interface LoaderFacts {
  byKey: Map<string, ModuleLoadFacts>;
  /** Every module's facts by id ({@link ModuleLoadFacts.id}). */
  list: ModuleLoadFacts[];
  /** Built-in modules in registration order. */
  builtinOrder: string[];
  /** Loadable module names, alphabetically (the default set of module files). */
  loadable: string[];
  hasLinkFacts: boolean;
  /** Whether the dataset has any run-time dependency facts (`requires` etc.). */
  hasRequires: boolean;
  /** Whether the dataset knows the run-time references of its modules (`ModuleGraph.runtimeReferences`). */
  hasRuntimeReferences: boolean;
  /** Keys of modules that enhance the given key. */
  enhancersOf: Map<string, string[]>;
  /** Keys of modules whose requires/optional/enhances name the given key. */
  runtimeDependentsOf: Map<string, string[]>;
  problems: Problem[];
}

const cache = new WeakMap<ModuleGraph, LoaderFacts>();

/** Loader facts of a graph (computed once per graph object). */
export function loaderFacts(graph: ModuleGraph): LoaderFacts {
  const hit = cache.get(graph);
  if (hit) return hit;
  const facts = buildLoaderFacts(graph);
  cache.set(graph, facts);
  return facts;
}

/**
 * `optional` edges mix MODULEINFO `<use type="module">` (build time, ignored by the loader) with
 * AST_MODULE_INFO `.optional_modules` (the loader enforces them): only the latter count here.
 */
function isLoaderOptional(edge: DependencyEdge): boolean {
  return (
    edge.sources.length === 0 || edge.sources.some((s) => s.kind !== 'xmldoc' && s.kind !== 'menuselect-tree')
  );
}

function buildLoaderFacts(graph: ModuleGraph): LoaderFacts {
  const byKey = new Map<string, ModuleLoadFacts>();
  const problems: Problem[] = [];
  for (const info of Object.values(graph.modules)) {
    if (info.kind !== 'loadable' && info.kind !== 'builtin') continue;
    byKey.set(moduleKey(info.name), factsFromInfo(info));
  }
  // One dense id per key, in the map's order.
  const list = [...byKey.values()];
  list.forEach((f, i) => (f.id = i));
  // Edges mostly spell a module as it is named: looking the exact name up first spares making a
  // key for each of tens of thousands of edges in a large build.
  const byName = new Map<string, ModuleLoadFacts>();
  for (const f of list) byName.set(f.name, f);
  const resolve = (name: string): ModuleLoadFacts | undefined =>
    byName.get(name) ?? byKey.get(moduleKey(name));
  // Each name goes with its lookup key and id; a name that resolves has its module's key
  // (moduleKey of the name), so the key is only made for names the dataset does not know.
  const add = (names: string[], keys: string[], ids: number[], name: string): void => {
    const target = resolve(name);
    names.push(name);
    keys.push(target ? target.key : moduleKey(name));
    ids.push(target ? target.id : -1);
  };
  let hasRequires = false;
  for (const edge of graph.edges) {
    const from = resolve(edge.from);
    if (!from) continue;
    switch (edge.kind) {
      case 'requires':
        add(from.requires, from.requiresKeys, from.requiresIds, edge.to);
        hasRequires = true;
        break;
      case 'optional':
        if (isLoaderOptional(edge)) add(from.optional, from.optionalKeys, from.optionalIds, edge.to);
        break;
      case 'enhances':
        add(from.enhances, from.enhancesKeys, from.enhancesIds, edge.to);
        break;
      case 'depends':
        from.depends.push(edge.to);
        break;
      case 'links':
        add(from.links, from.linksKeys, from.linksIds, edge.to);
        break;
      default:
        break;
    }
  }
  // A conditional reference is taken only on a path a normal start does not take: not counted.
  for (const ref of graph.runtimeReferences ?? []) {
    if (ref.conditional) continue;
    const by = resolve(ref.takenBy);
    if (!by) continue;
    if (ref.untilShutdown && ref.module === ref.takenBy) by.pinsSelf = true;
    else if (!ref.untilShutdown) {
      const target = resolve(ref.module);
      if (target) by.runtimeRefKeys.push(target.key);
    }
  }

  const hasLinkFacts = graph.info.hasLinkFacts;
  if (!hasLinkFacts) {
    // Without link facts from a real build, a module is taken to link against the global-symbol
    // modules it requires or enhances: the usual reason it needs their symbols at dlopen time.
    // A module whose links were borrowed from another build of the same module keeps those.
    let borrowed = 0;
    let assumed = 0;
    let borrowedFrom = '';
    for (const f of byKey.values()) {
      const from = graph.modules[f.name]?.linksFrom;
      if (from !== undefined) {
        borrowed++;
        borrowedFrom = from;
        continue;
      }
      if (!f.builtin) assumed++;
      const links: string[] = [];
      const linksKeys: string[] = [];
      const linksIds: number[] = [];
      for (const n of [...f.requires, ...f.enhances]) {
        const target = resolve(n);
        if (target === undefined || !target.globalSymbols || target.builtin) continue;
        links.push(n);
        linksKeys.push(target.key);
        linksIds.push(target.id);
      }
      f.links = links;
      f.linksKeys = linksKeys;
      f.linksIds = linksIds;
    }
    problems.push({
      severity: 'info',
      code: 'no-link-facts',
      message:
        borrowed > 0
          ? `This dataset has no link-time facts of its own: ${borrowed} modules carry those of the Asterisk ${borrowedFrom} build for the module of the same name; for the other ${assumed}, the simulation assumes each links against the global-symbol modules it requires or enhances when it models the loader's dlopen passes.`
          : "This dataset has no link-time facts, so the simulation assumes each module links against the global-symbol modules it requires or enhances when it models the loader's dlopen passes.",
    });
  }

  const enhancersOf = new Map<string, string[]>();
  const runtimeDependentsOf = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, k: string, v: string): void => {
    const list = map.get(k);
    if (list) {
      if (!list.includes(v)) list.push(v);
    } else map.set(k, [v]);
  };
  for (const f of byKey.values()) {
    for (const k of f.enhancesKeys) push(enhancersOf, k, f.key);
    for (const k of f.requiresKeys) push(runtimeDependentsOf, k, f.key);
    for (const k of f.optionalKeys) push(runtimeDependentsOf, k, f.key);
    for (const k of f.enhancesKeys) push(runtimeDependentsOf, k, f.key);
  }
  for (const [target, enhancers] of enhancersOf) {
    const f = byKey.get(target);
    if (f) {
      f.enhancerKeys = enhancers;
      f.enhancerIds = enhancers.map((k) => byKey.get(k)?.id ?? -1);
    }
  }

  const builtinOrder = graph.info.builtinOrder.length
    ? graph.info.builtinOrder.filter((n) => resolve(n)?.builtin)
    : [...byKey.values()].filter((f) => f.builtin).map((f) => f.name);
  const loadable = [...byKey.values()]
    .filter((f) => !f.builtin)
    .map((f) => f.name)
    .sort();
  return {
    byKey,
    list,
    builtinOrder,
    loadable,
    hasLinkFacts,
    hasRequires,
    hasRuntimeReferences: graph.runtimeReferences !== undefined,
    enhancersOf,
    runtimeDependentsOf,
    problems,
  };
}

function factsFromInfo(info: ModuleInfo): ModuleLoadFacts {
  const f: ModuleLoadFacts = {
    name: info.name,
    key: moduleKey(info.name),
    id: -1,
    builtin: info.kind === 'builtin',
    priority: info.loadPriority ?? DEFAULT_PRIORITY,
    globalSymbols: info.globalSymbols,
    hasLoad: info.hasLoad ?? true,
    description: info.description ?? '',
    supportLevel: info.supportLevel,
    ...noDependencies(),
    known: true,
    pinsSelf: false,
    runtimeRefKeys: [],
  };
  if (info.deprecatedIn !== undefined) f.deprecatedIn = info.deprecatedIn;
  if (info.removedIn !== undefined) f.removedIn = info.removedIn;
  if (info.replacement !== undefined) f.replacement = info.replacement;
  return f;
}

/** Fresh, empty dependency lists; filled in once every module of the dataset has its facts. */
function noDependencies(): Pick<
  ModuleLoadFacts,
  | 'requires'
  | 'optional'
  | 'enhances'
  | 'depends'
  | 'links'
  | 'requiresKeys'
  | 'optionalKeys'
  | 'enhancesKeys'
  | 'linksKeys'
  | 'enhancerKeys'
  | 'requiresIds'
  | 'optionalIds'
  | 'enhancesIds'
  | 'linksIds'
  | 'enhancerIds'
> {
  return {
    requires: [],
    optional: [],
    enhances: [],
    depends: [],
    links: [],
    requiresKeys: [],
    optionalKeys: [],
    enhancesKeys: [],
    linksKeys: [],
    enhancerKeys: [],
    requiresIds: [],
    optionalIds: [],
    enhancesIds: [],
    linksIds: [],
    enhancerIds: [],
  };
}

/** Facts for a module file the dataset does not know: no dependencies, default priority. */
export function unknownModuleFacts(name: string): ModuleLoadFacts {
  return {
    name,
    key: moduleKey(name),
    id: -1,
    builtin: false,
    priority: DEFAULT_PRIORITY,
    globalSymbols: false,
    hasLoad: true,
    description: '',
    supportLevel: 'unspecified',
    ...noDependencies(),
    known: false,
    pinsSelf: false,
    runtimeRefKeys: [],
  };
}
