import type { EdgeKind, ModuleCategory, ModuleGraph, ModuleKind, SupportLevel } from '../model';
import { toElements } from './elements';
import type { EdgeElement, GraphElements, NodeElement } from './elements';

/**
 * Every element a dataset can ever draw, built once per graph. Views, filters, focus and overlays
 * only decide which of these are visible and which state classes they carry (see `scene.ts`);
 * they never rebuild or re-add them.
 */

/** What a group node stands for: a module category, or all external libraries. */
export type GroupKey = ModuleCategory | 'libraries';

export const ISOLATED_GROUP_ID = 'group:isolated';

/** Up to this many nodes every element is added at once; bigger inputs add what a scene needs. */
export const LARGE_UNIVERSE_NODES = 3000;

export function groupNodeId(key: GroupKey): string {
  return `group:${key}`;
}

/** An edge between two drawn ends that stands for several dependency edges (a group at one end). */
export function aggregateEdgeId(source: string, target: string): string {
  return `agg:${source}=>${target}`;
}

/** A module of the other version of a comparison, drawn where the graph has room. */
export function ghostNodeId(name: string): string {
  return `ghost:${name}`;
}

export interface UniverseNode {
  element: NodeElement;
  type: 'module' | 'library';
  group: GroupKey;
  moduleKind?: ModuleKind;
  supportLevel?: SupportLevel;
}

export interface UniverseEdge {
  element: EdgeElement;
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
}

export interface GraphUniverse {
  graph: ModuleGraph;
  /** Modules of every kind and libraries, by id. */
  nodes: ReadonlyMap<string, UniverseNode>;
  /** Module -> module and module -> library edges, one per kind and pair. */
  edges: readonly UniverseEdge[];
  /** Distinct neighbours over all edges: hubs get their labels first. */
  degree: ReadonlyMap<string, number>;
  /** Loadable and built-in modules: what the header counts. */
  moduleCount: number;
}

function withoutClass(classes: string, cls: string): string {
  return classes
    .split(' ')
    .filter((c) => c && c !== cls)
    .join(' ');
}

export function buildUniverse(graph: ModuleGraph): GraphUniverse {
  const all = toElements(graph, { mode: 'modules', showLibraries: true, showNonLoadable: true });
  const nodes = new Map<string, UniverseNode>();
  let moduleCount = 0;
  for (const n of all.nodes) {
    // Isolation depends on what the filters leave; the scene decides it each time.
    const element: NodeElement = { ...n, classes: withoutClass(n.classes, 'isolated') };
    if (n.data.type === 'library') {
      nodes.set(n.data.id, { element, type: 'library', group: 'libraries' });
      continue;
    }
    const moduleKind = n.data.moduleKind;
    if (moduleKind === 'loadable' || moduleKind === 'builtin') moduleCount += 1;
    nodes.set(n.data.id, {
      element,
      type: 'module',
      group: n.data.category ?? 'other',
      ...(moduleKind ? { moduleKind } : {}),
      ...(n.data.supportLevel ? { supportLevel: n.data.supportLevel } : {}),
    });
  }
  const edges: UniverseEdge[] = [];
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    let set = neighbours.get(a);
    if (!set) neighbours.set(a, (set = new Set()));
    set.add(b);
  };
  for (const e of all.edges) {
    const kind = e.data.kind;
    if (kind === 'provides' || kind === 'aggregate') continue;
    edges.push({ element: e, id: e.data.id, kind, source: e.data.source, target: e.data.target });
    link(e.data.source, e.data.target);
    link(e.data.target, e.data.source);
  }
  const degree = new Map<string, number>();
  for (const [id, set] of neighbours) degree.set(id, set.size);
  return { graph, nodes, edges, degree, moduleCount };
}

const providerCache = new WeakMap<GraphUniverse, GraphElements>();

/**
 * The provider view's elements (applications, functions, AMI actions, AGI commands and the
 * modules that provide them), built on first use. Module nodes share ids with the module view.
 */
export function providerElements(universe: GraphUniverse): GraphElements {
  let elements = providerCache.get(universe);
  if (!elements) {
    const built = toElements(universe.graph, {
      mode: 'providers',
      showLibraries: false,
      showNonLoadable: false,
    });
    elements = {
      nodes: built.nodes.map((n) => ({ ...n, classes: withoutClass(n.classes, 'isolated') })),
      edges: built.edges,
    };
    providerCache.set(universe, elements);
  }
  return elements;
}
