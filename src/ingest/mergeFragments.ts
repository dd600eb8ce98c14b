import {
  indexEdges,
  type DatasetInfo,
  type DependencyEdge,
  type EdgeKind,
  type ExternalLibrary,
  type MenuselectCategory,
  type ModuleFact,
  type ModuleGraph,
  type ModuleInfo,
  type ModuleKind,
  type Problem,
  type ProvidedItem,
  type SourceKind,
  type SourceRef,
} from '../model';
import { deriveBuiltinOrder } from './builtinOrder';
import { categoryFromPrefix, type GraphFragment } from './fragment';
import { problemPosition } from './moduleinfo';

export interface MergeOptions {
  /** Asterisk version label for the merged graph (default: the first one a fragment names, else `custom`). */
  version?: string;
  commit?: string;
  /** Registration order of built-ins when known from a real run (loader traces' modules-builtin.txt). */
  builtinOrder?: string[];
}

/**
 * Which source wins when two disagree, best first. Loader facts trust what a real build recorded
 * over what the source declares; MODULEINFO facts trust menuselect (what the build system reads)
 * over the xmldoc copy. A `metadata-xml` kind is never stored on facts (a parsed Module Metadata XML
 * keeps each fact's original source), so it only ranks first for completeness.
 */
const RUNTIME_PRECEDENCE: readonly SourceKind[] = [
  'metadata-xml',
  'trace-metadata',
  'runtime',
  'menuselect-tree',
  'xmldoc',
  'elf',
  'config',
  'inferred',
];
const MODULEINFO_PRECEDENCE: readonly SourceKind[] = [
  'metadata-xml',
  'menuselect-tree',
  'xmldoc',
  'runtime',
  'trace-metadata',
  'elf',
  'config',
  'inferred',
];

interface FactRule {
  fact: ModuleFact;
  precedence: readonly SourceKind[];
  /** Comparable form of the fact; undefined when the module does not state it. */
  key: (m: ModuleInfo) => string | undefined;
  copy: (target: ModuleInfo, from: ModuleInfo) => void;
  describe: (m: ModuleInfo) => string;
  /** Cosmetic facts (descriptions differ in wording between menuselect and AST_MODULE_INFO) are not reported. */
  report: boolean;
}

const FACT_RULES: readonly FactRule[] = [
  {
    fact: 'description',
    precedence: RUNTIME_PRECEDENCE,
    key: (m) => m.description,
    copy: (t, f) => {
      if (f.description !== undefined) t.description = f.description;
    },
    describe: (m) => `"${m.description ?? ''}"`,
    report: false,
  },
  {
    fact: 'category',
    precedence: RUNTIME_PRECEDENCE,
    key: (m) => m.category,
    copy: (t, f) => {
      t.category = f.category;
    },
    describe: (m) => m.category,
    report: true,
  },
  {
    fact: 'supportLevel',
    precedence: MODULEINFO_PRECEDENCE,
    key: (m) => m.supportLevel,
    copy: (t, f) => {
      t.supportLevel = f.supportLevel;
    },
    describe: (m) => m.supportLevel,
    report: true,
  },
  {
    fact: 'defaultEnabled',
    precedence: MODULEINFO_PRECEDENCE,
    key: (m) => (m.defaultEnabled === undefined ? undefined : String(m.defaultEnabled)),
    copy: (t, f) => {
      if (f.defaultEnabled !== undefined) t.defaultEnabled = f.defaultEnabled;
    },
    describe: (m) => (m.defaultEnabled ? 'yes' : 'no'),
    report: true,
  },
  {
    fact: 'loadPriority',
    precedence: RUNTIME_PRECEDENCE,
    key: (m) => (m.loadPriority === undefined ? undefined : String(m.loadPriority)),
    copy: (t, f) => {
      if (f.loadPriority !== undefined) t.loadPriority = f.loadPriority;
    },
    describe: (m) => String(m.loadPriority),
    report: true,
  },
  {
    fact: 'flags',
    precedence: RUNTIME_PRECEDENCE,
    key: (m) => `${[...m.flags].sort().join(' ')}|${String(m.globalSymbols)}`,
    copy: (t, f) => {
      t.flags = [...f.flags];
      t.globalSymbols = f.globalSymbols;
      if (f.hasLoad !== undefined) t.hasLoad = f.hasLoad;
    },
    describe: (m) => (m.flags.length > 0 ? m.flags.join(' | ') : 'no flags'),
    report: true,
  },
  {
    fact: 'deprecation',
    precedence: MODULEINFO_PRECEDENCE,
    key: (m) => JSON.stringify([m.deprecatedIn ?? null, m.removedIn ?? null, m.replacement ?? null]),
    copy: (t, f) => {
      if (f.deprecatedIn !== undefined) t.deprecatedIn = f.deprecatedIn;
      if (f.removedIn !== undefined) t.removedIn = f.removedIn;
      if (f.replacement !== undefined) t.replacement = f.replacement;
    },
    describe: (m) =>
      [
        m.deprecatedIn && `deprecated in ${m.deprecatedIn}`,
        m.removedIn && `removed in ${m.removedIn}`,
        m.replacement && `replaced by ${m.replacement}`,
      ]
        .filter(Boolean)
        .join(', ') || 'not deprecated',
    report: true,
  },
];

