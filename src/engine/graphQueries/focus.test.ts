import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { buildGraph } from '../testing/buildGraph';
import { transitiveDependencies, transitiveDependents } from '../queries';
import { DEFAULT_QUERY_KINDS } from './adjacency';
import { focusNeighbourhood } from './focus';
import { chain, withEdges } from './testGraphs';

/*
 *   app_top -> res_mid -> res_core        (requires; res_mid also <depend>s on res_core)
 *   app_top -> func_opt                   (optional)
 *   chan_x  -> res_mid                    (requires)
 *   app_user -> app_top                   (requires)
 *   res_enh  -> res_mid                   (enhances)
 *   app_top  -- conflicts --> app_other, res_mid -- uses-library --> libcurl
 */
const graph = withEdges(
  buildGraph({
    res_core: {},
    res_mid: { requires: ['res_core'], depends: ['res_core'] },
    app_top: { requires: ['res_mid'], optional: ['func_opt'] },
    func_opt: {},
    chan_x: { requires: ['res_mid'] },
    app_user: { requires: ['app_top'] },
    res_enh: { enhances: ['res_mid'] },
    app_other: {},
    res_lonely: {},
  }),
  [
    { from: 'app_top', to: 'app_other', kind: 'conflicts' },
    { from: 'res_mid', to: 'libcurl', kind: 'uses-library' },
  ],
);

describe('focusNeighbourhood on a small graph', () => {
  it('follows dependencies transitively, nearest first, with distances and every edge inside', () => {
    const r = focusNeighbourhood(graph, 'app_top', { mode: 'dependencies' });
    expect(r.center).toBe('app_top');
    expect(r.nodes).toEqual(['app_top', 'func_opt', 'res_mid', 'res_core']);
    expect(r.distance).toEqual({ app_top: 0, func_opt: 1, res_mid: 1, res_core: 2 });
    expect(r.direct).toEqual(['func_opt', 'res_mid']);
    expect(r.edges).toEqual([
      { from: 'app_top', to: 'func_opt', kind: 'optional' },
      { from: 'app_top', to: 'res_mid', kind: 'requires' },
      { from: 'res_mid', to: 'res_core', kind: 'depends' },
      { from: 'res_mid', to: 'res_core', kind: 'requires' },
    ]);
  });

  it('follows dependents transitively and leaves out conflicts and libraries by default', () => {
    const r = focusNeighbourhood(graph, 'res_mid', { mode: 'dependents' });
    expect(r.nodes).toEqual(['res_mid', 'app_top', 'chan_x', 'res_enh', 'app_user']);
    expect(r.nodes).not.toContain('app_other');
    expect(r.nodes).not.toContain('libcurl');
    expect(r.direct).toEqual(['app_top', 'chan_x', 'res_enh']);
  });

  it('limits transitive modes by depth', () => {
    expect(focusNeighbourhood(graph, 'res_core', { mode: 'dependents', depth: 1 }).nodes).toEqual([
      'res_core',
      'res_mid',
    ]);
    expect(focusNeighbourhood(graph, 'res_core', { mode: 'dependents', depth: 2 }).nodes).toEqual([
      'res_core',
      'res_mid',
      'app_top',
      'chan_x',
      'res_enh',
    ]);
    expect(focusNeighbourhood(graph, 'res_core', { mode: 'dependents', depth: 0 }).nodes).toEqual([
      'res_core',
    ]);
  });

  it('in both mode takes the union of both closures and labels direct neighbours on either side', () => {
    const r = focusNeighbourhood(graph, 'app_top', { mode: 'both' });
    expect(r.nodes).toEqual(['app_top', 'app_user', 'func_opt', 'res_mid', 'res_core']);
    expect(r.direct).toEqual(['app_user', 'func_opt', 'res_mid']);
    // chan_x needs res_mid but is neither a dependency nor a dependent of app_top.
    expect(r.nodes).not.toContain('chan_x');
  });

  it('in hops mode takes an undirected neighbourhood of N steps', () => {
    expect(focusNeighbourhood(graph, 'res_mid', { mode: 'hops' }).nodes).toEqual([
      'res_mid',
      'app_top',
      'chan_x',
      'res_core',
      'res_enh',
    ]);
    const two = focusNeighbourhood(graph, 'res_mid', { mode: 'hops', depth: 2 });
    expect(two.nodes).toEqual([
      'res_mid',
      'app_top',
      'chan_x',
      'res_core',
      'res_enh',
      'app_user',
      'func_opt',
    ]);
    expect(two.distance.app_user).toBe(2);
    expect(two.direct).toEqual(['app_top', 'chan_x', 'res_core', 'res_enh']);
  });

  it('follows only the kinds asked for', () => {
    const r = focusNeighbourhood(graph, 'app_top', {
      mode: 'dependencies',
      kinds: ['requires', 'conflicts'],
    });
    expect(r.nodes).toEqual(['app_top', 'app_other', 'res_mid', 'res_core']);
    expect(r.edges.map((e) => e.kind)).toEqual(['conflicts', 'requires', 'requires']);
    const libs = focusNeighbourhood(graph, 'res_mid', { mode: 'dependencies', kinds: ['uses-library'] });
    expect(libs.nodes).toEqual(['res_mid', 'libcurl']);
  });

  it('resolves names as the loader does and returns nothing for an unknown one', () => {
    expect(focusNeighbourhood(graph, 'APP_TOP.so', { mode: 'hops' }).center).toBe('app_top');
    expect(focusNeighbourhood(graph, 'res_lonely', { mode: 'both' })).toEqual({
      center: 'res_lonely',
      nodes: ['res_lonely'],
      direct: [],
      edges: [],
      distance: { res_lonely: 0 },
    });
    expect(focusNeighbourhood(graph, 'app_nothere', { mode: 'hops' }).nodes).toEqual([]);
  });

  it('walks a cycle without looping and keeps the center at distance 0', () => {
    const ring = chain(4, true);
    const r = focusNeighbourhood(ring, 'mod_0', { mode: 'dependencies' });
    expect(r.nodes).toEqual(['mod_0', 'mod_1', 'mod_2', 'mod_3']);
    expect(r.distance).toEqual({ mod_0: 0, mod_1: 1, mod_2: 2, mod_3: 3 });
    expect(r.edges).toHaveLength(4);
  });
});

