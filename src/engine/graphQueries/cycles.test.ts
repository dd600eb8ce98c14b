import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { EDGE_KINDS } from '../../model';
import { buildGraph } from '../testing/buildGraph';
import { findCycles } from './cycles';
import { chain, withEdges } from './testGraphs';

describe('findCycles on small graphs', () => {
  it('finds nothing in a graph without loops', () => {
    expect(findCycles(chain(10))).toEqual([]);
  });

  it('writes a short cycle in full, starting from the first name', () => {
    const g = buildGraph({
      res_c: { requires: ['res_a'] },
      res_a: { requires: ['res_b'] },
      res_b: { requires: ['res_c'] },
      app_x: { requires: ['res_a'] },
    });
    expect(findCycles(g)).toEqual([
      {
        modules: ['res_a', 'res_b', 'res_c'],
        edges: [
          { from: 'res_a', to: 'res_b', kind: 'requires' },
          { from: 'res_b', to: 'res_c', kind: 'requires' },
          { from: 'res_c', to: 'res_a', kind: 'requires' },
        ],
        summary: 'res_a → res_b → res_c → res_a',
      },
    ]);
  });

  it('reports a module that needs itself', () => {
    const g = buildGraph({ res_self: { requires: ['res_self'] }, res_ok: {} });
    const [c] = findCycles(g);
    expect(c?.modules).toEqual(['res_self']);
    expect(c?.summary).toBe('res_self needs itself: res_self → res_self');
  });

  it('summarises a 5,000-module cycle in a few names, without overflowing the stack', () => {
    const cycles = findCycles(chain(5000, true));
    expect(cycles).toHaveLength(1);
    const [c] = cycles;
    expect(c?.modules).toHaveLength(5000);
    expect(c?.modules.slice(0, 3)).toEqual(['mod_0', 'mod_1', 'mod_2']);
    expect(c?.edges).toHaveLength(5000);
    expect(c?.summary).toBe('5,000 modules in one cycle: mod_0 → mod_1 → mod_2 → … → mod_4999 → mod_0');
  });

  it('describes a tangle by its size and one shortest loop, largest component first', () => {
    const g = buildGraph({
      res_a: { requires: ['res_b', 'res_c'] },
      res_b: { requires: ['res_a'] },
      res_c: { requires: ['res_d'] },
      res_d: { requires: ['res_a'] },
      app_x: { requires: ['app_y'] },
      app_y: { optional: ['app_x'] },
    });
    const cycles = findCycles(g);
    expect(cycles.map((c) => c.modules)).toEqual([
      ['res_a', 'res_b', 'res_c', 'res_d'],
      ['app_x', 'app_y'],
    ]);
    expect(cycles[0]?.summary).toBe(
      '4 modules depend on each other (5 edges), for example res_a → res_b → res_a',
    );
    expect(cycles[1]?.summary).toBe('app_x → app_y → app_x');
  });

  it('follows only the kinds asked for', () => {
    const g = withEdges(buildGraph({ app_a: {}, app_b: {} }), [
      { from: 'app_a', to: 'app_b', kind: 'conflicts' },
      { from: 'app_b', to: 'app_a', kind: 'conflicts' },
    ]);
    expect(findCycles(g)).toEqual([]);
    expect(findCycles(g, { kinds: ['conflicts'] }).map((c) => c.summary)).toEqual(['app_a → app_b → app_a']);
  });
});

describe('findCycles on the built-in datasets', () => {
  it('finds the res_odbc / res_odbc_transaction loop of master', () => {
    const cycles = findCycles(loadBuiltinDatasetNode('master'));
    expect(cycles.map((c) => c.summary)).toEqual(['res_odbc → res_odbc_transaction → res_odbc']);
    const pairs = new Set(cycles[0]?.edges.map((e) => `${e.from}>${e.to}`));
    expect(pairs).toEqual(new Set(['res_odbc>res_odbc_transaction', 'res_odbc_transaction>res_odbc']));
  });

  it("finds 23.4.1's one cycle only through master's borrowed link facts, and 18.26.4's app_fax / res_fax conflict loop only with conflicts", () => {
    const g23 = loadBuiltinDatasetNode('23.4.1');
    expect(findCycles(g23).map((c) => c.summary)).toEqual(['res_odbc → res_odbc_transaction → res_odbc']);
    const withoutLinks = EDGE_KINDS.filter((k) => k !== 'links' && k !== 'conflicts' && k !== 'uses-library');
    expect(findCycles(g23, { kinds: withoutLinks })).toEqual([]);
    const g18 = loadBuiltinDatasetNode('18.26.4');
    expect(findCycles(g18, { kinds: withoutLinks })).toEqual([]);
    const all = findCycles(g18, { kinds: EDGE_KINDS });
    expect(all.map((c) => c.summary)).toEqual([
      'app_fax → res_fax → app_fax',
      'res_odbc → res_odbc_transaction → res_odbc',
    ]);
    expect(all[0]?.edges.every((e) => e.kind === 'conflicts')).toBe(true);
  });
});
