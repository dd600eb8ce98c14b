import { describe, expect, it } from 'vitest';
import { dependenciesOf, dependentsOf, transitiveDependencies, transitiveDependents } from './queries';
import { buildGraph } from './testing/buildGraph';

const graph = buildGraph({
  extconfig: { builtin: true, priority: 0 },
  res_core: { priority: 10, globalSymbols: true },
  res_mid: { priority: 30, requires: ['res_core'] },
  app_top: { requires: ['res_mid'], optional: ['func_opt'] },
  func_opt: { priority: 60 },
  app_linked: { links: ['res_core'], requires: ['res_core'] },
  app_early: { priority: 20, requires: ['func_opt'] },
});

describe('graph questions', () => {
  it('lists direct dependencies in declaration order, filtered by edge kind', () => {
    expect(dependenciesOf(graph, 'app_top')).toEqual([
      { module: 'res_mid', kind: 'requires' },
      { module: 'func_opt', kind: 'optional' },
    ]);
    expect(dependenciesOf(graph, 'APP_TOP.so', ['requires'])).toEqual([
      { module: 'res_mid', kind: 'requires' },
    ]);
  });

  it('lists direct and transitive dependents and dependencies, nearest first', () => {
    expect(dependentsOf(graph, 'res_core').map((d) => d.module)).toEqual(['res_mid', 'app_linked']);
    expect(transitiveDependents(graph, 'res_core')).toEqual(['res_mid', 'app_linked', 'app_top']);
    expect(transitiveDependencies(graph, 'app_top')).toEqual(['res_mid', 'func_opt', 'res_core']);
  });
});
