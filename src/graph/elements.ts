import type {
  DependencyEdge,
  EdgeKind,
  ModuleCategory,
  ModuleGraph,
  ModuleInfo,
  ModuleKind,
  ProvidedItemKind,
  SupportLevel,
} from '../model';
import { CORE_PROVIDER } from '../model';

/** Which picture of the model is drawn. */
export type ViewMode = 'modules' | 'providers';

/** The part of the view settings that decides which elements exist (not where they are). */
export interface ElementView {
  mode: ViewMode;
  /** Draw external libraries (`pjproject`, `crypto`) as nodes with `uses-library` edges. */
  showLibraries: boolean;
  /** Draw entries that are not loadable modules (helper source files, build options). */
  showNonLoadable: boolean;
}

export const DEFAULT_ELEMENT_VIEW: ElementView = {
  mode: 'modules',
  showLibraries: false,
  showNonLoadable: false,
};

/** `group`: a module category (or all libraries, or all isolated modules) drawn as one node; `ghost`: a module of the other version of a comparison. */
export type NodeType = 'module' | 'library' | 'item' | 'group' | 'ghost';

export interface NodeData {
  id: string;
  label: string;
  type: NodeType;
  /** Module name, library name or the item's name as spelled first in the input. */
  name: string;
  category?: ModuleCategory;
  supportLevel?: SupportLevel;
  moduleKind?: ModuleKind;
  itemKind?: ProvidedItemKind;
  /** Provider view: names of the modules that provide the item, sorted. */
  providers?: string[];
  /** Group nodes: how many modules (or libraries) it stands for, and its diameter. */
  count?: number;
  size?: number;
  /** Label font size in model units, set while the node is labelled (see labelPlacement.ts). */
  fs?: number;
}

/**
 * `provides` only exists in the provider view: item -> module that registers it; `aggregate`
 * stands for several dependency edges when a group node is at one end.
 */
export type DrawnEdgeKind = EdgeKind | 'provides' | 'aggregate';

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  kind: DrawnEdgeKind;
  /** Aggregated edges: how many dependency edges, the drawn label and line width, a summary by kind. */
  count?: number;
  label?: string;
  width?: number;
  title?: string;
}

export interface NodeElement {
  group: 'nodes';
  data: NodeData;
  /** Space-separated base classes; state classes (selected, dimmed...) are added by the adapter. */
  classes: string;
}

export interface EdgeElement {
  group: 'edges';
  data: EdgeData;
  classes: string;
}

export interface GraphElements {
  nodes: NodeElement[];
  edges: EdgeElement[];
}

/** Item kinds drawn in the provider view: the names admins type in dialplans, AMI clients and AGI scripts. */
export const PROVIDER_VIEW_ITEM_KINDS: readonly ProvidedItemKind[] = [
  'application',
  'function',
  'manager',
  'agi',
];

export function libraryNodeId(name: string): string {
  return `lib:${name}`;
}

/** Asterisk looks applications and functions up case-insensitively (`pbx_app.c: pbx_findapp`). */
export function itemNodeId(kind: ProvidedItemKind, name: string): string {
  return `item:${kind}:${name.toLowerCase()}`;
}

/** Module nodes use the bare module name as id so a selection survives a change of view. */
export function moduleNodeId(name: string): string {
  return name;
}

export function isDrawnModule(info: ModuleInfo, view: Pick<ElementView, 'showNonLoadable'>): boolean {
  if (info.kind === 'loadable' || info.kind === 'builtin') return true;
  return view.showNonLoadable;
}

export function toElements(graph: ModuleGraph, view: ElementView): GraphElements {
  return view.mode === 'providers' ? toProviderElements(graph) : toModuleElements(graph, view);
}

function moduleNode(info: ModuleInfo): NodeElement {
  const classes = ['module', `cat-${info.category}`, `support-${info.supportLevel}`, `kind-${info.kind}`];
  return {
    group: 'nodes',
    data: {
      id: moduleNodeId(info.name),
      label: info.name,
      type: 'module',
      name: info.name,
      category: info.category,
      supportLevel: info.supportLevel,
      moduleKind: info.kind,
    },
    classes: classes.join(' '),
  };
}

function edgeElement(
  kind: DrawnEdgeKind,
  source: string,
  target: string,
  extraClasses: string[] = [],
): EdgeElement {
  return {
    group: 'edges',
    data: { id: `${kind}:${source}->${target}`, source, target, kind },
    classes: [`edge-${kind}`, ...extraClasses].join(' '),
  };
}

