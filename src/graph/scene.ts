import type { EdgeKind, ModuleCategory, SupportLevel } from '../model';
import { EDGE_KINDS } from '../model';
import { foldEdges } from '../engine';
import type { FoldedEdge } from '../engine';
import type { EdgeElement, ElementView, NodeElement, ViewMode } from './elements';
import { GROUP_LABEL_FONT, LABEL_FONT, LABEL_LINE, labelWidth } from './labelMetrics';
import type { LayoutAlgorithm, LayoutEdge, LayoutInput, LayoutNode } from './layoutInput';
import { NODE_SIZE } from './stylesheet';
import { ISOLATED_GROUP_ID, aggregateEdgeId, ghostNodeId, groupNodeId, providerElements } from './universe';
import type { GraphUniverse, GroupKey, UniverseNode } from './universe';
import type { SceneEdge } from './reach';

/**
 * The pure heart of the graph view: from the elements of a dataset (built once) and the view
 * state (mode, filters, grouping, focus, selection, overlays) it derives which elements are
 * visible, which state classes each carries, the group nodes and aggregated edges to draw, the
 * layout the picture needs and the counts the toolbar shows. The adapter applies it as a diff.
 */

export type OutsideFocus = 'hide' | 'dim';

/** Above this many modules the whole graph is only ever drawn grouped, and a bigger group is not expanded. */
export const LARGE_GRAPH_MODULES = 2000;

export interface SceneFilters {
  showLibraries: boolean;
  showNonLoadable: boolean;
  hiddenCategories: readonly ModuleCategory[];
  hiddenSupportLevels: readonly SupportLevel[];
  hiddenEdgeKinds: readonly EdgeKind[];
  /** Simulated outcomes (`running`, `declined`...) whose modules are hidden; only with a result. */
  hiddenOutcomes: readonly string[];
}

export const NO_FILTERS: SceneFilters = {
  showLibraries: false,
  showNonLoadable: false,
  hiddenCategories: [],
  hiddenSupportLevels: [],
  hiddenEdgeKinds: [],
  hiddenOutcomes: [],
};

export interface SceneGrouping {
  enabled: boolean;
  expanded: readonly GroupKey[];
  isolatedExpanded: boolean;
}

export interface SceneFocus {
  center: string;
  /** The focus set (the engine's `focusNeighbourhood`), center included. */
  nodes: readonly string[];
  /** Direct dependencies and dependents of the center: always labelled. */
  direct: readonly string[];
  outside: OutsideFocus;
}

export interface SceneHighlight {
  nodes: readonly string[];
  edges: ReadonlyArray<readonly [string, string]>;
  origin?: string;
}

export interface SceneCompare {
  added: readonly string[];
  removed: readonly string[];
  changed: readonly string[];
}

export interface SceneInput {
  mode: ViewMode;
  algorithm: LayoutAlgorithm;
  filters: SceneFilters;
  /** Module id -> simulated outcome, when a simulation result is shown. */
  outcomes?: ReadonlyMap<string, string>;
  grouping: SceneGrouping;
  focus?: SceneFocus;
  selectedId?: string;
  highlight?: SceneHighlight;
  compare?: SceneCompare;
}

/** Where the picture's positions come from. */
export type LayoutPlan =
  /** The whole graph of an element view: precomputed for built-in datasets, else laid out once. */
  | { kind: 'whole'; view: ElementView; key: string; algorithm: LayoutAlgorithm }
  /** Only group nodes: a dozen nodes laid out on the main thread at once. */
  | { kind: 'groups'; key: string; input: LayoutInput; offsets: Record<string, number> }
  /** A part of the graph (focus, expanded groups): laid out in the layout worker. */
  | {
      kind: 'computed';
      key: string;
      input: LayoutInput;
      offsets: Record<string, number>;
      algorithm: LayoutAlgorithm;
    };

export interface ShownCounts {
  modulesShown: number;
  modulesTotal: number;
  edgesShown: number;
  groups: number;
  /** Provider view: items drawn. */
  items?: number;
}

