import type {
  DependencyEdge,
  EdgeKind,
  ModuleInfo,
  ParseResult,
  Problem,
  SourceKind,
  SourceRef,
} from '../model';
import { categoryFromFolder, emptyFragment, type GraphFragment } from './fragment';
import {
  entryNotObjectProblem,
  isJsonObject,
  readJsonObject,
  stringList,
  topLevelKeyPositions,
  type JsonObject,
} from './json/readJson';
import { toSupportLevel } from './moduleinfo';

/** AST_MODPRI_DEFAULT: the priority the loader uses when AST_MODFLAG_LOAD_ORDER is not set. */
export const DEFAULT_LOAD_PRIORITY = 128;

/**
 * The priority the start-order comparator uses: `load_pri` only counts when the module sets
 * AST_MODFLAG_LOAD_ORDER (main/loader.c: module_vector_cmp).
 */
export function effectiveLoadPriority(flags: readonly string[], loadPri: number | undefined): number {
  return flags.includes('AST_MODFLAG_LOAD_ORDER') && loadPri !== undefined ? loadPri : DEFAULT_LOAD_PRIORITY;
}

/**
 * Parses `runtime.json` (the shared data's table of each module's AST_MODULE_INFO): load priority,
 * flags, requires / optional_modules / enhances, whether it has a load callback, and whether it is
 * built into the core.
 */
export function parseRuntimeJson(text: string, file: string): ParseResult<GraphFragment> {
  const { value, problem } = readJsonObject(text, file);
  if (!value) return { data: undefined, problems: problem ? [problem] : [] };
  const problems: Problem[] = [];
  const fragment = emptyFragment({ sources: [{ kind: 'runtime', file }] });
  const positionOf = topLevelKeyPositions(text, Object.keys(value));
  for (const [name, entry] of Object.entries(value)) {
    const ref: SourceRef = { kind: 'runtime', file, ...(positionOf(name) ?? {}) };
    if (!isJsonObject(entry)) {
      problems.push(entryNotObjectProblem(file, name, ref));
      continue;
    }
    const flags = stringList(entry.flags);
    const loadPri = typeof entry.load_pri === 'number' ? entry.load_pri : undefined;
    const module = runtimeModule(name, entry, ref, flags, effectiveLoadPriority(flags, loadPri));
    if (typeof entry.description === 'string' && entry.description.trim() !== '') {
      module.description = entry.description.trim();
      module.sources.description = [ref];
    }
    if (typeof entry.has_load === 'boolean') module.hasLoad = entry.has_load;
    fragment.modules[name] = module;
    pushRuntimeEdges(fragment.edges, name, entry, ref);
  }
  return { data: fragment, problems };
}

/** The part runtime.json and the loader-trace metadata share. */
export function runtimeModule(
  name: string,
  entry: JsonObject,
  ref: SourceRef,
  flags: string[],
  loadPriority: number,
): ModuleInfo {
  const builtin = entry.builtin === true;
  const folder = typeof entry.category === 'string' ? entry.category : undefined;
  const module: ModuleInfo = {
    name,
    category: builtin ? 'main' : categoryFromFolder(folder),
    kind: builtin ? 'builtin' : 'loadable',
    supportLevel: 'unspecified',
    loadPriority,
    flags,
    globalSymbols: flags.includes('AST_MODFLAG_GLOBAL_SYMBOLS'),
    sources: { category: [ref], kind: [ref], loadPriority: [ref], flags: [ref] },
  };
  const level = toSupportLevel(typeof entry.support_level === 'string' ? entry.support_level : undefined);
  if (level) {
    module.supportLevel = level;
    module.sources.supportLevel = [ref];
  }
  return module;
}

const RUNTIME_EDGE_FIELDS: ReadonlyArray<readonly [string, EdgeKind]> = [
  ['requires', 'requires'],
  ['optional_modules', 'optional'],
  ['enhances', 'enhances'],
];

export function pushRuntimeEdges(
  edges: DependencyEdge[],
  from: string,
  entry: JsonObject,
  ref: SourceRef,
): void {
  for (const [field, kind] of RUNTIME_EDGE_FIELDS) {
    for (const to of stringList(entry[field])) edges.push({ from, to, kind, sources: [ref] });
  }
}

export function isRuntimeSource(kind: SourceKind): boolean {
  return kind === 'runtime' || kind === 'trace-metadata';
}
