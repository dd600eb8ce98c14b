import { describe, expect, it } from 'vitest';
import { generateLargeGraph, shuffledModuleFiles } from './largeGraph';
import { simulate } from '../simulate';
import { conf } from './conf';

describe('generateLargeGraph', () => {
  it('makes the requested number of modules and edges, the same for the same seed', () => {
    const a = generateLargeGraph({ modules: 400, edges: 1200, seed: 7 });
    const b = generateLargeGraph({ modules: 400, edges: 1200, seed: 7 });
    expect(Object.keys(a.modules)).toHaveLength(400);
    expect(a.edges).toHaveLength(1200);
    expect(b.edges).toEqual(a.edges);
    expect(generateLargeGraph({ modules: 400, edges: 1200, seed: 8 }).edges).not.toEqual(a.edges);
  });

  it('points every dependency to an earlier module and every link to a global-symbol module', () => {
    const g = generateLargeGraph({ modules: 500, edges: 1500 });
    const index = new Map(Object.keys(g.modules).map((n, i) => [n, i]));
    for (const e of g.edges) {
      expect(index.get(e.to) ?? Infinity).toBeLessThan(index.get(e.from) ?? -1);
      if (e.kind === 'links') expect(g.modules[e.to]?.globalSymbols).toBe(true);
    }
  });

  it('starts every module with autoload, whatever the directory order', () => {
    const g = generateLargeGraph({ modules: 600, edges: 1800 });
    const r = simulate(g, conf('autoload = yes'), { available: shuffledModuleFiles(g, 3) });
    expect(r.started).toHaveLength(600);
    expect(r.declined).toEqual([]);
  });
});
