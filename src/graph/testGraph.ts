import { indexEdges } from '../model';
import type {
  DependencyEdge,
  EdgeKind,
  ModuleGraph,
  ModuleInfo,
  ProvidedItem,
  ProvidedItemKind,
} from '../model';

/** Builds small ModuleGraphs for tests: only the facts a test cares about, sensible defaults for the rest. */
export interface TestGraphSpec {
  modules: Array<Partial<ModuleInfo> & { name: string }>;
  libraries?: string[];
  edges?: Array<[from: string, to: string, kind: EdgeKind, optional?: boolean]>;
  items?: Array<[kind: ProvidedItemKind, name: string, module: string]>;
}

export function testGraph(spec: TestGraphSpec): ModuleGraph {
  const modules: Record<string, ModuleInfo> = {};
  for (const m of spec.modules) {
    modules[m.name] = {
      category: 'res',
      kind: 'loadable',
      supportLevel: 'core',
      flags: [],
      globalSymbols: false,
      sources: {},
      ...m,
    };
  }
  const libraries = Object.fromEntries((spec.libraries ?? []).map((name) => [name, { name, sources: [] }]));
  const edges: DependencyEdge[] = (spec.edges ?? []).map(([from, to, kind, optional]) => ({
    from,
    to,
    kind,
    ...(optional === undefined ? {} : { optional }),
    sources: [],
  }));
  const items: ProvidedItem[] = (spec.items ?? []).map(([kind, name, module]) => ({ kind, name, module }));
  return {
    info: { version: 'test', sources: [], hasLinkFacts: false, builtinOrder: [] },
    modules,
    libraries,
    edges,
    ...indexEdges(edges),
    items,
    categories: [],
  };
}
