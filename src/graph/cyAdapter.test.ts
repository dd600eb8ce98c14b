import { describe, expect, it } from 'vitest';
import { applyPositions, applySelection, createCy, patchElements } from './cyAdapter';
import { toElements } from './elements';
import type { ElementView } from './elements';
import { testGraph } from './testGraph';

/** The module view with libraries drawn (the app's default hides them). */
const MODULES_AND_LIBRARIES: ElementView = { mode: 'modules', showLibraries: true, showNonLoadable: false };

const graph = testGraph({
  modules: [
    { name: 'res_pjsip' },
    { name: 'res_pjsip_session' },
    { name: 'app_dial', category: 'apps' },
    { name: 'chan_pjsip' },
  ],
  libraries: ['pjproject'],
  edges: [
    ['res_pjsip_session', 'res_pjsip', 'requires'],
    ['chan_pjsip', 'res_pjsip_session', 'requires'],
    ['res_pjsip', 'pjproject', 'uses-library'],
  ],
});

describe('patchElements', () => {
  it('adds every element of an empty instance, nodes with their classes', () => {
    const cy = createCy({ headless: true });
    const result = patchElements(cy, toElements(graph, MODULES_AND_LIBRARIES));
    expect(result).toEqual({ added: 8, removed: 0, updated: 0 });
    expect(cy.getElementById('app_dial').hasClass('cat-apps')).toBe(true);
    expect(cy.getElementById('requires:chan_pjsip->res_pjsip_session').data('kind')).toBe('requires');
    cy.destroy();
  });

  it('removes what is gone and keeps untouched elements (and their positions) as they were', () => {
    const cy = createCy({ headless: true });
    patchElements(cy, toElements(graph, MODULES_AND_LIBRARIES));
    const kept = cy.getElementById('res_pjsip');
    kept.position({ x: 40, y: 50 });

    const result = patchElements(cy, toElements(graph, { ...MODULES_AND_LIBRARIES, showLibraries: false }));
    expect(result.removed).toBe(2);
    expect(result.added).toBe(0);
    expect(cy.getElementById('lib:pjproject').empty()).toBe(true);
    expect(cy.getElementById('res_pjsip')).toBe(kept);
    expect(kept.position()).toEqual({ x: 40, y: 50 });
    cy.destroy();
  });

  it('updates classes that changed, such as a module that lost its last drawn edge becoming isolated', () => {
    const cy = createCy({ headless: true });
    const onlyLibrary = testGraph({
      modules: [{ name: 'res_crypto' }],
      libraries: ['crypto'],
      edges: [['res_crypto', 'crypto', 'uses-library']],
    });
    patchElements(cy, toElements(onlyLibrary, MODULES_AND_LIBRARIES));
    expect(cy.getElementById('res_crypto').hasClass('isolated')).toBe(false);
    const result = patchElements(
      cy,
      toElements(onlyLibrary, { ...MODULES_AND_LIBRARIES, showLibraries: false }),
    );
    expect(result.updated).toBe(1);
    expect(cy.getElementById('res_crypto').hasClass('isolated')).toBe(true);
    cy.destroy();
  });
});

describe('applySelection', () => {
  it('marks the selected node, focuses its neighbourhood and dims everything else', () => {
    const cy = createCy({ headless: true });
    patchElements(cy, toElements(graph, MODULES_AND_LIBRARIES));
    applySelection(cy, 'res_pjsip_session');
    expect(cy.getElementById('res_pjsip_session').classes()).toContain('selected');
    expect(cy.getElementById('res_pjsip').hasClass('focused')).toBe(true);
    expect(cy.getElementById('chan_pjsip').hasClass('focused')).toBe(true);
    expect(cy.getElementById('requires:res_pjsip_session->res_pjsip').hasClass('focused')).toBe(true);
    expect(cy.getElementById('app_dial').hasClass('dimmed')).toBe(true);
    expect(cy.getElementById('uses-library:res_pjsip->lib:pjproject').hasClass('dimmed')).toBe(true);
    cy.destroy();
  });

  it('clears every state class when the selection goes or names no node', () => {
    const cy = createCy({ headless: true });
    patchElements(cy, toElements(graph, MODULES_AND_LIBRARIES));
    applySelection(cy, 'res_pjsip_session');
    applySelection(cy, 'not_drawn');
    expect(cy.elements('.selected, .focused, .dimmed').length).toBe(0);
    applySelection(cy, 'res_pjsip');
    applySelection(cy, undefined);
    expect(cy.elements('.selected, .focused, .dimmed').length).toBe(0);
    cy.destroy();
  });
});

describe('applyPositions', () => {
  it('moves nodes that have a position and leaves the others where they are', () => {
    const cy = createCy({ headless: true });
    patchElements(cy, toElements(graph, MODULES_AND_LIBRARIES));
    cy.getElementById('app_dial').position({ x: 7, y: 8 });
    applyPositions(cy, { res_pjsip: { x: 100, y: 200 } }, false);
    expect(cy.getElementById('res_pjsip').position()).toEqual({ x: 100, y: 200 });
    expect(cy.getElementById('app_dial').position()).toEqual({ x: 7, y: 8 });
    cy.destroy();
  });
});
