import { describe, expect, it } from 'vitest';
import { collapseByCategory, focusNeighbourhood } from '../engine';
import { loadBuiltinDatasetNode } from '../ingest/node/loadBuiltinDataset';
import { labelWidth } from './labelMetrics';
import { NO_FILTERS, deriveScene } from './scene';
import type { Scene, SceneInput } from './scene';
import { testGraph } from './testGraph';
import { ISOLATED_GROUP_ID, aggregateEdgeId, buildUniverse, ghostNodeId, groupNodeId } from './universe';

const small = buildUniverse(
  testGraph({
    modules: [
      { name: 'app_a', category: 'apps' },
      { name: 'app_b', category: 'apps', supportLevel: 'extended' },
      { name: 'res_x', category: 'res' },
      { name: 'res_y', category: 'res', supportLevel: 'extended' },
      { name: 'core_b', category: 'main', kind: 'builtin' },
      { name: 'func_iso', category: 'funcs' },
      { name: 'chan_c', category: 'channels' },
      { name: 'sig_nl', category: 'res', kind: 'non-loadable' },
    ],
    libraries: ['libz'],
    edges: [
      ['app_a', 'res_x', 'depends'],
      ['app_b', 'res_x', 'requires'],
      ['app_b', 'res_y', 'optional'],
      ['res_x', 'core_b', 'depends'],
      ['chan_c', 'res_x', 'depends'],
      ['chan_c', 'app_b', 'conflicts'],
      ['res_y', 'libz', 'uses-library'],
      ['sig_nl', 'res_x', 'depends'],
    ],
  }),
);

function input(overrides: Partial<SceneInput> = {}): SceneInput {
  return {
    mode: 'modules',
    algorithm: 'layered',
    filters: NO_FILTERS,
    grouping: { enabled: false, expanded: [], isolatedExpanded: false },
    ...overrides,
  };
}

const visible = (scene: Scene): string[] => [...scene.nodeClasses.keys()].sort();
const classesOf = (scene: Scene, id: string): string[] =>
  (scene.nodeClasses.get(id) ?? '').split(' ').filter(Boolean);

describe('the whole graph, ungrouped', () => {
  const scene = deriveScene(small, input());

  it('draws loadable and built-in modules, folds the ones without edges into one group node', () => {
    expect(visible(scene)).toEqual([
      'app_a',
      'app_b',
      'chan_c',
      'core_b',
      'group:isolated',
      'res_x',
      'res_y',
    ]);
    expect(scene.members.get(ISOLATED_GROUP_ID)).toEqual(['func_iso']);
    const group = scene.virtual.get(ISOLATED_GROUP_ID);
    expect(group?.group === 'nodes' && group.data.label).toBe('Isolated · 1');
  });

  it('leaves libraries and non-loadable entries out until asked for, and counts what is shown', () => {
    expect(scene.nodeClasses.has('lib:libz')).toBe(false);
    expect(scene.nodeClasses.has('sig_nl')).toBe(false);
    expect(scene.counts).toMatchObject({ modulesShown: 7, modulesTotal: 7, edgesShown: 6 });
    const withBoth = deriveScene(
      small,
      input({ filters: { ...NO_FILTERS, showLibraries: true, showNonLoadable: true } }),
    );
    expect(withBoth.nodeClasses.has('lib:libz')).toBe(true);
    expect(withBoth.nodeClasses.has('sig_nl')).toBe(true);
    expect(withBoth.counts.modulesTotal).toBe(8);
  });

  it('uses the precomputed whole-graph layout of its element view', () => {
    expect(scene.layout).toMatchObject({ kind: 'whole', view: { mode: 'modules', showLibraries: false } });
  });
});

