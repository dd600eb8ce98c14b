import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { MODULE_CATEGORIES } from '../../model';
import { buildGraph } from '../testing/buildGraph';
import { edgesWithin, DEFAULT_QUERY_KINDS } from './adjacency';
import { collapseByCategory } from './collapse';
import { categorised } from './testGraphs';

const graph = categorised(
  buildGraph({
    extconfig: { builtin: true },
    res_core: {},
    res_mid: { requires: ['res_core'], depends: ['res_core'] },
    app_a: { requires: ['res_mid'], optional: ['func_x'] },
    app_b: { requires: ['res_mid', 'app_a'] },
    func_x: { requires: ['res_core'] },
    chan_y: { requires: ['res_mid'], enhances: ['app_a'] },
  }),
);
const all = Object.keys(graph.modules);

describe('collapseByCategory on a small graph', () => {
  it('groups modules by category in MODULE_CATEGORIES order, members in the order given', () => {
    const r = collapseByCategory(graph, all, edgesWithin(graph, new Set(all), DEFAULT_QUERY_KINDS));
    expect(r.groups).toEqual([
      { category: 'apps', modules: ['app_a', 'app_b'], internalEdges: 1 },
      { category: 'channels', modules: ['chan_y'], internalEdges: 0 },
      { category: 'funcs', modules: ['func_x'], internalEdges: 0 },
      { category: 'res', modules: ['res_core', 'res_mid'], internalEdges: 2 },
      { category: 'main', modules: ['extconfig'], internalEdges: 0 },
    ]);
  });

  it('counts edges between categories per kind', () => {
    const r = collapseByCategory(graph, all, edgesWithin(graph, new Set(all), DEFAULT_QUERY_KINDS));
    expect(r.edges).toEqual([
      { from: 'apps', to: 'funcs', count: 1, kinds: { optional: 1 } },
      { from: 'apps', to: 'res', count: 2, kinds: { requires: 2 } },
      { from: 'channels', to: 'apps', count: 1, kinds: { enhances: 1 } },
      { from: 'channels', to: 'res', count: 1, kinds: { requires: 1 } },
      { from: 'funcs', to: 'res', count: 1, kinds: { requires: 1 } },
    ]);
  });

  it('leaves out edges to modules not given and duplicates in the list of modules', () => {
    const r = collapseByCategory(graph, ['app_b', 'res_mid', 'app_b'], graph.edges);
    expect(r.groups).toEqual([
      { category: 'apps', modules: ['app_b'], internalEdges: 0 },
      { category: 'res', modules: ['res_mid'], internalEdges: 0 },
    ]);
    expect(r.edges).toEqual([{ from: 'apps', to: 'res', count: 1, kinds: { requires: 1 } }]);
  });

  it('puts names the graph does not know (libraries) in other', () => {
    const r = collapseByCategory(
      graph,
      ['res_mid', 'libcurl'],
      [{ from: 'res_mid', to: 'libcurl', kind: 'uses-library' }],
    );
    expect(r.groups.map((g) => g.category)).toEqual(['res', 'other']);
    expect(r.edges).toEqual([{ from: 'res', to: 'other', count: 1, kinds: { 'uses-library': 1 } }]);
  });
});

describe('collapseByCategory on Asterisk master', () => {
  const g = loadBuiltinDatasetNode('master');
  const loadable = Object.values(g.modules)
    .filter((m) => m.kind === 'loadable' || m.kind === 'builtin')
    .map((m) => m.name);
  const edges = edgesWithin(g, new Set(loadable), DEFAULT_QUERY_KINDS);
  const r = collapseByCategory(g, loadable, edges);

  it('keeps every module exactly once and every edge counted once', () => {
    expect(r.groups.flatMap((x) => x.modules).sort()).toEqual([...loadable].sort());
    const counted =
      r.groups.reduce((n, x) => n + (x.internalEdges ?? 0), 0) + r.edges.reduce((n, e) => n + e.count, 0);
    expect(counted).toBe(edges.length);
    for (const e of r.edges) expect(Object.values(e.kinds).reduce((a, b) => a + b, 0)).toBe(e.count);
  });

  it('shows the channel drivers needing res modules, in category order', () => {
    const order = r.groups.map((x) => MODULE_CATEGORIES.indexOf(x.category));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(r.groups.find((x) => x.category === 'channels')?.modules).toContain('chan_pjsip');
    const chanRes = r.edges.find((e) => e.from === 'channels' && e.to === 'res');
    expect(chanRes?.count).toBeGreaterThan(10);
    expect(chanRes?.kinds.requires).toBeGreaterThan(5);
  });
});
