import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { generateLargeGraph } from '../testing/largeGraph';
import { buildGraph } from '../testing/buildGraph';
import type { ModuleSpec } from '../testing/buildGraph';
import { DEFAULT_QUERY_KINDS, kindsBetween } from './adjacency';
import { findPaths } from './paths';
import { chain } from './testGraphs';

/*
 *   app_a -> res_b -> res_d, app_a -> res_c -> res_d, app_a -> res_d, res_c -> res_b
 *   res_d -> res_e (optional), app_iso alone
 */
const graph = buildGraph({
  app_a: { requires: ['res_b', 'res_c', 'res_d'], depends: ['res_b'] },
  res_b: { requires: ['res_d'] },
  res_c: { requires: ['res_d', 'res_b'] },
  res_d: { optional: ['res_e'] },
  res_e: {},
  app_iso: {},
});

describe('findPaths on a small graph', () => {
  it('lists every simple path, shortest first, then by name', () => {
    expect(findPaths(graph, 'app_a', 'res_d')).toEqual({
      paths: [
        ['app_a', 'res_d'],
        ['app_a', 'res_b', 'res_d'],
        ['app_a', 'res_c', 'res_d'],
        ['app_a', 'res_c', 'res_b', 'res_d'],
      ],
      truncated: false,
      direction: 'forward',
    });
  });

  it('stops at the cap and says more exist', () => {
    const r = findPaths(graph, 'app_a', 'res_e', { cap: 2 });
    expect(r.paths).toEqual([
      ['app_a', 'res_d', 'res_e'],
      ['app_a', 'res_b', 'res_d', 'res_e'],
    ]);
    expect(r.truncated).toBe(true);
    expect(findPaths(graph, 'app_a', 'res_e', { cap: 4 }).truncated).toBe(false);
  });

  it('answers the other way round when only the reverse direction connects', () => {
    const r = findPaths(graph, 'res_e', 'RES_C.so');
    expect(r.direction).toBe('reverse');
    expect(r.paths).toEqual([
      ['res_c', 'res_d', 'res_e'],
      ['res_c', 'res_b', 'res_d', 'res_e'],
    ]);
  });

  it('says none for unconnected or unknown modules', () => {
    expect(findPaths(graph, 'app_iso', 'res_d')).toEqual({ paths: [], truncated: false, direction: 'none' });
    expect(findPaths(graph, 'app_nothere', 'res_d').direction).toBe('none');
  });

  it('follows only the kinds asked for', () => {
    expect(findPaths(graph, 'app_a', 'res_e', { kinds: ['requires'] }).direction).toBe('none');
    expect(findPaths(graph, 'app_a', 'res_b', { kinds: ['depends'] }).paths).toEqual([['app_a', 'res_b']]);
  });

  it('never visits a module twice in a cycle', () => {
    const ring = chain(5, true);
    expect(findPaths(ring, 'mod_1', 'mod_0').paths).toEqual([['mod_1', 'mod_2', 'mod_3', 'mod_4', 'mod_0']]);
  });

  it('walks a 5,000-module chain without recursion', () => {
    const long = chain(5000);
    const r = findPaths(long, 'mod_0', 'mod_4999');
    expect(r.paths).toHaveLength(1);
    expect(r.paths[0]).toHaveLength(5000);
  });

  it('matches a brute-force enumeration on random graphs', () => {
    const names = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6'];
    const edgeList = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(
        edgeList,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        (pairs, s, t, cap) => {
          const specs: Record<string, ModuleSpec> = {};
          for (const n of names) specs[n] = { requires: [] };
          for (const [f, to] of pairs) specs[names[f] ?? '']?.requires?.push(names[to] ?? '');
          const g = buildGraph(specs);
          const from = names[s] ?? '';
          const to = names[t] ?? '';
          const all = bruteForce(
            g.edges.map((e) => [e.from, e.to] as const),
            from,
            to,
          );
          const r = findPaths(g, from, to, { cap });
          if (all.length === 0) {
            expect(r.direction).not.toBe('forward');
            return;
          }
          expect(r.direction).toBe('forward');
          expect(r.paths).toEqual(all.slice(0, cap));
          expect(r.truncated).toBe(all.length > cap);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});

/** Every simple path by plain recursion, sorted by length then names. */
function bruteForce(edges: ReadonlyArray<readonly [string, string]>, from: string, to: string): string[][] {
  if (from === to) return [[from]];
  const out: string[][] = [];
  const walk = (path: string[]): void => {
    const last = path[path.length - 1] ?? '';
    if (last === to) {
      out.push(path);
      return;
    }
    const next = [...new Set(edges.filter(([f]) => f === last).map(([, t]) => t))];
    for (const n of next) if (!path.includes(n)) walk([...path, n]);
  };
  walk([from]);
  const key = (p: string[]): string => p.join(' ');
  return out.sort((a, b) => a.length - b.length || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe('findPaths on real and large graphs', () => {
  it('explains how chan_pjsip needs res_sorcery_config on Asterisk 23.4.1', () => {
    const g = loadBuiltinDatasetNode('23.4.1');
    const r = findPaths(g, 'chan_pjsip', 'res_sorcery_config');
    expect(r.direction).toBe('forward');
    expect(r.paths[0]).toEqual(['chan_pjsip', 'res_pjsip', 'res_sorcery_config']);
    for (const p of r.paths) {
      expect(p[0]).toBe('chan_pjsip');
      expect(p.at(-1)).toBe('res_sorcery_config');
      for (let i = 1; i < p.length; i++)
        expect(kindsBetween(g, p[i - 1] ?? '', p[i] ?? '', DEFAULT_QUERY_KINDS)).not.toEqual([]);
    }
    for (let i = 1; i < r.paths.length; i++)
      expect(r.paths[i]?.length ?? 0).toBeGreaterThanOrEqual(r.paths[i - 1]?.length ?? 0);
    // res_pjsip_t38 needs res_pjsip, not the other way round.
    expect(findPaths(g, 'res_pjsip', 'res_pjsip_t38').direction).toBe('reverse');
  });

  it('answers within a second on a 20,000-module graph, capped at 20', () => {
    const big = generateLargeGraph();
    const t0 = performance.now();
    const r = findPaths(big, 'mod_19999', 'mod_00020');
    const far = findPaths(big, 'mod_00030', 'mod_00040');
    const elapsed = performance.now() - t0;
    expect(r.paths).toHaveLength(20);
    expect(r.truncated).toBe(true);
    expect(far.direction).toBe('none');
    expect(elapsed).toBeLessThan(1000);
  });
});