const FACT_LABELS: Partial<Record<ModuleFact, string>> = {
  category: 'Category',
  supportLevel: 'Support level',
  defaultEnabled: 'Default-enabled',
  loadPriority: 'Load priority',
  flags: 'Module flags',
  deprecation: 'Deprecation',
};

function rank(precedence: readonly SourceKind[], ref: SourceRef | undefined): number {
  const i = ref ? precedence.indexOf(ref.kind) : -1;
  return i === -1 ? precedence.length : i;
}

function sameRef(a: SourceRef, b: SourceRef): boolean {
  return a.kind === b.kind && a.file === b.file && a.line === b.line && a.column === b.column;
}

function addRefs(target: SourceRef[], refs: readonly SourceRef[]): void {
  for (const ref of refs) if (!target.some((t) => sameRef(t, ref))) target.push(ref);
}

function fileList(refs: readonly SourceRef[]): string[] {
  return [...new Set(refs.map((r) => r.file))];
}

const LOADER_EDGE_KINDS: ReadonlySet<EdgeKind> = new Set(['requires', 'optional', 'enhances']);
const MODULEINFO_EDGE_KINDS: ReadonlySet<EdgeKind> = new Set([
  'depends',
  'optional',
  'uses-library',
  'conflicts',
]);

function isModuleinfoRef(ref: SourceRef): boolean {
  return ref.kind === 'xmldoc' || ref.kind === 'menuselect-tree';
}

function isLoaderRef(ref: SourceRef): boolean {
  return ref.kind === 'runtime' || ref.kind === 'trace-metadata';
}

const KIND_LABEL: Record<ModuleKind, string> = {
  loadable: 'a loadable module',
  builtin: 'built into the core',
  'non-loadable': 'not a loadable module',
  'build-option': 'a build option',
};

/**
 * Merges what several files said into one graph. Every fact keeps the sources that agree with
 * the value kept; where sources disagree, the better-ranked one wins and the disagreement is
 * reported ('source-disagreement'), never dropped silently. Whole-graph checks are validateGraph's.
 */
export function mergeFragments(
  fragments: readonly GraphFragment[],
  options: MergeOptions = {},
): { graph: ModuleGraph; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries = new Map<string, ModuleInfo[]>();
  for (const fragment of fragments) {
    for (const module of Object.values(fragment.modules)) {
      const list = entries.get(module.name);
      if (list) list.push(module);
      else entries.set(module.name, [module]);
    }
  }
  // Once menuselect or runtime facts are present they define the module set, and a name that only
  // the xmldoc has (a helper or core file with a module-like prefix, e.g. format_compatibility) is not loadable.
  const moduleSetKnown = [...entries.values()].some((list) =>
    list.some((m) => m.sources.kind?.some((r) => r.kind !== 'inferred')),
  );

  const modules: Record<string, ModuleInfo> = {};
  const loaderDescribers = new Map<string, SourceRef[]>();
  for (const [name, candidates] of entries) {
    const merged = mergeModule(name, candidates, moduleSetKnown, problems);
    modules[name] = merged;
    const describers: SourceRef[] = [];
    for (const c of candidates) addRefs(describers, (c.sources.loadPriority ?? []).filter(isLoaderRef));
    if (describers.length > 0) loaderDescribers.set(name, describers);
  }

  const libraries: Record<string, ExternalLibrary> = {};
  for (const fragment of fragments) {
    for (const library of Object.values(fragment.libraries)) {
      const existing = libraries[library.name];
      if (existing) addRefs(existing.sources, library.sources);
      else libraries[library.name] = { name: library.name, sources: [...library.sources] };
    }
  }

  const edges = resolveEdges(
    fragments.flatMap((f) => f.edges),
    modules,
    libraries,
  );
  const checkedEdges = compareEdgeFamilies(edges, modules, loaderDescribers, problems);

  const items = mergeItems(fragments.flatMap((f) => f.items));
  const categories = mergeCategories(fragments.flatMap((f) => f.categories));
  const info = mergeInfo(fragments, modules, options);
  const graph: ModuleGraph = {
    info,
    modules,
    libraries,
    edges: checkedEdges,
    ...indexEdges(checkedEdges),
    items,
    categories,
  };
  return { graph, problems };
}

