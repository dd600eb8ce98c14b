import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { connectInProcess, createExplorerClient } from '../worker';
import { DATASETS_URL, diskExplorerApi } from '../worker/testSupport';
import { createExplorerStore } from './createExplorerStore';
import { decodeSharedView, encodeSharedView, linkFromAddress, sharedViewOf } from './shareLink';
import type { SharedViewV1 } from './shareLink';

function newStore() {
  const client = createExplorerClient(() => connectInProcess(diskExplorerApi()), {
    datasetsUrl: DATASETS_URL,
  });
  return createExplorerStore(client);
}

const CONF = '[modules]\nautoload = yes\nnoload => res_pjsip.so\n';

/** A store showing a view with something in every part a link carries. */
async function viewedStore() {
  const store = newStore();
  await store.getState().init();
  const s = store.getState();
  await s.loadBuiltin('22.10.1');
  s.setViewMode('providers');
  s.setViewMode('modules');
  s.setLayout('force');
  s.setFocusMode('hops');
  s.setFocusHops(3);
  s.setOutsideFocus('dim');
  s.setFilterHidden('hiddenCategories', 'tests', true);
  s.setFilterHidden('hiddenEdgeKinds', 'optional', true);
  s.select({ kind: 'module', name: 'app_dial' });
  s.select({ kind: 'module', name: 'chan_pjsip' });
  s.setModulesConf(CONF, 'prod-modules.conf');
  s.setFault('res_sorcery_config', 'decline');
  s.setFilePresent('app_queue', false);
  await s.setSorceryConf({ text: '[res_pjsip]\nendpoint=realtime,ps_endpoints\n', file: 'sorcery.conf' });
  await s.runSimulation();
  s.setTimelineStep(40);
  s.setSidePanelTab('simulate');
  return store;
}

function fragmentOf(view: SharedViewV1): string {
  return encodeSharedView(view);
}

describe('share links', () => {
  it('a view survives the round trip through a link into a fresh store, simulation included', async () => {
    const made = await viewedStore();
    const view = sharedViewOf(made.getState());
    expect(view).toBeDefined();
    const fragment = fragmentOf(view as SharedViewV1);
    expect(fragment).toMatch(/^1\.[A-Za-z0-9+\-$]+$/);

    const opened = newStore();
    await opened.getState().init(decodeSharedView(`#${fragment}`));
    const a = made.getState();
    const b = opened.getState();
    expect(b.source).toEqual({ kind: 'builtin', version: '22.10.1' });
    expect(b.selection).toEqual({ kind: 'module', name: 'chan_pjsip' });
    expect(b.focusTrail).toEqual(['app_dial', 'chan_pjsip']);
    expect([b.layout, b.focusMode, b.focusHops, b.outsideFocus]).toEqual(['force', 'hops', 3, 'dim']);
    expect(b.filters).toEqual(a.filters);
    expect(b.modulesConf).toEqual({ text: CONF, file: 'prod-modules.conf' });
    expect(b.faults).toEqual({ res_sorcery_config: 'decline' });
    expect(b.absentFiles).toEqual(['app_queue']);
    expect(b.sorceryConf).toEqual({
      text: '[res_pjsip]\nendpoint=realtime,ps_endpoints\n',
      file: 'sorcery.conf',
    });
    expect(b.simulation?.result.useCounts.res_sorcery_realtime).toBe(
      a.simulation?.result.useCounts.res_sorcery_realtime,
    );
    // The simulation ran again on opening and gives the same outcome at the same step.
    expect(b.simulation?.result.started).toEqual(a.simulation?.result.started);
    expect(b.simulation?.result.declined).toEqual(a.simulation?.result.declined);
    expect(b.timelineStep).toBe(40);
    expect(b.sidePanelTab).toBe('simulate');
    expect(b.linkNotice).toBeUndefined();
    expect(sharedViewOf(b)).toEqual(view);
  });

  it('a cut-short, edited or future link is refused with a sentence, and nothing is applied', async () => {
    const view = sharedViewOf((await viewedStore()).getState()) as SharedViewV1;
    const fragment = fragmentOf(view);
    expect(decodeSharedView(fragment.slice(0, fragment.length / 2))).toEqual({
      error: expect.stringMatching(/damaged or incomplete/),
    });
    expect(decodeSharedView('1.not-lz-at-all!')).toEqual({ error: expect.stringMatching(/damaged/) });
    expect(decodeSharedView(`7.${fragment.slice(2)}`)).toEqual({
      error: expect.stringMatching(/newer version .*link format 7/),
    });
    const hostile = { ...view, data: { version: '<img src=x onerror=alert(1)>' } };
    expect(decodeSharedView(`1.${compressToEncodedURIComponent(JSON.stringify(hostile))}`)).toEqual({
      error: expect.stringMatching(/does not understand \(data\.version\)/),
    });
    const badHops = { ...view, view: { ...view.view, hops: 99 } };
    expect(decodeSharedView(`1.${compressToEncodedURIComponent(JSON.stringify(badHops))}`)).toEqual({
      error: expect.stringMatching(/\(view\.hops\)/),
    });

    // Opened in a fresh browser, a bad link says why and the default dataset shows.
    const fresh = newStore();
    await fresh.getState().init(decodeSharedView(fragment.slice(0, 30)));
    expect(fresh.getState().linkNotice).toMatch(/damaged/);
    expect(fresh.getState().source).toEqual({
      kind: 'builtin',
      version: fresh.getState().datasetIndex?.default,
    });
  });

  it('a link to a version this app lacks leaves the view as it was and says so', async () => {
    const store = await viewedStore();
    const before = store.getState();
    const view = sharedViewOf(before) as SharedViewV1;
    await store.getState().applySharedView({ ...view, data: { version: '99.0.0' }, selection: undefined });
    const after = store.getState();
    expect(after.linkNotice).toMatch(/Asterisk 99\.0\.0, which this app does not have/);
    expect(after.graph).toBe(before.graph);
    expect(after.selection).toEqual(before.selection);
    expect(after.modulesConf).toBe(before.modulesConf);
  });

  it('a selection the dataset lacks is left out, said, and the rest of the view shown', async () => {
    const store = newStore();
    await store.getState().init();
    const view = sharedViewOf(store.getState()) as SharedViewV1;
    await store.getState().applySharedView({
      ...view,
      data: { version: '23.4.1' },
      selection: { kind: 'module', name: 'chan_sip' },
      view: { ...view.view, mode: 'providers' },
    });
    expect(store.getState().selection).toBeUndefined();
    expect(store.getState().mode).toBe('providers');
    expect(store.getState().linkNotice).toMatch(/names chan_sip, which Asterisk 23\.4\.1 does not have/);
  });

  it('reads ?src= as the address of a dataset file, http(s) only', () => {
    expect(linkFromAddress('', '?src=https%3A%2F%2Fexample.org%2Fcore-en_US.xml')).toEqual({
      src: 'https://example.org/core-en_US.xml',
    });
    expect(linkFromAddress('', '?src=javascript:alert(1)')).toEqual({
      error: expect.stringMatching(/not an http/),
    });
    expect(linkFromAddress('', '')).toBeUndefined();
    expect(linkFromAddress('#', '')).toBeUndefined();
  });
});
