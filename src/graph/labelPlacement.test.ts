import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetNode } from '../ingest/node/loadBuiltinDataset';
import { DEFAULT_ELEMENT_VIEW, toElements } from './elements';
import { layoutKey, readPrecomputedLayout } from './layoutFile';
import { labelBox, labelFont, placeLabels } from './labelPlacement';
import type { Box, LabelCandidate } from './labelPlacement';
import { readFileSync } from 'node:fs';

const viewport = { width: 1000, height: 600 };

function candidate(id: string, x: number, y: number, forced = false): LabelCandidate {
  return { id, text: id, x, y, halfWidth: 5, halfHeight: 5, forced };
}

function overlap(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

describe('labelFont', () => {
  it('keeps labels readable zoomed out and lets them grow with the picture zoomed in', () => {
    expect(labelFont(0.3).px).toBe(9);
    expect(labelFont(0.3).model).toBeCloseTo(30);
    expect(labelFont(2).px).toBe(20);
    expect(labelFont(2).model).toBe(10);
  });
});

describe('placeLabels', () => {
  it('drops the later of two colliding labels: candidates come most important first', () => {
    const placed = placeLabels(
      [candidate('res_pjsip', 100, 100), candidate('res_pjsip_session', 110, 102)],
      viewport,
      1,
    );
    expect(placed).toEqual(['res_pjsip']);
  });

  it('places labels that do not collide, and skips labels outside the viewport', () => {
    const placed = placeLabels(
      [candidate('app_dial', 100, 100), candidate('app_queue', 400, 100), candidate('far_away', 5000, 100)],
      viewport,
      1,
    );
    expect(placed).toEqual(['app_dial', 'app_queue']);
  });

  it('draws forced labels (the selection) whatever they overlap', () => {
    const placed = placeLabels(
      [candidate('hub', 100, 100), candidate('selected', 105, 100, true)],
      viewport,
      1,
    );
    expect(placed).toContain('selected');
  });

  it('does not put a label over another node', () => {
    // The second node sits right under the first one, where its label would go.
    const placed = placeLabels([candidate('upper_module', 100, 100), candidate('x', 100, 125)], viewport, 1);
    expect(placed).not.toContain('upper_module');
  });

  it('leaves no two labels overlapping on a real whole-graph picture, and is fast', () => {
    const graph = loadBuiltinDatasetNode('master');
    const elements = toElements(graph, DEFAULT_ELEMENT_VIEW);
    const layout = readPrecomputedLayout(
      JSON.parse(readFileSync(new URL('../../public/datasets/master.layout.json', import.meta.url), 'utf8')),
      'master',
    );
    const positions = layout?.layouts[layoutKey(DEFAULT_ELEMENT_VIEW, 'layered')] ?? {};
    const zoom = 0.6;
    const candidates = elements.nodes.map((n) => {
      const p = positions[n.data.id] ?? { x: 0, y: 0 };
      return {
        id: n.data.id,
        text: n.data.label,
        x: p.x * zoom,
        y: p.y * zoom,
        halfWidth: 6.6,
        halfHeight: 6.6,
        forced: false,
      };
    });
    expect(candidates.length).toBeGreaterThan(450);
    const big = { width: 4000, height: 3000 };
    const started = performance.now();
    const placed = placeLabels(candidates, big, zoom);
    const took = performance.now() - started;
    console.log(
      `label placement: ${candidates.length} candidates, ${placed.length} labels, ${took.toFixed(2)} ms`,
    );
    expect(placed.length).toBeGreaterThan(50);
    const boxes = placed.map((id) => {
      const c = candidates.find((x) => x.id === id);
      if (!c) throw new Error(id);
      return labelBox(c, labelFont(zoom).px, zoom);
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a && b) expect(overlap(a, b), `${placed[i]} / ${placed[j]}`).toBe(false);
      }
    }
  });
});