export interface Scene {
  /** Visible nodes and the state classes they carry (space separated, '' for none). */
  nodeClasses: Map<string, string>;
  edgeClasses: Map<string, string>;
  /** The visible edges with their ends (hover reach and keyboard moves follow them). */
  edges: SceneEdge[];
  /** Classes a node keeps even while hidden (what a comparison says about it). */
  persistent: Map<string, string>;
  /** The focused module, centred by the view. */
  center?: string;
  /** Group nodes, ghost nodes and aggregated edges with their current data. */
  virtual: Map<string, NodeElement | EdgeElement>;
  /** Group node -> the module ids it stands for. */
  members: Map<string, string[]>;
  layout: LayoutPlan;
  counts: ShownCounts;
  /** The selected node, when drawn: always labelled. */
  selected?: string;
  /** Labelled before the hubs, in this order: selection, origin, direct neighbours, highlight. */
  labelFirst: string[];
  /** A focus too big to draw (more than {@link LARGE_GRAPH_MODULES} modules): the whole view stays. */
  refusedFocus?: { center: string; count: number };
  grouped: boolean;
}

const CATEGORY_OF_PREFIX: Record<string, ModuleCategory> = {
  app: 'apps',
  bridge: 'bridges',
  cdr: 'cdr',
  cel: 'cel',
  chan: 'channels',
  codec: 'codecs',
  format: 'formats',
  func: 'funcs',
  pbx: 'pbx',
  res: 'res',
  test: 'tests',
};

/** A removed module's category as its name says (it is not in the graph on screen). */
export function categoryOfName(name: string): ModuleCategory {
  return CATEGORY_OF_PREFIX[name.split('_')[0] ?? ''] ?? 'other';
}

export function groupSize(count: number): number {
  return Math.min(150, Math.round(26 + 7 * Math.sqrt(count)));
}

function groupLabel(key: GroupKey | 'isolated', count: number): string {
  const name = key === 'isolated' ? 'Isolated' : key;
  return `${name} · ${count.toLocaleString('en-US')}`;
}

function groupElement(id: string, key: GroupKey | 'isolated', count: number): NodeElement {
  // Isolated modules matter least: their group stays small however many it holds.
  const size = key === 'isolated' ? Math.min(56, groupSize(count)) : groupSize(count);
  const classes = [
    'group',
    key === 'isolated' ? 'group-isolated' : key === 'libraries' ? 'library' : `cat-${key}`,
  ];
  return {
    group: 'nodes',
    data: {
      id,
      label: groupLabel(key, count),
      type: 'group',
      name: key,
      ...(key !== 'isolated' && key !== 'libraries' ? { category: key } : {}),
      count,
      size,
      fs: GROUP_LABEL_FONT,
    },
    classes: classes.join(' '),
  };
}

function kindSummary(kinds: FoldedEdge['kinds']): string {
  return EDGE_KINDS.filter((k) => kinds[k] !== undefined)
    .map((k) => `${kinds[k]} ${k}`)
    .join(', ');
}

function aggregateElement(a: FoldedEdge): EdgeElement {
  const label = a.count.toLocaleString('en-US');
  return {
    group: 'edges',
    data: {
      id: aggregateEdgeId(a.from, a.to),
      source: a.from,
      target: a.to,
      kind: 'aggregate',
      count: a.count,
      label,
      width: Math.min(7, 1 + Math.log2(a.count)),
      title: `${label} dependency edges: ${kindSummary(a.kinds)}`,
    },
    classes: 'edge-aggregate',
  };
}

function addClass(map: Map<string, string[]>, id: string, cls: string): void {
  const list = map.get(id);
  if (list) {
    if (!list.includes(cls)) list.push(cls);
  } else map.set(id, [cls]);
}

/** FNV-1a: a short stable key for a set of ids, so a layout computed once is found again. */
export function hashKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function isCountedModule(n: UniverseNode, showNonLoadable: boolean): boolean {
  if (n.type !== 'module') return false;
  return n.moduleKind === 'loadable' || n.moduleKind === 'builtin' || showNonLoadable;
}

export function deriveScene(universe: GraphUniverse, input: SceneInput): Scene {
  return input.mode === 'providers' ? providerScene(universe, input) : moduleScene(universe, input);
}

