import { afterEach, describe, expect, it } from 'vitest';
import { focusNeighbourhood } from '../engine';
import { loadBuiltinDatasetNode } from '../ingest/node/loadBuiltinDataset';
import { GraphController } from './graphController';
import { smallLayeredPositions } from './groupLayout';
import type { LayoutService } from './layoutService';
import { NO_FILTERS, deriveScene } from './scene';
import type { SceneInput } from './scene';
import { buildUniverse } from './universe';

const graph = loadBuiltinDatasetNode('23.4.1');
const universe = buildUniverse(graph);

/** Lays out on the spot with the small layered layout (the app's worker runs Graphviz or ELK). */
const service = (): LayoutService => ({
  compute: (input) => Promise.resolve(smallLayeredPositions(input)),
  dispose: () => undefined,
});

function input(overrides: Partial<SceneInput> = {}): SceneInput {
  return {
    mode: 'modules',
    algorithm: 'layered',
    filters: NO_FILTERS,
    grouping: { enabled: true, expanded: [], isolatedExpanded: false },
    ...overrides,
  };
}

function focusOn(module: string): Partial<SceneInput> {
  const result = focusNeighbourhood(graph, module, { mode: 'both' });
  return {
    focus: { center: result.center, nodes: result.nodes, direct: result.direct, outside: 'hide' },
    selectedId: module,
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let controller: GraphController | undefined;
afterEach(() => {
  controller?.destroy();
  controller = undefined;
});

function visibleIds(c: GraphController): string[] {
  return c.cy
    .elements()
    .filter((e) => !e.hasClass('hidden'))
    .map((e) => e.id())
    .sort();
}

describe('GraphController', () => {
  it('draws the grouped first view with only what it needs, then adds the rest hidden in slices', () => {
    controller = new GraphController({ headless: true, animate: false, layoutService: service });
    controller.setDataset(universe, undefined);
    const scene = deriveScene(universe, input());
    controller.show(scene);
    expect(visibleIds(controller)).toEqual([...scene.nodeClasses.keys(), ...scene.edgeClasses.keys()].sort());
    expect(controller.cy.elements().length).toBe(scene.nodeClasses.size + scene.edgeClasses.size);
    let slices = 0;
    while (controller.prefill()) slices += 1;
    expect(slices).toBeGreaterThan(3);
    expect(controller.cy.nodes('.module').length).toBeGreaterThanOrEqual(Object.keys(graph.modules).length);
    // Prefilled elements stay hidden: the picture did not change.
    expect(visibleIds(controller)).toEqual([...scene.nodeClasses.keys(), ...scene.edgeClasses.keys()].sort());
  });

  it('changes views, focus and selection by classes only: nothing is removed or added again', async () => {
    controller = new GraphController({ headless: true, animate: false, layoutService: service });
    const c = controller;
    c.setDataset(universe, undefined);
    c.show(deriveScene(universe, input()));
    while (c.prefill()) {
      // fill everything in
    }
    let added = 0;
    let removed = 0;
    c.cy.on('add', () => (added += 1));
    c.cy.on('remove', () => (removed += 1));
    const before = c.cy.elements().length;
    const sequence = [
      input(focusOn('res_pjsip')),
      input({ mode: 'providers' }),
      input({ mode: 'modules', grouping: { enabled: false, expanded: [], isolatedExpanded: false } }),
      input({ filters: { ...NO_FILTERS, hiddenCategories: ['tests'] } }),
      input(focusOn('app_dial')),
    ];
    for (const step of sequence) {
      const scene = deriveScene(universe, step);
      c.show(scene);
      await flush();
      const shown = new Set([...scene.nodeClasses.keys(), ...scene.edgeClasses.keys()]);
      // Group nodes and aggregated edges of earlier scenes are the only elements a later one may add.
      expect(visibleIds(c).filter((id) => !shown.has(id))).toEqual([]);
      for (const id of shown) expect(c.cy.getElementById(id).hasClass('hidden'), id).toBe(false);
    }
    expect(removed).toBe(0);
    expect(added).toBe(0);
    expect(c.cy.elements().length).toBe(before);
  });

  it('positions a focus from the layout service and marks its centre and direct neighbours', async () => {
    controller = new GraphController({ headless: true, animate: false, layoutService: service });
    controller.setDataset(universe, undefined);
    controller.show(deriveScene(universe, input()));
    const scene = deriveScene(universe, input(focusOn('res_pjsip_session')));
    controller.show(scene);
    await flush();
    const center = controller.cy.getElementById('res_pjsip_session');
    expect(center.hasClass('selected')).toBe(true);
    expect(controller.cy.getElementById('res_pjsip').hasClass('focus-direct')).toBe(true);
    const ys = new Set(scene.nodeClasses.keys());
    const distinct = new Set(
      [...ys].map((id) => JSON.stringify(controller?.cy.getElementById(id).position())),
    );
    // Every visible node has a place of its own.
    expect(distinct.size).toBe(ys.size);
    // Dependencies above dependents.
    expect(controller.cy.getElementById('res_pjsip').position().y).toBeLessThan(center.position().y);
  });

  it('keeps outcome colours on hidden modules, so a focus change does not lose them', () => {
    controller = new GraphController({ headless: true, animate: false, layoutService: service });
    controller.setDataset(universe, undefined);
    controller.show(deriveScene(universe, input()));
    while (controller.prefill()) {
      // fill everything in
    }
    controller.setOutcomes(new Map([['app_dial', 'out-running']]));
    expect(controller.cy.getElementById('app_dial').classes()).toEqual(
      expect.arrayContaining(['hidden', 'out-running']),
    );
    controller.setOutcomes(undefined);
    expect(controller.cy.getElementById('app_dial').hasClass('out-running')).toBe(false);
  });

  it('moves the keyboard along drawn edges and reaches with hover classes', async () => {
    controller = new GraphController({ headless: true, animate: false, layoutService: service });
    controller.setDataset(universe, undefined);
    controller.show(deriveScene(universe, input(focusOn('res_pjsip_session'))));
    await flush();
    const { dependencies, dependents } = controller.neighbours('res_pjsip_session');
    expect(dependencies).toContain('res_pjsip');
    expect(dependents).toContain('chan_pjsip');
    controller.setKeyboardFocus('res_pjsip_session');
    expect(controller.cy.getElementById('res_pjsip_session').hasClass('kbd-focus')).toBe(true);
    expect(controller.cy.getElementById('res_pjsip').hasClass('reach-dep')).toBe(true);
    expect(controller.cy.getElementById('chan_pjsip').hasClass('reach-rdep')).toBe(true);
    controller.setKeyboardFocus(undefined);
    expect(controller.cy.getElementById('res_pjsip').hasClass('reach-dep')).toBe(false);
  });

  it('a canvas drawn in the background reports nothing; brought on screen settled, it reports one paint', async () => {
    const painted: string[] = [];
    const busy: boolean[] = [];
    controller = new GraphController({
      headless: true,
      animate: false,
      layoutService: service,
      prefillProviders: false,
      events: { painted: (info) => painted.push(info.layoutKey), busy: (b) => busy.push(b) },
    });
    controller.setActive(false);
    controller.setDataset(universe, undefined);
    const providers = deriveScene(universe, input({ mode: 'providers' }));
    controller.show(providers);
    for (let i = 0; i < 20 && !controller.isSettled; i++) await flush();
    expect(controller.isSettled).toBe(true);
    expect(visibleIds(controller)).toContain('item:application:voicemail');
    expect(painted).toEqual([]);
    expect(busy).toEqual([]);

    controller.setActive(true);
    expect(painted).toEqual([providers.layout.key]);
    expect(busy).toEqual([false]);
    // Nothing of the module view was added: this canvas holds the provider view only.
    expect(controller.cy.getElementById('group:res').empty()).toBe(true);
  });
});
