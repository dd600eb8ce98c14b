import { describe, expect, it } from 'vitest';
import type { LayoutNode } from './layoutInput';
import { boundingBox, GRID_CELL, packIsolated } from './packIsolated';

function nodes(count: number, group = 'res'): LayoutNode[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${group}_${String(i).padStart(3, '0')}`,
    width: 20,
    height: 20,
    group,
    isolated: true,
  }));
}

describe('packIsolated', () => {
  it('places isolated nodes outside the box of the laid-out part, never on top of it', () => {
    const placed = { a: { x: 0, y: 0 }, b: { x: 600, y: 400 } };
    const grid = packIsolated(nodes(50), placed);
    const box = boundingBox(placed, Object.keys(placed));
    for (const p of Object.values(grid)) {
      const inside = box && p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2;
      expect(inside).toBe(false);
    }
    expect(Object.keys(grid)).toHaveLength(50);
  });

  it('gives every node its own cell of the grid', () => {
    const grid = packIsolated(nodes(30), { a: { x: 0, y: 0 } });
    const cells = new Set(Object.values(grid).map((p) => `${p.x},${p.y}`));
    expect(cells.size).toBe(30);
    const xs = [...new Set(Object.values(grid).map((p) => p.x))].sort((a, b) => a - b);
    expect(xs[1]! - xs[0]!).toBe(GRID_CELL.width);
  });

  it('orders the grid by group then name, so categories form bands', () => {
    const grid = packIsolated([...nodes(3, 'res'), ...nodes(3, 'apps')], {});
    const order = Object.entries(grid)
      .sort(([, p], [, q]) => p.y - q.y || p.x - q.x)
      .map(([id]) => id);
    expect(order).toEqual(['apps_000', 'apps_001', 'apps_002', 'res_000', 'res_001', 'res_002']);
  });

  it('keeps a large grid about as wide as a screen instead of one long row or column', () => {
    const grid = packIsolated(nodes(300), { a: { x: 0, y: 0 }, b: { x: 100, y: 0 } });
    const box = boundingBox(grid, Object.keys(grid));
    const ratio = (box!.x2 - box!.x1) / (box!.y2 - box!.y1);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(5);
  });
});