function moduleScene(universe: GraphUniverse, input: SceneInput): Scene {
  const { filters, grouping, highlight, compare } = input;
  // A focus that reaches thousands of modules cannot be drawn readably: say so, keep the whole view.
  const tooBig = input.focus !== undefined && input.focus.nodes.length > LARGE_GRAPH_MODULES;
  const focus = tooBig ? undefined : input.focus;
  const hiddenCategories = new Set<string>(filters.hiddenCategories);
  const hiddenSupport = new Set<string>(filters.hiddenSupportLevels);
  const hiddenKinds = new Set<string>(filters.hiddenEdgeKinds);
  const hiddenOutcomes = new Set(input.outcomes ? filters.hiddenOutcomes : []);
  const large = universe.moduleCount > LARGE_GRAPH_MODULES;

  const pinned = new Set<string>();
  if (input.selectedId !== undefined && universe.nodes.has(input.selectedId)) pinned.add(input.selectedId);
  for (const id of highlight?.nodes ?? []) if (universe.nodes.has(id)) pinned.add(id);

  const passes = (id: string, n: UniverseNode): boolean => {
    if (pinned.has(id)) return true;
    if (n.type === 'library') return filters.showLibraries;
    if (n.moduleKind !== 'loadable' && n.moduleKind !== 'builtin' && !filters.showNonLoadable) return false;
    if (hiddenCategories.has(n.group)) return false;
    if (n.supportLevel !== undefined && hiddenSupport.has(n.supportLevel)) return false;
    if (hiddenOutcomes.size > 0) {
      const outcome = input.outcomes?.get(id);
      if (outcome !== undefined && hiddenOutcomes.has(outcome)) return false;
    }
    return true;
  };

  const passing = new Set<string>();
  for (const [id, n] of universe.nodes) if (passes(id, n)) passing.add(id);
  const edges = universe.edges.filter(
    (e) => !hiddenKinds.has(e.kind) && passing.has(e.source) && passing.has(e.target),
  );
  const linked = new Set<string>();
  for (const e of edges) {
    linked.add(e.source);
    linked.add(e.target);
  }

  const focusHide = focus !== undefined && focus.outside === 'hide';
  const focusDim = focus !== undefined && focus.outside === 'dim';
  const focusSet = new Set(focus?.nodes ?? []);
  if (focus) focusSet.add(focus.center);
  if (focus && filters.showLibraries) {
    // Libraries are not followed by focus questions; show the ones the focused modules use.
    const modules = new Set(focusSet);
    for (const e of edges) if (e.kind === 'uses-library' && modules.has(e.source)) focusSet.add(e.target);
  }
  // A comparison is read on the whole graph, every module where it always is: grouping waits.
  const grouped = focus === undefined && (large || (grouping.enabled && compare === undefined));
  const expanded = new Set<string>(grouping.expanded);

  const rep = new Map<string, string>();
  for (const id of passing) {
    const n = universe.nodes.get(id);
    if (!n) continue;
    if (pinned.has(id)) rep.set(id, id);
    else if (focusHide) {
      if (focusSet.has(id)) rep.set(id, id);
    } else if (!linked.has(id)) rep.set(id, grouping.isolatedExpanded ? id : ISOLATED_GROUP_ID);
    else if (grouped && !expanded.has(n.group)) rep.set(id, groupNodeId(n.group));
    else rep.set(id, id);
  }

  const nodeClasses = new Map<string, string[]>();
  const edgeClasses = new Map<string, string[]>();
  const virtual = new Map<string, NodeElement | EdgeElement>();
  const members = new Map<string, string[]>();
  for (const [id, r] of rep) {
    if (!nodeClasses.has(r)) nodeClasses.set(r, []);
    if (r !== id) {
      const list = members.get(r);
      if (list) list.push(id);
      else members.set(r, [id]);
    }
  }

  // Edges inside one group are not drawn: the group's members are not either.
  const folded = foldEdges(
    edges,
    (e) => ({ from: e.source, to: e.target, kind: e.kind }),
    (id) => rep.get(id),
  );
  for (const e of folded.kept) edgeClasses.set(e.id, []);
  for (const [id, list] of members) {
    const key = id === ISOLATED_GROUP_ID ? 'isolated' : (universe.nodes.get(list[0] ?? '')?.group ?? 'other');
    virtual.set(id, groupElement(id, key, list.length));
  }
  for (const agg of folded.between.values()) {
    const id = aggregateEdgeId(agg.from, agg.to);
    virtual.set(id, aggregateElement(agg));
    edgeClasses.set(id, []);
  }

  const labelFirst: string[] = [];
  if (input.selectedId !== undefined && nodeClasses.has(input.selectedId)) {
    addClass(nodeClasses, input.selectedId, 'selected');
    labelFirst.push(input.selectedId);
  }
  if (focus) {
    for (const id of focus.direct) {
      if (!nodeClasses.has(id)) continue;
      addClass(nodeClasses, id, 'focus-direct');
      labelFirst.push(id);
    }
    if (focusDim) {
      for (const id of nodeClasses.keys()) if (!focusSet.has(id)) addClass(nodeClasses, id, 'dimmed');
      for (const id of edgeClasses.keys()) {
        const e = edgeEnds(universe, virtual, id);
        if (!e || !focusSet.has(e.source) || !focusSet.has(e.target)) addClass(edgeClasses, id, 'dimmed');
      }
    }
  }

  if (highlight) {
    const hlNodes = new Set(highlight.nodes);
    const hlPairs = new Set(highlight.edges.map(([a, b]) => `${a}\u0000${b}`));
    for (const id of nodeClasses.keys()) addClass(nodeClasses, id, hlNodes.has(id) ? 'hl' : 'dimmed');
    for (const id of edgeClasses.keys()) {
      const e = edgeEnds(universe, virtual, id);
      const hl = e !== undefined && hlPairs.has(`${e.source}\u0000${e.target}`);
      addClass(edgeClasses, id, hl ? 'hl' : 'dimmed');
    }
    if (highlight.origin !== undefined && nodeClasses.has(highlight.origin)) {
      addClass(nodeClasses, highlight.origin, 'hl-origin');
      labelFirst.push(highlight.origin);
    }
    for (const id of highlight.nodes) if (nodeClasses.has(id)) labelFirst.push(id);
  }

  const persistent = new Map<string, string>();
  if (compare) {
    for (const id of compare.added) if (universe.nodes.has(id)) persistent.set(id, 'diff-added');
    for (const id of compare.changed) if (universe.nodes.has(id)) persistent.set(id, 'diff-changed');
    for (const id of [...compare.added, ...compare.changed]) if (nodeClasses.has(id)) labelFirst.push(id);
    if (!focusHide) {
      for (const name of compare.removed) {
        if (universe.nodes.has(name)) continue;
        const id = ghostNodeId(name);
        const category = categoryOfName(name);
        virtual.set(id, {
          group: 'nodes',
          data: { id, label: name, type: 'ghost', name, category },
          classes: `ghost cat-${category}`,
        });
        nodeClasses.set(id, ['diff-removed']);
      }
    }
  }
  for (const classes of nodeClasses.values()) {
    // A node outside the focus that a highlight names is drawn highlighted: the highlight wins.
    if (classes.includes('hl') && classes.includes('dimmed')) classes.splice(classes.indexOf('dimmed'), 1);
  }

  const counts = countScene(universe, rep, nodeClasses, edgeClasses, virtual, filters.showNonLoadable);
  const individuals = [...nodeClasses.keys()].some((id) => universe.nodes.has(id));
  const view: ElementView = {
    mode: 'modules',
    showLibraries: filters.showLibraries,
    showNonLoadable: filters.showNonLoadable,
  };
  let layout: LayoutPlan;
  if (focusHide || (grouped && (individuals || pinned.size > 0))) {
    layout = computedPlan('computed', universe, nodeClasses, edgeClasses, virtual, input.algorithm);
  } else if (grouped) {
    layout = computedPlan('groups', universe, nodeClasses, edgeClasses, virtual, input.algorithm);
  } else {
    layout = {
      kind: 'whole',
      view,
      key: `${input.algorithm}/whole/libraries=${filters.showLibraries}/non-loadable=${filters.showNonLoadable}`,
      algorithm: input.algorithm,
    };
  }

  const sceneEdges: SceneEdge[] = [];
  for (const id of edgeClasses.keys()) {
    const e = edgeEnds(universe, virtual, id);
    if (e) sceneEdges.push({ id, source: e.source, target: e.target });
  }
  return {
    nodeClasses: joinClasses(nodeClasses),
    edgeClasses: joinClasses(edgeClasses),
    edges: sceneEdges,
    persistent,
    ...(focus && nodeClasses.has(focus.center) ? { center: focus.center } : {}),
    ...(input.selectedId !== undefined && nodeClasses.has(input.selectedId)
      ? { selected: input.selectedId }
      : {}),
    virtual,
    members,
    layout,
    counts,
    labelFirst: [...new Set(labelFirst)],
    grouped,
    ...(tooBig && input.focus
      ? { refusedFocus: { center: input.focus.center, count: input.focus.nodes.length } }
      : {}),
  };
}

