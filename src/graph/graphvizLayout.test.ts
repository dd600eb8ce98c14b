import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetNode } from '../ingest/node/loadBuiltinDataset';
import { DEFAULT_ELEMENT_VIEW, toElements } from './elements';
import { graphvizPositions, layeredDot, plainPositions } from './graphvizLayout';
import { toLayoutInput } from './layoutInput';
import type { LayoutInput, Positions } from './layoutInput';
import { testGraph } from './testGraph';

const graphviz = Graphviz.load();

/** The part of a dataset's default view that the layered layout places (isolated modules go in a grid). */
function connectedPart(version: string): LayoutInput {
  const input = toLayoutInput(toElements(loadBuiltinDatasetNode(version), DEFAULT_ELEMENT_VIEW));
  const ids = new Set(input.nodes.filter((n) => !n.isolated).map((n) => n.id));
  return {
    nodes: input.nodes.filter((n) => ids.has(n.id)),
    edges: input.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/** Pairs of node boxes (centre ± half the size) that intersect. */
function overlaps(input: LayoutInput, positions: Positions): string[] {
  const found: string[] = [];
  const boxes = input.nodes.map((n) => {
    const p = positions[n.id] ?? { x: NaN, y: NaN };
    return {
      id: n.id,
      x1: p.x - n.width / 2,
      x2: p.x + n.width / 2,
      y1: p.y - n.height / 2,
      y2: p.y + n.height / 2,
    };
  });
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a && b && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) found.push(`${a.id} / ${b.id}`);
    }
  }
  return found;
}

/** Edges whose dependency is not drawn above its dependent, leaving out edges closing a cycle. */
function upsideDown(input: LayoutInput, positions: Positions): string[] {
  const y = (id: string): number => positions[id]?.y ?? NaN;
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set([from]);
    const todo = [from];
    while (todo.length > 0) {
      const at = todo.pop();
      for (const e of input.edges) {
        if (e.source !== at || seen.has(e.target)) continue;
        if (e.target === to) return true;
        seen.add(e.target);
        todo.push(e.target);
      }
    }
    return false;
  };
  return input.edges
    .filter((e) => e.source !== e.target && !(y(e.target) < y(e.source)) && !reaches(e.target, e.source))
    .map((e) => `${e.source} -> ${e.target}`);
}

describe('graphvizPositions (layered layout of the layout worker)', () => {
  for (const version of ['master', '23.4.1', '13.38.3']) {
    it(`${version}: places every module, dependencies above dependents, no two nodes overlapping`, async () => {
      const input = connectedPart(version);
      expect(input.nodes.length).toBeGreaterThan(100);
      const positions = graphvizPositions(await graphviz, input);
      expect(Object.keys(positions).sort()).toEqual(input.nodes.map((n) => n.id).sort());
      expect(upsideDown(input, positions)).toEqual([]);
      expect(overlaps(input, positions)).toEqual([]);
    });
  }

  it('draws a picture about as wide as a screen, not one long row under each hub', async () => {
    const input = connectedPart('master');
    const positions = Object.values(graphvizPositions(await graphviz, input));
    const width = Math.max(...positions.map((p) => p.x)) - Math.min(...positions.map((p) => p.x));
    const height = Math.max(...positions.map((p) => p.y)) - Math.min(...positions.map((p) => p.y));
    expect(width / height).toBeGreaterThan(0.8);
    expect(width / height).toBeLessThan(3.2);
  });

  it('gives the same positions every time', async () => {
    const input = connectedPart('23.4.1');
    expect(graphvizPositions(await graphviz, input)).toEqual(graphvizPositions(await graphviz, input));
  });

  it('lays out a small focus neighbourhood with wide, label-sized boxes without overlaps', async () => {
    const graph = testGraph({
      modules: [
        { name: 'res_pjsip' },
        ...Array.from({ length: 29 }, (_, i) => ({ name: `res_pjsip_dependent_${i}` })),
      ],
      edges: Array.from(
        { length: 29 },
        (_, i) => [`res_pjsip_dependent_${i}`, 'res_pjsip', 'requires'] as const,
      ).map(([a, b, k]) => [a, b, k]),
    });
    const input = toLayoutInput(toElements(graph, DEFAULT_ELEMENT_VIEW));
    const wide: LayoutInput = {
      ...input,
      nodes: input.nodes.map((n) => ({ ...n, width: 6.2 * n.id.length })),
    };
    const positions = graphvizPositions(await graphviz, wide);
    expect(Object.keys(positions)).toHaveLength(30);
    expect(overlaps(wide, positions)).toEqual([]);
    expect(upsideDown(wide, positions)).toEqual([]);
  });

  it('places a single node and an empty input (the worker is warmed up with one node)', async () => {
    const one: LayoutInput = {
      nodes: [{ id: 'warm-up', width: 20, height: 20, group: 'g', isolated: false }],
      edges: [],
    };
    expect(Object.keys(graphvizPositions(await graphviz, one))).toEqual(['warm-up']);
    expect(graphvizPositions(await graphviz, { nodes: [], edges: [] })).toEqual({});
  });

  it('handles ids DOT would need quoted, self-loops and cycles', async () => {
    const input: LayoutInput = {
      nodes: ['lib:crypto "x"', 'a b', 'c;d', 'e\\f'].map((id) => ({
        id,
        width: 22,
        height: 22,
        group: 'g',
        isolated: false,
      })),
      edges: [
        { id: '1', source: 'a b', target: 'lib:crypto "x"' },
        { id: '2', source: 'c;d', target: 'a b' },
        { id: '3', source: 'lib:crypto "x"', target: 'c;d' },
        { id: '4', source: 'e\\f', target: 'e\\f' },
      ],
    };
    const positions = graphvizPositions(await graphviz, input);
    expect(Object.keys(positions).sort()).toEqual(input.nodes.map((n) => n.id).sort());
    expect(overlaps(input, positions)).toEqual([]);
  });
});

describe('layeredDot and plainPositions', () => {
  it('turns Graphviz coordinates (inches, y up) into pixels with y down', () => {
    const input: LayoutInput = {
      nodes: ['top', 'bottom'].map((id) => ({ id, width: 22, height: 22, group: 'g', isolated: false })),
      edges: [{ id: 'e', source: 'bottom', target: 'top' }],
    };
    const plain = [
      'graph 1 1 2',
      'node n0 0.5 1.8 0.3 0.3 "" solid box black lightgrey',
      'node n1 0.5 0.2 0.3 0.3 "" solid box black lightgrey',
      'stop',
    ].join('\n');
    expect(plainPositions(plain, input)).toEqual({ top: { x: 36, y: 14 }, bottom: { x: 36, y: 130 } });
    expect(() => plainPositions('graph 1 1 2\nstop', input)).toThrow(/placed 0 of 2/);
  });

  it('names nodes by index and pins each row, so the DOT needs no quoting', () => {
    const dot = layeredDot({
      nodes: ['x"y', 'z'].map((id) => ({ id, width: 22, height: 22, group: 'g', isolated: false })),
      edges: [{ id: 'e', source: 'z', target: 'x"y' }],
    });
    expect(dot).not.toContain('x"y');
    expect(dot).toContain('{rank=same; r0 [width=0.01, height=0.01, style=invis]; n0}');
    expect(dot).toContain('n0 -> n1;');
  });
});
