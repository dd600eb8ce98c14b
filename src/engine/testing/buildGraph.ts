/**
 * Builds small ModuleGraphs for tests: each module is described by the loader facts that matter,
 * and the edges are written in declaration order (the order decides messages and ties).
 */
import type { DependencyEdge, EdgeKind, ModuleGraph, ModuleInfo, SourceRef, SupportLevel } from '../../model';
import { indexEdges } from '../../model';

export interface ModuleSpec {
  /** Effective load priority; default 128. */
  priority?: number;
  builtin?: boolean;
  globalSymbols?: boolean;
  hasLoad?: boolean;
  description?: string;
  supportLevel?: SupportLevel;
  deprecatedIn?: string;
  removedIn?: string;
  replacement?: string;
  requires?: string[];
  optional?: string[];
  enhances?: string[];
  /** Global-symbol modules the `.so` links against. */
  links?: string[];
  /** Build-time `<depend>` on modules. */
  depends?: string[];
}

export interface GraphOptions {
  /** Built-in registration order; default: built-ins in the order given. */
  builtinOrder?: string[];
  /** Whether `links` edges are real link facts; default true. */
  hasLinkFacts?: boolean;
  version?: string;
}

const RUNTIME: SourceRef[] = [{ kind: 'runtime', file: 'test' }];
const BUILD: SourceRef[] = [{ kind: 'menuselect-tree', file: 'test' }];

export function buildGraph(specs: Record<string, ModuleSpec>, options: GraphOptions = {}): ModuleGraph {
  const modules: Record<string, ModuleInfo> = {};
  const edges: DependencyEdge[] = [];
  const push = (from: string, kind: EdgeKind, targets: string[] | undefined): void => {
    for (const to of targets ?? [])
      edges.push({ from, to, kind, sources: kind === 'depends' ? BUILD : RUNTIME });
  };
  for (const [name, spec] of Object.entries(specs)) {
    const info: ModuleInfo = {
      name,
      description: spec.description ?? `${name} description`,
      category: spec.builtin ? 'main' : 'res',
      kind: spec.builtin ? 'builtin' : 'loadable',
      supportLevel: spec.supportLevel ?? 'core',
      loadPriority: spec.priority ?? 128,
      flags: [],
      globalSymbols: spec.globalSymbols ?? false,
      hasLoad: spec.hasLoad ?? true,
      // Every fact carries its source, so the graph survives Module Metadata XML and a merge.
      sources: {
        description: RUNTIME,
        category: RUNTIME,
        kind: RUNTIME,
        supportLevel: RUNTIME,
        loadPriority: RUNTIME,
        flags: RUNTIME,
        ...(spec.deprecatedIn || spec.removedIn || spec.replacement ? { deprecation: RUNTIME } : {}),
      },
    };
    if (spec.deprecatedIn !== undefined) info.deprecatedIn = spec.deprecatedIn;
    if (spec.removedIn !== undefined) info.removedIn = spec.removedIn;
    if (spec.replacement !== undefined) info.replacement = spec.replacement;
    modules[name] = info;
    push(name, 'requires', spec.requires);
    push(name, 'optional', spec.optional);
    push(name, 'enhances', spec.enhances);
    push(name, 'links', spec.links);
    push(name, 'depends', spec.depends);
  }
  const builtinOrder =
    options.builtinOrder ??
    Object.entries(specs)
      .filter(([, s]) => s.builtin)
      .map(([n]) => n);
  return {
    info: {
      version: options.version ?? 'test',
      sources: [],
      hasLinkFacts: options.hasLinkFacts ?? true,
      builtinOrder,
    },
    modules,
    libraries: {},
    edges,
    ...indexEdges(edges),
    items: [],
    categories: [],
  };
}