function edgeEnds(
  universe: GraphUniverse,
  virtual: Map<string, NodeElement | EdgeElement>,
  id: string,
): { source: string; target: string } | undefined {
  const v = virtual.get(id);
  if (v && v.group === 'edges') return { source: v.data.source, target: v.data.target };
  return edgeIndex(universe).get(id);
}

const edgeIndexCache = new WeakMap<GraphUniverse, Map<string, { source: string; target: string }>>();

function edgeIndex(universe: GraphUniverse): Map<string, { source: string; target: string }> {
  let index = edgeIndexCache.get(universe);
  if (!index) {
    index = new Map(universe.edges.map((e) => [e.id, { source: e.source, target: e.target }]));
    edgeIndexCache.set(universe, index);
  }
  return index;
}

function joinClasses(map: Map<string, string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, list] of map) out.set(id, list.join(' '));
  return out;
}

function countScene(
  universe: GraphUniverse,
  rep: Map<string, string>,
  nodeClasses: Map<string, string[]>,
  edgeClasses: Map<string, string[]>,
  virtual: Map<string, NodeElement | EdgeElement>,
  showNonLoadable: boolean,
): ShownCounts {
  let modulesTotal = 0;
  let modulesShown = 0;
  for (const [id, n] of universe.nodes) {
    if (!isCountedModule(n, showNonLoadable)) continue;
    modulesTotal += 1;
    const r = rep.get(id);
    if (r !== undefined && !(nodeClasses.get(r) ?? []).includes('dimmed')) modulesShown += 1;
  }
  let edgesShown = 0;
  for (const [id, classes] of edgeClasses) {
    if (classes.includes('dimmed')) continue;
    const v = virtual.get(id);
    edgesShown += v && v.group === 'edges' ? (v.data.count ?? 1) : 1;
  }
  let groups = 0;
  for (const v of virtual.values()) {
    if (
      v.group === 'nodes' &&
      v.data.type === 'group' &&
      !(nodeClasses.get(v.data.id) ?? []).includes('dimmed')
    )
      groups += 1;
  }
  return { modulesShown, modulesTotal, edgesShown, groups };
}

