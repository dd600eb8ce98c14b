import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { toElements } from '../src/graph/elements';
import { layoutKey, readPrecomputedLayout } from '../src/graph/layoutFile';
import { coversAll } from '../src/graph/layoutInput';
import { PRECOMPUTED_VIEWS, readDataset, readDatasetIndex } from './build-layouts';

describe('precomputed layouts in public/datasets', () => {
  const index = readDatasetIndex();
  for (const entry of index.datasets) {
    it(`cover every node of every precomputed view of Asterisk ${entry.version} (else run npm run layouts)`, () => {
      const graph = readDataset(entry.version, entry.file);
      const layout = readPrecomputedLayout(
        JSON.parse(
          readFileSync(new URL(`../public/datasets/${entry.version}.layout.json`, import.meta.url), 'utf8'),
        ),
        entry.version,
      );
      expect(layout).toBeDefined();
      for (const { view, algorithms } of PRECOMPUTED_VIEWS) {
        const elements = toElements(graph, view);
        if (elements.nodes.length === 0) continue;
        for (const algorithm of algorithms) {
          expect(
            coversAll(layout?.layouts[layoutKey(view, algorithm)], elements),
            layoutKey(view, algorithm),
          ).toBe(true);
        }
      }
    });
  }
});
