import {
  indexEdges,
  type DependencyEdge,
  type ModuleGraph,
  type ModuleInfo,
  type Problem,
  type RuntimeFactsMatch,
  type SourceRef,
} from '../model';
import { deriveBuiltinOrder } from './builtinOrder';

const LOADER_EDGE_KINDS = new Set(['requires', 'optional', 'enhances']);

function isLoaderRef(ref: SourceRef): boolean {
  return ref.kind === 'runtime' || ref.kind === 'trace-metadata';
}

function loadableNames(graph: ModuleGraph): Set<string> {
  return new Set(
    Object.values(graph.modules)
      .filter((m) => m.kind === 'loadable')
      .map((m) => m.name),
  );
}

/** True when some module of the graph has a load priority: the graph already carries loader facts. */
export function hasRuntimeFacts(graph: ModuleGraph): boolean {
  return Object.values(graph.modules).some((m) => m.loadPriority !== undefined);
}

export interface DatasetMatch extends RuntimeFactsMatch {
  /** Jaccard similarity of the two loadable module sets, to break ties between equal shares. */
  similarity: number;
}

/** How well each built-in dataset's loadable modules cover the graph's, best first. */
export function rankBuiltinDatasets(graph: ModuleGraph, builtins: readonly ModuleGraph[]): DatasetMatch[] {
  const mine = loadableNames(graph);
  const scored = builtins.map((dataset, order) => {
    const theirs = loadableNames(dataset);
    let matchedCount = 0;
    for (const name of mine)
      if (theirs.has(name) || dataset.modules[name]?.kind === 'builtin') matchedCount++;
    const union = new Set([...mine, ...theirs]).size;
    return {
      order,
      match: {
        version: dataset.info.version,
        matched: mine.size === 0 ? 0 : matchedCount / mine.size,
        matchedCount,
        total: mine.size,
        similarity: union === 0 ? 0 : matchedCount / union,
      },
    };
  });
  // Full ties go to the later dataset: given oldest first, that is the newer release.
  scored.sort(
    (a, b) =>
      b.match.matched - a.match.matched || b.match.similarity - a.match.similarity || b.order - a.order,
  );
  return scored.map((s) => s.match);
}

/**
 * A user's own xmldoc or menuselect-tree says nothing about load priorities, flags or requires.
 * Copies them from the built-in dataset whose loadable modules match best (or `preferredVersion`),
 * adds that dataset's built-in modules (the core modules others require, such as cdr or manager),
 * records the match in `info.runtimeFactsFrom` and says so in an info problem.
 */
export function borrowRuntimeFacts(
  graph: ModuleGraph,
  builtins: readonly ModuleGraph[],
  preferredVersion?: string,
): { graph: ModuleGraph; problems: Problem[] } {
  if (builtins.length === 0) return { graph, problems: [] };
  const ranking = rankBuiltinDatasets(graph, builtins);
  const chosenMatch =
    (preferredVersion !== undefined ? ranking.find((r) => r.version === preferredVersion) : undefined) ??
    ranking[0];
  const donor = builtins.find((b) => b.info.version === chosenMatch?.version);
  if (!chosenMatch || !donor) return { graph, problems: [] };
  const ref: SourceRef = { kind: 'runtime', file: `Asterisk ${donor.info.version} built-in dataset` };

  const modules: Record<string, ModuleInfo> = {};
  for (const [name, module] of Object.entries(graph.modules)) {
    const theirs = donor.modules[name];
    if (!theirs || (theirs.kind !== 'loadable' && theirs.kind !== 'builtin')) {
      modules[name] = module;
      continue;
    }
    modules[name] = withLoaderFacts(module, theirs, ref);
  }
  for (const builtin of Object.values(donor.modules)) {
    if (builtin.kind !== 'builtin') continue;
    const mine = modules[builtin.name];
    modules[builtin.name] = mine
      ? withLoaderFacts(mine, builtin, ref)
      : { ...structuredClone(builtin), sources: sourcesFrom(builtin, ref) };
  }

  const edges: DependencyEdge[] = graph.edges
    .filter((e) => !(LOADER_EDGE_KINDS.has(e.kind) && e.sources.every(isLoaderRef)))
    .map((e) => ({ ...e, sources: [...e.sources] }));
  for (const edge of donor.edges) {
    if (!LOADER_EDGE_KINDS.has(edge.kind) || !edge.sources.some(isLoaderRef) || !modules[edge.from]) continue;
    const existing = edges.find(
      (e) => e.from === edge.from && e.to === edge.to && e.kind === edge.kind && e.optional === undefined,
    );
    if (existing) existing.sources = [...existing.sources, ref];
    else edges.push({ from: edge.from, to: edge.to, kind: edge.kind, sources: [ref] });
  }

  const { similarity: _similarity, ...match } = chosenMatch;
  const info = { ...graph.info, runtimeFactsFrom: match };
  const builtinNames = Object.values(modules)
    .filter((m) => m.kind === 'builtin')
    .map((m) => m.name);
  info.builtinOrder =
    donor.info.builtinOrder.length > 0
      ? donor.info.builtinOrder.filter((n) => modules[n])
      : deriveBuiltinOrder(builtinNames);
  const percent = Math.round(match.matched * 100);
  const problem: Problem = {
    severity: 'info',
    code: 'runtime-facts-borrowed',
    message: `Load order facts from Asterisk ${match.version}, ${percent}% of modules matched (${match.matchedCount} of ${match.total}).`,
  };
  return { graph: { ...graph, info, modules, edges, ...indexEdges(edges) }, problems: [problem] };
}

function sourcesFrom(module: ModuleInfo, ref: SourceRef): ModuleInfo['sources'] {
  const sources: ModuleInfo['sources'] = {};
  for (const fact of Object.keys(module.sources) as Array<keyof ModuleInfo['sources']>) sources[fact] = [ref];
  return sources;
}

function withLoaderFacts(mine: ModuleInfo, theirs: ModuleInfo, ref: SourceRef): ModuleInfo {
  const merged: ModuleInfo = {
    ...mine,
    flags: [...theirs.flags],
    globalSymbols: theirs.globalSymbols,
    sources: { ...mine.sources, flags: [ref] },
  };
  if (theirs.loadPriority !== undefined) {
    merged.loadPriority = theirs.loadPriority;
    merged.sources.loadPriority = [ref];
  }
  if (theirs.hasLoad !== undefined) merged.hasLoad = theirs.hasLoad;
  if (theirs.kind === 'builtin' && mine.kind !== 'builtin') {
    merged.kind = 'builtin';
    merged.category = 'main';
    merged.sources.kind = [ref];
    merged.sources.category = [ref];
  }
  return merged;
}