function mergeModule(
  name: string,
  candidates: readonly ModuleInfo[],
  moduleSetKnown: boolean,
  problems: Problem[],
): ModuleInfo {
  const first = candidates[0];
  const module: ModuleInfo = {
    name,
    category: first?.category ?? 'other',
    kind: first?.kind ?? 'non-loadable',
    supportLevel: 'unspecified',
    flags: [],
    globalSymbols: false,
    sources: {},
  };
  for (const rule of FACT_RULES) mergeFact(module, candidates, rule, problems);
  // A real build's trace does not record whether a module has a load callback; runtime.json does.
  if (module.hasLoad === undefined) {
    const stating = candidates.find((c) => c.hasLoad !== undefined);
    if (stating?.hasLoad !== undefined) module.hasLoad = stating.hasLoad;
  }

  // Kind: a fact from menuselect or runtime decides; a guess from the name counts only when no
  // file that lists modules was given.
  const stated = candidates.filter((c) => c.sources.kind?.some((r) => r.kind !== 'inferred'));
  const best = [...stated].sort(
    (a, b) => rank(RUNTIME_PRECEDENCE, a.sources.kind?.[0]) - rank(RUNTIME_PRECEDENCE, b.sources.kind?.[0]),
  )[0];
  if (best) {
    module.kind = best.kind;
    module.sources.kind = [];
    for (const c of stated) if (c.kind === best.kind) addRefs(module.sources.kind, c.sources.kind ?? []);
    for (const c of stated) {
      if (c.kind === best.kind || (c.kind === 'loadable' && best.kind === 'build-option')) continue;
      const ref = c.sources.kind?.[0];
      problems.push({
        severity: 'warning',
        code: 'source-disagreement',
        message: `${name} is ${KIND_LABEL[c.kind]} according to ${ref?.file ?? '?'} but ${KIND_LABEL[best.kind]} according to ${best.sources.kind?.[0]?.file ?? '?'}; using the latter.`,
        ...problemPosition(ref),
        module: name,
      });
    }
  } else {
    const guesses = candidates.flatMap((c) => c.sources.kind ?? []);
    module.sources.kind = [];
    addRefs(module.sources.kind, guesses);
    module.kind = moduleSetKnown
      ? 'non-loadable'
      : (candidates.find((c) => c.kind === 'loadable')?.kind ?? 'non-loadable');
  }
  if (module.kind === 'non-loadable' && module.sources.category?.every((r) => r.kind === 'inferred'))
    module.category = 'other';
  const moduleinfo: SourceRef[] = [];
  for (const c of candidates) addRefs(moduleinfo, c.sources.moduleinfo ?? []);
  if (moduleinfo.length > 0) module.sources.moduleinfo = moduleinfo;
  return module;
}

