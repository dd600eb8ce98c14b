import { describe, expect, it } from 'vitest';
import { boundedLayers } from './boundedLayers';
import type { LayoutInput } from './layoutInput';

const SPACING = { nodeGap: 22, edgeGap: 2, rowGap: 46, aspect: 1.6 };

function input(ids: string[], edges: Array<[dependent: string, dependency: string]>): LayoutInput {
  return {
    nodes: ids.map((id) => ({ id, width: 22, height: 22, group: 'res', isolated: false })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
  };
}

describe('boundedLayers', () => {
  it('puts what a module needs in a row above it, along the whole chain', () => {
    const chain = input(
      ['chan_pjsip', 'res_pjsip_session', 'res_pjsip', 'res_sorcery'],
      [
        ['chan_pjsip', 'res_pjsip_session'],
        ['res_pjsip_session', 'res_pjsip'],
        ['res_pjsip', 'res_sorcery'],
      ],
    );
    const { layer } = boundedLayers(chain, SPACING);
    expect(layer).toEqual([3, 2, 1, 0]);
  });

  it("spreads a hub's many dependents over several rows instead of one endless row", () => {
    const leaves = Array.from({ length: 150 }, (_, i) => `res_pjsip_${i}`);
    const hub = input(
      ['res_pjsip', ...leaves],
      leaves.map((l) => [l, 'res_pjsip'] as [string, string]),
    );
    const { layer, rows } = boundedLayers(hub, SPACING);
    expect(layer[0]).toBe(0);
    expect(rows).toBeGreaterThan(4);
    const perRow = new Map<number, number>();
    for (const r of layer.slice(1)) perRow.set(r, (perRow.get(r) ?? 0) + 1);
    expect(Math.max(...perRow.values())).toBeLessThan(40);
    expect(layer.slice(1).every((r) => r > 0)).toBe(true);
  });

  it('breaks cycles: every edge it returns points to a lower row, one edge per linked pair', () => {
    const cyclic = input(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['d', 'c'],
        ['d', 'c'],
        ['a', 'a'],
      ],
    );
    const { layer, edges } = boundedLayers(cyclic, SPACING);
    expect(edges).toHaveLength(4);
    for (const [upper, lower] of edges) expect(layer[upper]).toBeLessThan(layer[lower] ?? -1);
  });

  it('is deterministic', () => {
    const graph = input(
      Array.from({ length: 40 }, (_, i) => `m${i}`),
      Array.from({ length: 60 }, (_, i) => [`m${(i * 7) % 40}`, `m${(i * 13 + 5) % 40}`] as [string, string]),
    );
    expect(boundedLayers(graph, SPACING)).toEqual(boundedLayers(graph, SPACING));
  });
});