/** Layout boxes wide enough for the label under each node, so a layered layout cannot overlap labels. */
export function sceneLayoutNode(
  element: NodeElement,
  isolated: boolean,
): { node: LayoutNode; offset: number } {
  const d = element.data;
  if (d.type === 'group') {
    const size = d.size ?? NODE_SIZE.group;
    return {
      node: {
        id: d.id,
        width: Math.max(size, labelWidth(d.label, GROUP_LABEL_FONT)),
        height: size + LABEL_LINE + 4,
        group: d.category ?? d.name,
        isolated,
      },
      offset: (LABEL_LINE + 4) / 2,
    };
  }
  const size = NODE_SIZE[d.type];
  const width = d.type === 'library' ? size * 1.6 : size;
  return {
    node: {
      id: d.id,
      width: Math.max(width, labelWidth(d.label, LABEL_FONT)),
      height: size + LABEL_LINE,
      group: d.category ?? d.type,
      isolated,
    },
    offset: LABEL_LINE / 2,
  };
}

function computedPlan(
  kind: 'groups' | 'computed',
  universe: GraphUniverse,
  nodeClasses: Map<string, string[]>,
  edgeClasses: Map<string, string[]>,
  virtual: Map<string, NodeElement | EdgeElement>,
  algorithm: LayoutAlgorithm,
): LayoutPlan {
  const layoutEdges: LayoutEdge[] = [];
  const pairs = new Set<string>();
  const touched = new Set<string>();
  for (const id of [...edgeClasses.keys()].sort()) {
    const e = edgeEnds(universe, virtual, id);
    if (!e) continue;
    const pair = `${e.source}\u0000${e.target}`;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    touched.add(e.source);
    touched.add(e.target);
    layoutEdges.push({ id, source: e.source, target: e.target });
  }
  const nodes: LayoutNode[] = [];
  const offsets: Record<string, number> = {};
  for (const id of [...nodeClasses.keys()].sort()) {
    const v = virtual.get(id);
    const element = v && v.group === 'nodes' ? v : universe.nodes.get(id)?.element;
    if (!element) continue;
    const { node, offset } = sceneLayoutNode(element, !touched.has(id));
    nodes.push(node);
    offsets[id] = offset;
  }
  const used: LayoutAlgorithm = kind === 'groups' ? 'layered' : algorithm;
  const signature = [
    used,
    ...nodes.map((n) => `${n.id}:${n.width}x${n.height}`),
    ...layoutEdges.map((e) => `${e.source}>${e.target}`),
  ].join('|');
  const key = `${used}/${kind}/${hashKey(signature)}`;
  const layoutInput = { nodes, edges: layoutEdges };
  return kind === 'groups'
    ? { kind, key, input: layoutInput, offsets }
    : { kind, key, input: layoutInput, offsets, algorithm: used };
}