function toModuleElements(graph: ModuleGraph, view: ElementView): GraphElements {
  const nodes = new Map<string, NodeElement>();
  for (const info of Object.values(graph.modules)) {
    if (isDrawnModule(info, view)) nodes.set(moduleNodeId(info.name), moduleNode(info));
  }
  if (view.showLibraries) {
    for (const lib of Object.values(graph.libraries)) {
      const id = libraryNodeId(lib.name);
      nodes.set(id, {
        group: 'nodes',
        data: { id, label: lib.name, type: 'library', name: lib.name },
        classes: 'library',
      });
    }
  }

  const edges = new Map<string, EdgeElement>();
  for (const edge of graph.edges) {
    const target = edgeTargetId(graph, edge);
    const source = moduleNodeId(edge.from);
    if (target === undefined || !nodes.has(source) || !nodes.has(target) || source === target) continue;
    const element = edgeElement(edge.kind, source, target, edge.optional ? ['optional-use'] : []);
    const seen = edges.get(element.data.id);
    // The same library can be both `<depend>`ed and `<use>`d; a hard dependency wins.
    if (!seen || (hasClass(seen, 'optional-use') && !edge.optional)) edges.set(element.data.id, element);
  }
  return withIsolation([...nodes.values()], [...edges.values()]);
}

function edgeTargetId(graph: ModuleGraph, edge: DependencyEdge): string | undefined {
  if (edge.kind === 'uses-library') return graph.libraries[edge.to] ? libraryNodeId(edge.to) : undefined;
  return graph.modules[edge.to] ? moduleNodeId(edge.to) : undefined;
}

function toProviderElements(graph: ModuleGraph): GraphElements {
  interface Group {
    kind: ProvidedItemKind;
    name: string;
    providers: Set<string>;
  }
  const groups = new Map<string, Group>();
  for (const item of graph.items) {
    if (!PROVIDER_VIEW_ITEM_KINDS.includes(item.kind)) continue;
    const id = itemNodeId(item.kind, item.name);
    let group = groups.get(id);
    if (!group) {
      group = { kind: item.kind, name: item.name, providers: new Set() };
      groups.set(id, group);
    }
    group.providers.add(item.module);
  }

  const nodes = new Map<string, NodeElement>();
  const edges: EdgeElement[] = [];
  for (const [id, group] of groups) {
    const providers = [...group.providers].sort();
    const classes = ['item', `item-${group.kind}`];
    if (providers.length > 1) classes.push('multi-provider');
    nodes.set(id, {
      group: 'nodes',
      data: {
        id,
        label: group.kind === 'function' ? `${group.name}()` : group.name,
        type: 'item',
        name: group.name,
        itemKind: group.kind,
        providers,
      },
      classes: classes.join(' '),
    });
    for (const provider of providers) {
      const moduleId = moduleNodeId(provider);
      if (!nodes.has(moduleId)) nodes.set(moduleId, providerNode(graph, provider));
      edges.push(edgeElement('provides', id, moduleId, providers.length > 1 ? ['multi-provider'] : []));
    }
  }
  return withIsolation([...nodes.values()], edges);
}

function providerNode(graph: ModuleGraph, name: string): NodeElement {
  const info = graph.modules[name];
  if (info) return moduleNode(info);
  // `module="builtin"` in the xmldoc: the core itself, which has no MODULEINFO of its own.
  const category: ModuleCategory = name === CORE_PROVIDER ? 'main' : 'other';
  return {
    group: 'nodes',
    data: { id: moduleNodeId(name), label: name, type: 'module', name, category, supportLevel: 'core' },
    classes: `module cat-${category} support-core provider-only`,
  };
}

/** Marks nodes without drawn edges so layouts can pack them in a grid aside. */
function withIsolation(nodes: NodeElement[], edges: EdgeElement[]): GraphElements {
  const linked = new Set<string>();
  for (const e of edges) {
    linked.add(e.data.source);
    linked.add(e.data.target);
  }
  for (const n of nodes) {
    if (!linked.has(n.data.id)) n.classes += ' isolated';
  }
  nodes.sort((a, b) => compareStrings(a.data.id, b.data.id));
  edges.sort((a, b) => compareStrings(a.data.id, b.data.id));
  return { nodes, edges };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hasClass(element: { classes: string }, cls: string): boolean {
  return element.classes.split(' ').includes(cls);
}