function mergeFact(
  module: ModuleInfo,
  candidates: readonly ModuleInfo[],
  rule: FactRule,
  problems: Problem[],
): void {
  const stating = candidates.filter((c) => c.sources[rule.fact] !== undefined && rule.key(c) !== undefined);
  if (stating.length === 0) return;
  const firm = stating.filter((c) => c.sources[rule.fact]?.some((r) => r.kind !== 'inferred'));
  const pool = firm.length > 0 ? firm : stating;
  const winner = [...pool].sort(
    (a, b) =>
      rank(rule.precedence, a.sources[rule.fact]?.[0]) - rank(rule.precedence, b.sources[rule.fact]?.[0]),
  )[0];
  if (!winner) return;
  rule.copy(module, winner);
  const winningKey = rule.key(winner);
  const refs: SourceRef[] = [];
  for (const c of stating) if (rule.key(c) === winningKey) addRefs(refs, c.sources[rule.fact] ?? []);
  module.sources[rule.fact] = refs;
  if (!rule.report) return;
  for (const c of firm) {
    if (rule.key(c) === winningKey) continue;
    const ref = c.sources[rule.fact]?.[0];
    const winRef = winner.sources[rule.fact]?.[0];
    problems.push({
      severity: 'warning',
      code: 'source-disagreement',
      message: `${FACT_LABELS[rule.fact] ?? rule.fact} of ${module.name}: ${ref?.file ?? '?'} says ${rule.describe(c)}, ${winRef?.file ?? '?'} says ${rule.describe(winner)}; using ${rule.describe(winner)}.`,
      ...problemPosition(ref),
      module: module.name,
    });
  }
}

function edgeKey(e: Pick<DependencyEdge, 'from' | 'to' | 'kind' | 'optional' | 'whenBuiltWith'>): string {
  return `${e.from}\u0000${e.to}\u0000${e.kind}\u0000${e.optional === undefined ? '' : String(e.optional)}\u0000${e.whenBuiltWith ?? ''}`;
}

/**
 * Settles the tentative MODULEINFO edges now that the module set is known: a `<depend>`/`<use>`
 * naming something that is not a module names an external library (pjproject, crypto...), unless
 * it carries a module-folder prefix, in which case it is a module missing from the input.
 */
function resolveEdges(
  raw: readonly DependencyEdge[],
  modules: Record<string, ModuleInfo>,
  libraries: Record<string, ExternalLibrary>,
): DependencyEdge[] {
  const byKey = new Map<string, DependencyEdge>();
  const isLibraryName = (name: string): boolean =>
    !modules[name] && (libraries[name] !== undefined || !categoryFromPrefix(name));
  const addLibrary = (name: string, sources: readonly SourceRef[]): void => {
    const library = (libraries[name] ??= { name, sources: [] });
    addRefs(library.sources, sources);
  };
  for (const edge of raw) {
    let resolved: DependencyEdge;
    const fromModuleinfo = edge.sources.some(isModuleinfoRef);
    if (
      fromModuleinfo &&
      (edge.kind === 'depends' || (edge.kind === 'optional' && edge.optional === true)) &&
      isLibraryName(edge.to)
    ) {
      resolved = {
        from: edge.from,
        to: edge.to,
        kind: 'uses-library',
        optional: edge.kind === 'optional',
        sources: edge.sources,
      };
    } else if (edge.kind === 'optional' && edge.optional !== undefined) {
      const { optional: _optional, ...rest } = edge;
      resolved = rest;
    } else {
      resolved = edge;
    }
    if (resolved.kind === 'uses-library' || (resolved.kind === 'conflicts' && isLibraryName(resolved.to)))
      addLibrary(resolved.to, resolved.sources);
    const key = edgeKey(resolved);
    const existing = byKey.get(key);
    if (existing) addRefs(existing.sources, resolved.sources);
    else byKey.set(key, { ...resolved, sources: [...resolved.sources] });
  }
  return [...byKey.values()];
}

/**
 * Reports dependencies that one source lists and another source describing the same module does
 * not. MODULEINFO edges (xmldoc vs menuselect) are kept when any source lists them; loader edges
 * (runtime.json vs a real build's trace) follow the best-ranked source, because the simulation
 * must match what that build does.
 */
