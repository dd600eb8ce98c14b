import { describe, expect, it } from 'vitest';
import { connectInProcess, createExplorerClient } from '../worker';
import { DATASETS_URL, diskExplorerApi, fixtureFile, readFileUrl } from '../worker/testSupport';
import { createExplorerStore } from './createExplorerStore';
import { allProblems, selectLoadableModuleCount } from './selectors';

function storeWith(fetchText = readFileUrl) {
  const client = createExplorerClient(() => connectInProcess(diskExplorerApi(fetchText)), {
    datasetsUrl: DATASETS_URL,
  });
  return createExplorerStore(client);
}

/** A File whose contents never arrive, standing in for a huge file still being read. */
function neverEndingFile(name: string): File {
  const file = new File(['<docs>'], name);
  return Object.assign(file, { text: () => new Promise<string>(() => {}) });
}

describe('explorer store', () => {
  it('starts with the default built-in dataset, whose loadable module count matches the index', async () => {
    const store = storeWith();
    await store.getState().init();
    const state = store.getState();
    const entry = state.datasetIndex?.datasets.find((d) => d.version === state.datasetIndex?.default);
    expect(state.source).toEqual({ kind: 'builtin', version: state.datasetIndex?.default });
    expect(selectLoadableModuleCount(state)).toBe(entry?.modules);
    expect(state.loading).toBeUndefined();
  });

  it('keeps the selected module and the view settings when switching to a version that has it', async () => {
    const store = storeWith();
    await store.getState().loadBuiltin('23.4.1');
    store.getState().inspectModule('app_dial');
    store.getState().setShowLibraries(true);
    store.getState().setLayout('force');
    await store.getState().loadBuiltin('13.38.3');
    const state = store.getState();
    expect(state.graph?.info.version).toBe('13.38.3');
    expect(state.selection).toEqual({ kind: 'module', name: 'app_dial' });
    expect([state.showLibraries, state.layout]).toEqual([true, 'force']);
  });

  it('drops a selection the new version does not have', async () => {
    const store = storeWith();
    await store.getState().loadBuiltin('23.4.1');
    store.getState().inspectModule('res_pjsip_geolocation');
    await store.getState().loadBuiltin('13.38.3');
    expect(store.getState().selection).toBeUndefined();
  });

  it('keeps graph, selection and settings when an opened file is malformed, and lists the error with its position', async () => {
    const store = storeWith();
    await store.getState().loadBuiltin('22.10.1');
    store.getState().inspectModule('app_queue');
    store.getState().setViewMode('providers');
    const before = store.getState().graph;

    await store.getState().openFiles([await fixtureFile('truncated-core-en_US.xml')]);
    const state = store.getState();
    expect(state.graph).toBe(before);
    expect(state.selection).toEqual({ kind: 'module', name: 'app_queue' });
    expect(state.mode).toBe('providers');
    expect(state.lastAttempt?.outcome).toBe('failed');
    const error = allProblems(state)[0];
    expect(error).toMatchObject({ severity: 'error', file: 'truncated-core-en_US.xml' });
    expect(error?.line).toBeGreaterThan(0);
    expect(error?.column).toBeGreaterThan(0);
  });

  it('replaces the graph with the merge of the opened files and can borrow load order facts from another version', async () => {
    const store = storeWith();
    await store.getState().loadBuiltin('22.10.1');
    await store
      .getState()
      .openFiles([await fixtureFile('core-en_US.xml'), await fixtureFile('menuselect-tree.xml')]);
    let state = store.getState();
    expect(state.source).toMatchObject({ kind: 'files', names: ['core-en_US.xml', 'menuselect-tree.xml'] });
    expect(state.precomputedLayout).toBeUndefined();
    expect(state.graph?.modules.app_dial).toBeDefined();
    expect(state.graph?.modules.res_pjsip_pubsub).toBeUndefined();

    await state.setRuntimeFactsVersion('18.26.4');
    state = store.getState();
    expect(state.graph?.info.runtimeFactsFrom?.version).toBe('18.26.4');
    expect(state.source).toMatchObject({ kind: 'files', runtimeFactsVersion: '18.26.4' });
  });

  it('cancelling a load in progress keeps the previous graph and says it was cancelled', async () => {
    const store = storeWith();
    await store.getState().loadBuiltin('22.10.1');
    const before = store.getState().graph;
    const opening = store.getState().openFiles([neverEndingFile('huge-core-en_US.xml')]);
    expect(store.getState().loading).toMatchObject({ kind: 'files', names: ['huge-core-en_US.xml'] });
    store.getState().cancelLoading();
    await opening;
    const state = store.getState();
    expect(state.loading).toBeUndefined();
    expect(state.graph).toBe(before);
    expect(state.lastAttempt?.outcome).toBe('cancelled');
    expect(state.lastAttempt?.problems[0]?.code).toBe('cancelled');
  });

  it('progress reported after a cancellation does not bring the progress back', async () => {
    const store = storeWith();
    await store.getState().loadBuiltin('22.10.1');
    const slow = Object.assign(new File(['<docs/>'], 'slow.xml'), {
      text: () => new Promise<string>((resolve) => setTimeout(() => resolve('<docs/>'), 30)),
    });
    const opening = store.getState().openFiles([slow]);
    store.getState().cancelLoading();
    await opening;
    // The in-process API keeps going and reports its next phases; they must be ignored.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(store.getState().loading).toBeUndefined();
    expect(store.getState().lastAttempt?.outcome).toBe('cancelled');
  });

  it('only the most recent load lands when an older one finishes later', async () => {
    let releaseOld: () => void = () => {};
    const oldDone = new Promise<void>((resolve) => (releaseOld = resolve));
    const slowOld = async (url: string): Promise<string> => {
      if (url.endsWith('13.38.3.xml')) await oldDone;
      return readFileUrl(url);
    };
    const store = storeWith(slowOld);
    const older = store.getState().loadBuiltin('13.38.3');
    await store.getState().loadBuiltin('16.30.1');
    releaseOld();
    await older;
    expect(store.getState().graph?.info.version).toBe('16.30.1');
  });
});