describe('grouped by category', () => {
  const grouping = { enabled: true, expanded: [], isolatedExpanded: false };

  it('draws one node per category, labelled with its count, and aggregated edges with theirs', () => {
    const scene = deriveScene(small, input({ grouping }));
    expect(visible(scene)).toEqual([
      'group:apps',
      'group:channels',
      'group:isolated',
      'group:main',
      'group:res',
    ]);
    const apps = scene.virtual.get(groupNodeId('apps'));
    expect(apps?.group === 'nodes' && apps.data.label).toBe('apps · 2');
    // app_a -> res_x, app_b -> res_x, app_b -> res_y: three dependency edges from apps to res.
    const edge = scene.virtual.get(aggregateEdgeId(groupNodeId('apps'), groupNodeId('res')));
    expect(edge?.group === 'edges' && edge.data.label).toBe('3');
    expect(scene.counts).toMatchObject({ modulesShown: 7, groups: 5 });
    expect(scene.layout.kind).toBe('groups');
  });

  it('opens a category in place: its modules appear, edges to closed groups stay aggregated', () => {
    const scene = deriveScene(small, input({ grouping: { ...grouping, expanded: ['apps'] } }));
    expect(scene.nodeClasses.has('app_a')).toBe(true);
    expect(scene.nodeClasses.has('group:apps')).toBe(false);
    expect(scene.nodeClasses.has('res_x')).toBe(false);
    const fromB = scene.virtual.get(aggregateEdgeId('app_b', groupNodeId('res')));
    expect(fromB?.group === 'edges' && fromB.data.count).toBe(2);
    // Modules among closed groups need a layout of their own, in the worker.
    expect(scene.layout.kind).toBe('computed');
  });

  it('agrees with the engine’s collapseByCategory on a real dataset', () => {
    const graph = loadBuiltinDatasetNode('23.4.1');
    const universe = buildUniverse(graph);
    const scene = deriveScene(universe, input({ grouping }));
    const drawn = universe.edges.filter(
      (e) =>
        universe.nodes.get(e.source)?.type === 'module' && universe.nodes.get(e.target)?.type === 'module',
    );
    const shown = (name: string): boolean => {
      const kind = graph.modules[name]?.kind;
      return kind === 'loadable' || kind === 'builtin';
    };
    const edges = drawn
      .filter((e) => shown(e.source) && shown(e.target))
      .map((e) => ({ from: e.source, to: e.target, kind: e.kind }));
    const connected = new Set(edges.flatMap((e) => [e.from, e.to]));
    const collapsed = collapseByCategory(graph, [...connected], edges);
    for (const g of collapsed.groups) {
      const node = scene.virtual.get(groupNodeId(g.category));
      expect(node?.group === 'nodes' && node.data.count, g.category).toBe(g.modules.length);
    }
    for (const e of collapsed.edges) {
      const agg = scene.virtual.get(aggregateEdgeId(groupNodeId(e.from), groupNodeId(e.to)));
      expect(agg?.group === 'edges' && agg.data.count, `${e.from}->${e.to}`).toBe(e.count);
    }
    const isolated = scene.virtual.get(ISOLATED_GROUP_ID);
    expect(isolated?.group === 'nodes' && isolated.data.count).toBe(universe.moduleCount - connected.size);
  });
});

describe('focus', () => {
  const focus = (mode: 'dependencies' | 'dependents' | 'both' | 'hops', outside: 'hide' | 'dim' = 'hide') => {
    const result = focusNeighbourhood(small.graph, 'res_x', { mode });
    return { center: result.center, nodes: result.nodes, direct: result.direct, outside };
  };

  it('hides everything outside the focus set, marks the centre and its direct neighbours', () => {
    const scene = deriveScene(small, input({ focus: focus('dependents'), selectedId: 'res_x' }));
    expect(visible(scene)).toEqual(['app_a', 'app_b', 'chan_c', 'res_x']);
    expect(classesOf(scene, 'res_x')).toContain('selected');
    expect(classesOf(scene, 'app_a')).toContain('focus-direct');
    expect(scene.center).toBe('res_x');
    expect(scene.counts).toMatchObject({ modulesShown: 4, modulesTotal: 7 });
    expect(scene.layout.kind).toBe('computed');
    expect(scene.grouped).toBe(false);
  });

  it('dims instead of hiding when asked, on the whole graph layout', () => {
    const scene = deriveScene(small, input({ focus: focus('dependencies', 'dim'), selectedId: 'res_x' }));
    expect(scene.nodeClasses.has('app_a')).toBe(true);
    expect(classesOf(scene, 'app_a')).toContain('dimmed');
    expect(classesOf(scene, 'core_b')).not.toContain('dimmed');
    expect(scene.layout.kind).toBe('whole');
    expect(scene.counts.modulesShown).toBe(2);
  });

  it('ignores grouping while a module is focused', () => {
    const scene = deriveScene(
      small,
      input({
        focus: focus('both'),
        selectedId: 'res_x',
        grouping: { enabled: true, expanded: [], isolatedExpanded: false },
      }),
    );
    expect(scene.grouped).toBe(false);
    expect(scene.nodeClasses.has('res_x')).toBe(true);
  });

  it('sizes every layout box to its label so a layered layout cannot overlap labels', () => {
    const scene = deriveScene(small, input({ focus: focus('both'), selectedId: 'res_x' }));
    if (scene.layout.kind !== 'computed') throw new Error('expected a computed layout');
    for (const node of scene.layout.input.nodes)
      expect(node.width).toBeGreaterThanOrEqual(labelWidth(node.id));
    const graph = loadBuiltinDatasetNode('23.4.1');
    const universe = buildUniverse(graph);
    const result = focusNeighbourhood(graph, 'cdr_adaptive_odbc', { mode: 'both' });
    const real = deriveScene(
      universe,
      input({ focus: { ...result, outside: 'hide' }, selectedId: 'cdr_adaptive_odbc' }),
    );
    if (real.layout.kind !== 'computed') throw new Error('expected a computed layout');
    const box = real.layout.input.nodes.find((n) => n.id === 'cdr_adaptive_odbc');
    expect(box?.width).toBeGreaterThanOrEqual(labelWidth('cdr_adaptive_odbc'));
  });
});