function compareEdgeFamilies(
  edges: DependencyEdge[],
  modules: Record<string, ModuleInfo>,
  loaderDescribers: ReadonlyMap<string, SourceRef[]>,
  problems: Problem[],
): DependencyEdge[] {
  const kept: DependencyEdge[] = [];
  for (const edge of edges) {
    const module = modules[edge.from];
    let keep = true;
    const moduleinfoFiles = fileList((module?.sources.moduleinfo ?? []).filter(isModuleinfoRef));
    const edgeModuleinfo = edge.sources.filter(isModuleinfoRef);
    if (MODULEINFO_EDGE_KINDS.has(edge.kind) && moduleinfoFiles.length > 1 && edgeModuleinfo.length > 0) {
      const listing = fileList(edgeModuleinfo);
      const silent = moduleinfoFiles.filter((f) => !listing.includes(f));
      if (silent.length > 0) {
        problems.push({
          severity: 'warning',
          code: 'source-disagreement',
          message: `${edge.from}: ${listing.join(', ')} ${describeEdge(edge)}, ${silent.join(', ')} does not; kept.`,
          ...problemPosition(edgeModuleinfo[0]),
          module: edge.from,
        });
      }
    }
    const describers = loaderDescribers.get(edge.from) ?? [];
    const edgeLoader = edge.sources.filter(isLoaderRef);
    // An edge of builds with a library describes another build than the module's other sources.
    const conditional = edge.whenBuiltWith !== undefined;
    if (LOADER_EDGE_KINDS.has(edge.kind) && !conditional && describers.length > 1 && edgeLoader.length > 0) {
      const top = [...describers].sort(
        (a, b) => rank(RUNTIME_PRECEDENCE, a) - rank(RUNTIME_PRECEDENCE, b),
      )[0];
      const listing = fileList(edgeLoader);
      const silent = fileList(describers).filter((f) => !listing.includes(f));
      if (top && silent.length > 0) {
        const topLists = listing.includes(top.file);
        if (!topLists) {
          edge.sources = edge.sources.filter((r) => !isLoaderRef(r));
          keep = edge.sources.length > 0;
        }
        problems.push({
          severity: 'warning',
          code: 'source-disagreement',
          message: `${edge.from}: ${listing.join(', ')} ${describeEdge(edge)}, ${silent.join(', ')} does not; ${topLists ? 'kept' : `left out, following ${top.file}`}.`,
          ...problemPosition(edgeLoader[0]),
          module: edge.from,
        });
      }
    }
    if (keep) kept.push(edge);
  }
  return kept;
}

function describeEdge(edge: DependencyEdge): string {
  switch (edge.kind) {
    case 'depends':
      return `lists <depend> ${edge.to}`;
    case 'optional':
      return `lists ${edge.to} as optional`;
    case 'uses-library':
      return `lists library ${edge.to}${edge.optional ? ' (optional)' : ''}`;
    case 'conflicts':
      return `lists <conflict> ${edge.to}`;
    default:
      return `lists ${edge.to} under ${edge.kind}`;
  }
}

function mergeItems(items: readonly ProvidedItem[]): ProvidedItem[] {
  const seen = new Set<string>();
  const result: ProvidedItem[] = [];
  for (const item of items) {
    const key = `${item.kind}\u0000${item.name}\u0000${item.module}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(item);
  }
  return result;
}

function mergeCategories(categories: readonly MenuselectCategory[]): MenuselectCategory[] {
  const byName = new Map<string, MenuselectCategory>();
  for (const category of categories) {
    const existing = byName.get(category.name);
    if (!existing) {
      byName.set(category.name, {
        name: category.name,
        displayName: category.displayName,
        members: [...category.members],
      });
      continue;
    }
    for (const member of category.members)
      if (!existing.members.includes(member)) existing.members.push(member);
  }
  return [...byName.values()];
}

function mergeInfo(
  fragments: readonly GraphFragment[],
  modules: Record<string, ModuleInfo>,
  options: MergeOptions,
): DatasetInfo {
  const sources: SourceRef[] = [];
  for (const f of fragments) addRefs(sources, f.info.sources);
  const stated = fragments.find((f) => f.info.builtinOrder && f.info.builtinOrder.length > 0)?.info
    .builtinOrder;
  const builtins = Object.values(modules)
    .filter((m) => m.kind === 'builtin')
    .map((m) => m.name);
  const info: DatasetInfo = {
    version: options.version ?? fragments.find((f) => f.info.version !== undefined)?.info.version ?? 'custom',
    sources,
    hasLinkFacts: fragments.some((f) => f.info.hasLinkFacts === true),
    builtinOrder: options.builtinOrder ?? stated ?? deriveBuiltinOrder(builtins),
  };
  const commit = options.commit ?? fragments.find((f) => f.info.commit !== undefined)?.info.commit;
  if (commit !== undefined) info.commit = commit;
  const borrowed = fragments.find((f) => f.info.runtimeFactsFrom !== undefined)?.info.runtimeFactsFrom;
  if (borrowed) info.runtimeFactsFrom = { ...borrowed };
  return info;
}
