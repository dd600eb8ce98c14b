import { describe, expect, it } from 'vitest';
import { smallLayeredPositions } from './groupLayout';
import type { LayoutInput } from './layoutInput';

function node(id: string, width = 60, height = 50): LayoutInput['nodes'][number] {
  return { id, width, height, group: id, isolated: false };
}

const input: LayoutInput = {
  nodes: [
    node('group:apps'),
    node('group:res', 110, 120),
    node('group:main'),
    node('group:channels'),
    node('group:isolated', 56, 70),
  ],
  edges: [
    { id: '1', source: 'group:apps', target: 'group:res' },
    { id: '2', source: 'group:res', target: 'group:main' },
    { id: '3', source: 'group:channels', target: 'group:res' },
    // res and channels need each other: a cycle the layering must break.
    { id: '4', source: 'group:res', target: 'group:channels' },
  ],
};

describe('smallLayeredPositions', () => {
  const positions = smallLayeredPositions(input);

  it('places every node, what is needed above what needs it', () => {
    for (const n of input.nodes) expect(positions[n.id]).toBeDefined();
    const y = (id: string): number => positions[id]?.y ?? NaN;
    expect(y('group:main')).toBeLessThan(y('group:res'));
    expect(y('group:res')).toBeLessThan(y('group:apps'));
  });

  it('keeps node boxes apart', () => {
    const boxes = input.nodes.map((n) => {
      const p = positions[n.id] ?? { x: 0, y: 0 };
      return {
        id: n.id,
        x1: p.x - n.width / 2,
        x2: p.x + n.width / 2,
        y1: p.y - n.height / 2,
        y2: p.y + n.height / 2,
      };
    });
    for (const a of boxes) {
      for (const b of boxes) {
        if (a.id >= b.id) continue;
        const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
        expect(overlap, `${a.id} / ${b.id}`).toBe(false);
      }
    }
  });

  it('puts nodes without edges to the right of the picture', () => {
    const others = input.nodes.filter((n) => n.id !== 'group:isolated').map((n) => positions[n.id]?.x ?? 0);
    expect(positions['group:isolated']?.x).toBeGreaterThan(Math.max(...others));
  });

  it('is deterministic', () => {
    expect(smallLayeredPositions(input)).toEqual(positions);
  });
});