describe('focusNeighbourhood on Asterisk 23.4.1', () => {
  const g = loadBuiltinDatasetNode('23.4.1');

  it('agrees with the existing transitive closures', () => {
    for (const name of ['chan_pjsip', 'res_pjsip', 'app_voicemail', 'res_stasis']) {
      const deps = focusNeighbourhood(g, name, { mode: 'dependencies' });
      expect(new Set(deps.nodes.slice(1))).toEqual(
        new Set(transitiveDependencies(g, name, DEFAULT_QUERY_KINDS)),
      );
      const users = focusNeighbourhood(g, name, { mode: 'dependents' });
      expect(new Set(users.nodes.slice(1))).toEqual(
        new Set(transitiveDependents(g, name, DEFAULT_QUERY_KINDS)),
      );
    }
  });

  it('shows what chan_pjsip needs, res_pjsip among its direct dependencies', () => {
    const r = focusNeighbourhood(g, 'chan_pjsip', { mode: 'dependencies' });
    expect(r.direct).toEqual(['res_pjsip', 'res_pjsip_pubsub', 'res_pjsip_session']);
    expect(r.nodes).toContain('res_sorcery_config');
    expect(r.distance.res_pjsip).toBe(1);
    for (const e of r.edges) {
      expect(r.nodes).toContain(e.from);
      expect(r.nodes).toContain(e.to);
    }
  });

  it('lists every res_pjsip_* module among the dependents of res_pjsip', () => {
    const r = focusNeighbourhood(g, 'res_pjsip', { mode: 'dependents', depth: 1 });
    const pjsipModules = Object.values(g.modules)
      .filter((m) => m.kind === 'loadable' && m.name.startsWith('res_pjsip_'))
      .map((m) => m.name);
    expect(pjsipModules.length).toBeGreaterThan(40);
    for (const name of pjsipModules) expect(r.direct).toContain(name);
    expect(r.direct).toContain('chan_pjsip');
  });
});
