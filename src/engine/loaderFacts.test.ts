/** The per-module facts the loader reads from a graph, with dependencies resolved to ids. */
import { describe, expect, it } from 'vitest';
import { loaderFacts } from './loaderFacts';
import { buildGraph } from './testing/buildGraph';

describe('loader facts', () => {
  const facts = loaderFacts(
    buildGraph({
      res_a: { globalSymbols: true },
      res_b: {},
      app_c: {
        requires: ['res_a', 'RES_B', 'res_missing'],
        optional: ['res_b.so'],
        links: ['res_a'],
      },
      func_e: { enhances: ['app_c'] },
    }),
  );
  const get = (key: string) => {
    const f = facts.byKey.get(key);
    if (!f) throw new Error(key);
    return f;
  };

  it('numbers the modules densely in the order of the dataset', () => {
    expect(facts.list.map((f) => f.name)).toEqual(['res_a', 'res_b', 'app_c', 'func_e']);
    expect(facts.list.map((f) => f.id)).toEqual([0, 1, 2, 3]);
  });

  it('resolves dependency names in any case, with or without .so, to the key and id of the module', () => {
    const c = get('app_c');
    expect(c.requires).toEqual(['res_a', 'RES_B', 'res_missing']);
    expect(c.requiresKeys).toEqual(['res_a', 'res_b', 'res_missing']);
    expect(c.requiresIds).toEqual([0, 1, -1]);
    expect(c.optionalKeys).toEqual(['res_b']);
    expect(c.optionalIds).toEqual([1]);
    expect(c.linksIds).toEqual([0]);
  });

  it('lists the enhancers of a module by key and id, and who depends on whom at run time', () => {
    expect(get('app_c').enhancerKeys).toEqual(['func_e']);
    expect(get('app_c').enhancerIds).toEqual([3]);
    expect(get('func_e').enhancesIds).toEqual([2]);
    expect(facts.runtimeDependentsOf.get('res_b')).toEqual(['app_c']);
    expect(facts.runtimeDependentsOf.get('res_missing')).toEqual(['app_c']);
  });

  it('without link facts, links a module to the global-symbol modules it requires', () => {
    const noLinks = loaderFacts(
      buildGraph(
        { res_a: { globalSymbols: true }, res_b: {}, app_c: { requires: ['RES_A', 'res_b'] } },
        { hasLinkFacts: false },
      ),
    );
    const c = noLinks.byKey.get('app_c');
    expect(c?.links).toEqual(['RES_A']);
    expect(c?.linksKeys).toEqual(['res_a']);
    expect(c?.linksIds).toEqual([0]);
  });
});
