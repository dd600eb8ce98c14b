/**
 * A synthetic module graph the size of a very large build (default 20,000 modules and 60,000
 * edges) for benchmarking the loader simulation. Deterministic for a given seed. Dependencies
 * point from later to earlier modules, so the graph has no cycles, as real builds do not.
 */
import type { DependencyEdge, EdgeKind, ModuleGraph, ModuleInfo, SourceRef } from '../../model';
import { seededRandom } from './prng';
import { indexEdges } from '../../model';

export interface LargeGraphOptions {
  modules?: number;
  edges?: number;
  seed?: number;
}

/** Priorities by position: modules others build on load early, as AST_MODPRI_* are assigned. */
const TIERS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 110, 128, 128, 128, 128, 128, 150];
const BUILTINS = 16;
const SOURCES: SourceRef[] = [{ kind: 'runtime', file: 'generated' }];

export function moduleName(i: number): string {
  return `mod_${String(i).padStart(5, '0')}`;
}

export function generateLargeGraph(options: LargeGraphOptions = {}): ModuleGraph {
  const count = options.modules ?? 20000;
  const edgeCount = options.edges ?? 60000;
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const modules: Record<string, ModuleInfo> = {};
  const global: number[] = [];
  const builtinOrder: string[] = [];
  for (let i = 0; i < count; i++) {
    const builtin = i < BUILTINS;
    const name = builtin ? `core_${i}` : moduleName(i);
    const globalSymbols = !builtin && random() < 0.15;
    if (globalSymbols) global.push(i);
    if (builtin) builtinOrder.push(name);
    modules[name] = {
      name,
      description: `Synthetic module ${i}`,
      category: builtin ? 'main' : 'res',
      kind: builtin ? 'builtin' : 'loadable',
      supportLevel: 'core',
      // Mostly by tier, one in ten anywhere: those pull their dependencies in early.
      loadPriority: builtin
        ? i === 0
          ? 0
          : 40
        : random() < 0.1
          ? pick(TIERS)
          : (TIERS[Math.floor((i / count) * TIERS.length)] ?? 128),
      flags: [],
      globalSymbols,
      hasLoad: true,
      // Each fact names its source, so the graph survives Module Metadata XML and a merge.
      sources: {
        description: SOURCES,
        category: SOURCES,
        kind: SOURCES,
        supportLevel: SOURCES,
        loadPriority: SOURCES,
        flags: SOURCES,
      },
    };
  }
  const names = Object.keys(modules);
  const edges: DependencyEdge[] = [];
  const seen = new Set<string>();
  // Enhancers are rare in real builds (one in master, on a module nothing requires); a few here,
  // from modules with no other dependency to modules nothing depends on. Anything else builds
  // loops or the loader quirk where a pulled-in enhanced module's enhancer is not pulled with it.
  const enhanceCount = Math.min(Math.floor(edgeCount / 2000), Math.floor(count / 10));
  const hasOutgoing = new Set<number>();
  const hasIncoming = new Set<number>();
  while (edges.length < edgeCount - enhanceCount) {
    const from = BUILTINS + Math.floor(random() * (count - BUILTINS));
    const roll = random();
    const kind: EdgeKind = roll < 0.75 ? 'requires' : roll < 0.88 ? 'optional' : 'links';
    let to: number;
    if (kind === 'links') {
      // Links only ever name global-symbol modules built before this one.
      let below = 0;
      let hi = global.length;
      while (below < hi) {
        const mid = (below + hi) >> 1;
        if ((global[mid] ?? 0) < from) below = mid + 1;
        else hi = mid;
      }
      if (below === 0) continue;
      const lowest = Math.max(0, below - 64);
      to = global[lowest + Math.floor(random() * (below - lowest))] ?? 0;
    } else {
      to = Math.floor(random() * from);
    }
    const key = `${from}>${to}>${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hasOutgoing.add(from);
    hasIncoming.add(to);
    edges.push({ from: names[from] ?? '', to: names[to] ?? '', kind, sources: SOURCES });
  }
  const enhancers = new Set<number>();
  for (let guard = 0; enhancers.size < enhanceCount && guard < count * 10; guard++) {
    const from = BUILTINS + 1 + Math.floor(random() * (count - BUILTINS - 1));
    if (hasOutgoing.has(from) || enhancers.has(from)) continue;
    const to = BUILTINS + Math.floor(random() * (from - BUILTINS));
    if (hasIncoming.has(to)) continue;
    enhancers.add(from);
    hasIncoming.add(to);
    edges.push({ from: names[from] ?? '', to: names[to] ?? '', kind: 'enhances', sources: SOURCES });
  }
  return {
    info: { version: 'generated', sources: [], hasLinkFacts: true, builtinOrder },
    modules,
    libraries: {},
    edges,
    ...indexEdges(edges),
    items: [],
    categories: [],
  };
}

/** Module files of a generated graph in a shuffled (readdir-like) order. */
export function shuffledModuleFiles(graph: ModuleGraph, seed = 2): string[] {
  const random = seededRandom(seed);
  const files = Object.values(graph.modules)
    .filter((m) => m.kind === 'loadable')
    .map((m) => `${m.name}.so`);
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = files[i] as string;
    files[i] = files[j] as string;
    files[j] = a;
  }
  return files;
}
