import { describe, expect, it } from 'vitest';
import { indexEdges } from '../../model';
import type { DependencyEdge, EdgeKind, ModuleGraph, ModuleInfo, ModuleKind } from '../../model';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { generateLargeGraph } from '../testing/largeGraph';
import { METRIC_EDGE_KINDS, moduleMetrics } from './moduleMetrics';

function tinyGraph(
  modules: Array<string | [name: string, kind: ModuleKind]>,
  edges: Array<[from: string, to: string, kind: EdgeKind]>,
): ModuleGraph {
  const infos: Record<string, ModuleInfo> = {};
  for (const spec of modules) {
    const [name, kind] = typeof spec === 'string' ? [spec, 'loadable' as const] : spec;
    infos[name] = { name, kind, category: 'res', supportLevel: 'core', flags: [], globalSymbols: false, sources: {} };
  }
  const list: DependencyEdge[] = edges.map(([from, to, kind]) => ({ from, to, kind, sources: [] }));
  return {
    info: { version: 'test', sources: [], hasLinkFacts: false, builtinOrder: [] },
    modules: infos,
    libraries: {},
    edges: list,
    ...indexEdges(list),
    items: [],
    categories: [],
  };
}

/** What needs `name`, directly or through others: a plain walk, the definition the counts must meet. */
function walkDependents(graph: ModuleGraph, name: string, counted: ReadonlySet<string>): number {
  const seen = new Set([name]);
  const stack = [name];
  while (stack.length > 0) {
    const at = stack.pop() ?? '';
    for (const i of graph.incoming[at] ?? []) {
      const edge = graph.edges[i];
      if (!edge || !METRIC_EDGE_KINDS.includes(edge.kind) || !counted.has(edge.from) || seen.has(edge.from)) continue;
      seen.add(edge.from);
      stack.push(edge.from);
    }
  }
  return seen.size - 1;
}

describe('module metrics on small graphs', () => {
  it('counts distinct direct dependencies and dependents, and everything reaching a module', () => {
    const graph = tinyGraph(
      ['core_a', 'res_b', 'res_c', 'app_d', 'app_e'],
      [
        ['res_b', 'core_a', 'requires'],
        ['res_b', 'core_a', 'depends'],
        ['res_c', 'res_b', 'optional'],
        ['app_d', 'res_c', 'depends'],
        ['app_d', 'res_b', 'enhances'],
        ['app_e', 'core_a', 'links'],
      ],
    );
    const m = moduleMetrics(graph);
    expect(m.core_a).toEqual({ dependencies: 0, dependents: 2, transitiveDependents: 4 });
    expect(m.res_b).toEqual({ dependencies: 1, dependents: 2, transitiveDependents: 2 });
    expect(m.app_d).toEqual({ dependencies: 2, dependents: 0, transitiveDependents: 0 });
  });

  it('leaves out conflicts, libraries and entries that are not modules', () => {
    const graph = tinyGraph(
      ['res_a', 'res_b', ['sig_analog', 'non-loadable'], ['main_b', 'builtin']],
      [
        ['res_b', 'res_a', 'conflicts'],
        ['res_b', 'pjproject', 'uses-library'],
        ['sig_analog', 'res_a', 'depends'],
        ['res_a', 'main_b', 'requires'],
        ['res_a', 'nowhere', 'depends'],
      ],
    );
    const m = moduleMetrics(graph);
    expect(Object.keys(m).sort()).toEqual(['main_b', 'res_a', 'res_b']);
    expect(m.res_a).toEqual({ dependencies: 1, dependents: 0, transitiveDependents: 0 });
    expect(m.res_b).toEqual({ dependencies: 0, dependents: 0, transitiveDependents: 0 });
    expect(m.main_b).toEqual({ dependencies: 0, dependents: 1, transitiveDependents: 1 });
  });

  it('counts the members of a cycle as reaching each other, never a module as its own dependent', () => {
    const graph = tinyGraph(
      ['a', 'b', 'c', 'd', 'e'],
      [
        ['a', 'b', 'requires'],
        ['b', 'c', 'requires'],
        ['c', 'a', 'requires'],
        ['d', 'a', 'requires'],
        ['c', 'e', 'requires'],
        ['e', 'e', 'requires'],
      ],
    );
    const m = moduleMetrics(graph);
    expect(m.a?.transitiveDependents).toBe(3); // b, c, d
    expect(m.b?.transitiveDependents).toBe(3); // a, c, d
    expect(m.e).toEqual({ dependencies: 0, dependents: 1, transitiveDependents: 4 });
    expect(m.d?.transitiveDependents).toBe(0);
  });

  it('counts only the edge kinds asked for', () => {
    const graph = tinyGraph(['a', 'b', 'c'], [
      ['b', 'a', 'requires'],
      ['c', 'b', 'optional'],
    ]);
    expect(moduleMetrics(graph, ['requires']).a?.transitiveDependents).toBe(1);
    expect(moduleMetrics(graph).a?.transitiveDependents).toBe(2);
  });

  it('agrees with a plain walk on more modules than one batch of origins holds', () => {
    const graph = generateLargeGraph({ modules: 2500, edges: 6000, seed: 7 });
    const m = moduleMetrics(graph);
    const counted = new Set(Object.keys(m));
    for (const name of ['core_0', 'core_3', 'mod_00100', 'mod_01024', 'mod_02000', 'mod_02499']) {
      expect(m[name]?.transitiveDependents, name).toBe(walkDependents(graph, name, counted));
    }
  });
});

describe('module metrics on the real datasets', () => {
  it('agrees with a plain walk for every module of 23.4.1 and master, and finds the hubs', () => {
    for (const version of ['23.4.1', 'master']) {
      const graph = loadBuiltinDatasetNode(version);
      const started = performance.now();
      const m = moduleMetrics(graph);
      console.log(`module metrics of ${version}: ${(performance.now() - started).toFixed(1)} ms`);
      const counted = new Set(Object.keys(m));
      expect(counted.size).toBe(
        Object.values(graph.modules).filter((x) => x.kind === 'loadable' || x.kind === 'builtin').length,
      );
      for (const name of counted) {
        expect(m[name]?.transitiveDependents, name).toBe(walkDependents(graph, name, counted));
      }
    }
    const current = moduleMetrics(loadBuiltinDatasetNode('23.4.1'));
    const byReach = Object.entries(current).sort((a, b) => b[1].transitiveDependents - a[1].transitiveDependents);
    expect(byReach[0]?.[0]).toBe('extconfig');
    expect(current.res_pjsip?.dependents).toBeGreaterThan(40);
    expect(current.res_pjsip_session?.dependencies).toBeGreaterThan(0);
  });
});