function providerScene(universe: GraphUniverse, input: SceneInput): Scene {
  const { filters } = input;
  const elements = providerElements(universe);
  const hiddenCategories = new Set<string>(filters.hiddenCategories);
  const hiddenSupport = new Set<string>(filters.hiddenSupportLevels);
  const nodeClasses = new Map<string, string[]>();
  const edgeClasses = new Map<string, string[]>();
  const visibleModules = new Set<string>();
  for (const n of elements.nodes) {
    if (n.data.type !== 'module') continue;
    if (n.data.category !== undefined && hiddenCategories.has(n.data.category)) continue;
    if (n.data.supportLevel !== undefined && hiddenSupport.has(n.data.supportLevel)) continue;
    visibleModules.add(n.data.id);
    nodeClasses.set(n.data.id, []);
  }
  const neighbours = new Map<string, string[]>();
  const sceneEdges: SceneEdge[] = [];
  let items = 0;
  for (const e of elements.edges) {
    if (!visibleModules.has(e.data.target)) continue;
    edgeClasses.set(e.data.id, []);
    sceneEdges.push({ id: e.data.id, source: e.data.source, target: e.data.target });
    if (!nodeClasses.has(e.data.source)) {
      nodeClasses.set(e.data.source, []);
      items += 1;
    }
    for (const [a, b] of [
      [e.data.source, e.data.target],
      [e.data.target, e.data.source],
    ] as const) {
      const list = neighbours.get(a);
      if (list) list.push(b);
      else neighbours.set(a, [b]);
    }
  }
  const labelFirst: string[] = [];
  const selected = input.selectedId;
  if (selected !== undefined && nodeClasses.has(selected)) {
    const near = new Set(neighbours.get(selected) ?? []);
    for (const [id, classes] of nodeClasses) {
      if (id === selected) classes.push('selected');
      else if (near.has(id)) classes.push('focus-direct');
      else classes.push('dimmed');
    }
    for (const e of elements.edges) {
      const classes = edgeClasses.get(e.data.id);
      if (classes && e.data.source !== selected && e.data.target !== selected) classes.push('dimmed');
    }
    labelFirst.push(selected, ...near);
  }
  let modulesTotal = 0;
  for (const n of elements.nodes) if (n.data.type === 'module') modulesTotal += 1;
  for (const n of elements.nodes) {
    // Names a dialplan can resolve to more than one module: labelled whatever the zoom.
    if (n.classes.includes('multi-provider') && nodeClasses.has(n.data.id)) labelFirst.push(n.data.id);
  }
  return {
    nodeClasses: joinClasses(nodeClasses),
    edgeClasses: joinClasses(edgeClasses),
    edges: sceneEdges,
    persistent: new Map(),
    virtual: new Map(),
    members: new Map(),
    layout: {
      kind: 'whole',
      view: { mode: 'providers', showLibraries: false, showNonLoadable: false },
      key: `${input.algorithm}/whole/providers`,
      algorithm: input.algorithm,
    },
    counts: {
      modulesShown: visibleModules.size,
      modulesTotal,
      edgesShown: edgeClasses.size,
      groups: 0,
      items,
    },
    ...(selected !== undefined && nodeClasses.has(selected) ? { selected } : {}),
    labelFirst,
    grouped: false,
  };
}