describe('filters', () => {
  it('hide categories, support levels and edge kinds, and modules left without edges fold away', () => {
    const noRes = deriveScene(small, input({ filters: { ...NO_FILTERS, hiddenCategories: ['res'] } }));
    expect(noRes.nodeClasses.has('res_x')).toBe(false);
    expect(noRes.members.get(ISOLATED_GROUP_ID)).toEqual(
      expect.arrayContaining(['app_a', 'core_b', 'func_iso']),
    );
    const noExtended = deriveScene(
      small,
      input({ filters: { ...NO_FILTERS, hiddenSupportLevels: ['extended'] } }),
    );
    expect(noExtended.nodeClasses.has('app_b')).toBe(false);
    const noDepends = deriveScene(small, input({ filters: { ...NO_FILTERS, hiddenEdgeKinds: ['depends'] } }));
    expect(noDepends.members.get(ISOLATED_GROUP_ID)).toEqual(expect.arrayContaining(['app_a', 'core_b']));
    expect(noDepends.counts.edgesShown).toBe(3);
  });

  it('hide simulated outcomes only while a result is shown', () => {
    const outcomes = new Map([['app_a', 'declined']]);
    const filters = { ...NO_FILTERS, hiddenOutcomes: ['declined'] };
    expect(deriveScene(small, input({ filters, outcomes })).nodeClasses.has('app_a')).toBe(false);
    expect(deriveScene(small, input({ filters })).nodeClasses.has('app_a')).toBe(true);
  });
});

describe('overlays', () => {
  it('a highlight wins over grouping and focus: its nodes are drawn, strong, the rest dimmed', () => {
    const scene = deriveScene(
      small,
      input({
        grouping: { enabled: true, expanded: [], isolatedExpanded: false },
        highlight: { nodes: ['app_a', 'res_x'], edges: [['app_a', 'res_x']], origin: 'app_a' },
      }),
    );
    expect(classesOf(scene, 'app_a')).toEqual(expect.arrayContaining(['hl', 'hl-origin']));
    expect(classesOf(scene, 'res_x')).toContain('hl');
    expect(classesOf(scene, 'group:apps')).toContain('dimmed');
    expect(scene.edgeClasses.get('depends:app_a->res_x')).toBe('hl');
  });

  it('a comparison marks added and changed modules (even hidden ones) and draws removed ones as ghosts', () => {
    const scene = deriveScene(
      small,
      input({ compare: { added: ['app_a'], changed: ['func_iso'], removed: ['chan_sip'] } }),
    );
    expect(scene.persistent.get('app_a')).toBe('diff-added');
    expect(scene.persistent.get('func_iso')).toBe('diff-changed');
    const ghost = scene.virtual.get(ghostNodeId('chan_sip'));
    expect(ghost?.group === 'nodes' && ghost.data.category).toBe('channels');
    expect(classesOf(scene, ghostNodeId('chan_sip'))).toContain('diff-removed');
  });
});

describe('the provider view', () => {
  const graph = testGraph({
    modules: [
      { name: 'app_voicemail', category: 'apps' },
      { name: 'app_voicemail_odbc', category: 'apps' },
      { name: 'app_dial', category: 'apps' },
    ],
    items: [
      ['application', 'VoiceMail', 'app_voicemail'],
      ['application', 'VoiceMail', 'app_voicemail_odbc'],
      ['application', 'Dial', 'app_dial'],
    ],
  });
  const universe = buildUniverse(graph);

  it('draws items linked to their providers; a selection dims what is not next to it', () => {
    const scene = deriveScene(
      universe,
      input({ mode: 'providers', selectedId: 'item:application:voicemail' }),
    );
    expect(scene.counts).toMatchObject({ items: 2, modulesShown: 3 });
    expect(classesOf(scene, 'item:application:voicemail')).toContain('selected');
    expect(classesOf(scene, 'app_voicemail_odbc')).toContain('focus-direct');
    expect(classesOf(scene, 'app_dial')).toContain('dimmed');
  });
});

describe('very large inputs', () => {
  it('are always drawn grouped', () => {
    const modules = Array.from({ length: 2100 }, (_, i) => ({ name: `res_m${i}`, category: 'res' as const }));
    const edges = modules.slice(1).map((m): [string, string, 'depends'] => [m.name, 'res_m0', 'depends']);
    const universe = buildUniverse(testGraph({ modules, edges }));
    const scene = deriveScene(universe, input());
    expect(scene.grouped).toBe(true);
    expect(visible(scene)).toEqual(['group:res']);

    // A focus reaching all of them is refused: the grouped view stays, the selection drawn in it.
    const everything = modules.map((m) => m.name);
    const focused = deriveScene(
      universe,
      input({
        focus: { center: 'res_m0', nodes: everything, direct: everything.slice(1), outside: 'hide' },
        selectedId: 'res_m0',
      }),
    );
    expect(focused.refusedFocus).toEqual({ center: 'res_m0', count: 2100 });
    expect(focused.grouped).toBe(true);
    expect(focused.nodeClasses.has('res_m0')).toBe(true);
    expect(focused.nodeClasses.has('res_m5')).toBe(false);
  });
});
