import { Graphviz } from '@hpcc-js/wasm-graphviz';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { computeLayout } from './computeLayout';
import type { LayeredLayout } from './computeLayout';
import { toElements } from './elements';
import type { ElementView } from './elements';
import { graphvizLayered } from './graphvizLayout';
import { elkLayered } from './layeredLayout';
import { toLayoutInput } from './layoutInput';
import { boundingBox } from './packIsolated';
import { testGraph } from './testGraph';

/** The module view with libraries drawn (the app's default hides them). */
const MODULES_AND_LIBRARIES: ElementView = { mode: 'modules', showLibraries: true, showNonLoadable: false };

const graph = testGraph({
  modules: [
    { name: 'res_pjsip' },
    { name: 'res_pjsip_session' },
    { name: 'chan_pjsip', category: 'channels' },
    { name: 'res_sorcery_config' },
    { name: 'app_dial', category: 'apps' },
    { name: 'app_echo', category: 'apps' },
  ],
  edges: [
    ['res_pjsip', 'res_sorcery_config', 'requires'],
    ['res_pjsip_session', 'res_pjsip', 'requires'],
    ['chan_pjsip', 'res_pjsip_session', 'requires'],
    ['chan_pjsip', 'res_pjsip', 'depends'],
  ],
});
const input = toLayoutInput(toElements(graph, MODULES_AND_LIBRARIES));
/** The layout worker's layered layout (Graphviz) and the precomputed built-in layouts' (ELK). */
const ENGINES = {
  graphviz: graphvizLayered(Graphviz.load()),
  elk: elkLayered(new ELK()),
} satisfies Record<string, LayeredLayout>;

describe('computeLayout', () => {
  for (const [engine, layered] of Object.entries(ENGINES)) {
    it(`layered (${engine}): what a module needs sits in a layer above it`, async () => {
      const positions = await computeLayout(input, 'layered', layered);
      const y = (id: string) => positions[id]?.y ?? NaN;
      expect(y('res_sorcery_config')).toBeLessThan(y('res_pjsip'));
      expect(y('res_pjsip')).toBeLessThan(y('res_pjsip_session'));
      expect(y('res_pjsip_session')).toBeLessThan(y('chan_pjsip'));
    });

    it(`layered (${engine}): gives the same positions every time`, async () => {
      expect(await computeLayout(input, 'layered', layered)).toEqual(
        await computeLayout(input, 'layered', layered),
      );
    });
  }

  it('both algorithms position every node and keep isolated modules out of the connected part', async () => {
    for (const algorithm of ['layered', 'force'] as const) {
      const positions = await computeLayout(input, algorithm, ENGINES.graphviz);
      expect(Object.keys(positions).sort()).toEqual(input.nodes.map((n) => n.id).sort());
      const connected = boundingBox(positions, [
        'res_pjsip',
        'res_pjsip_session',
        'chan_pjsip',
        'res_sorcery_config',
      ]);
      for (const id of ['app_dial', 'app_echo']) {
        const p = positions[id];
        const inside =
          connected &&
          p &&
          p.x >= connected.x1 &&
          p.x <= connected.x2 &&
          p.y >= connected.y1 &&
          p.y <= connected.y2;
        expect(inside, `${algorithm}: ${id}`).toBe(false);
      }
    }
  });
});
