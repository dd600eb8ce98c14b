import { describe, expect, it } from 'vitest';
import { connectInProcess, createExplorerClient } from '../worker';
import { DATASETS_URL, diskExplorerApi, readFileUrl } from '../worker/testSupport';
import { createExplorerStore } from './createExplorerStore';
import { needsModuleNames, searchModules, searchNote } from './moduleSearch';
import { moduleRows, simulationStates } from './moduleTable';
import { selectCurrentVersion, selectSimulation } from './selectors';

function storeWith(fetchText: (url: string) => Promise<string> = readFileUrl) {
  let reads = 0;
  const counting = (url: string): Promise<string> => {
    reads += 1;
    return fetchText(url);
  };
  const client = createExplorerClient(() => connectInProcess(diskExplorerApi(counting)), {
    datasetsUrl: DATASETS_URL,
  });
  return { store: createExplorerStore(client), client, reads: () => reads };
}

describe('search in the store', () => {
  it('fetches the module names of every version once, however often it is asked', async () => {
    const { store, reads } = storeWith();
    await store.getState().loadBuiltin('23.4.1');
    const before = reads();
    await Promise.all([store.getState().loadModuleNames(), store.getState().loadModuleNames()]);
    const after = reads();
    await store.getState().loadModuleNames();
    expect(reads()).toBe(after);
    // The index and the five other datasets (23.4.1 was parsed on the main load's own path).
    expect(after - before).toBeLessThanOrEqual(7);
    expect(store.getState().moduleNames?.map((v) => v.version)).toEqual([
      '13.38.3',
      '16.30.1',
      '18.26.4',
      '22.10.1',
      '23.4.1',
      'master',
    ]);
    expect(store.getState().moduleNamesStatus).toBe('idle');
  });

  it('notes where a missing module went, "no match" for nothing, and nothing for an exact match', async () => {
    const { store } = storeWith();
    await store.getState().loadBuiltin('23.4.1');
    const graph = store.getState().graph;
    const miss = searchModules(graph, 'chan_sip');
    expect(needsModuleNames(miss, store.getState().moduleNames)).toBe(true);
    expect(searchNote(miss, store.getState(), '23.4.1')).toBeUndefined();
    expect(searchNote(searchModules(graph, 'zzzqqq'), store.getState(), '23.4.1')?.kind).toBe('looking');

    await store.getState().loadModuleNames();
    const state = store.getState();
    expect(needsModuleNames(miss, state.moduleNames)).toBe(false);
    expect(searchNote(miss, state, selectCurrentVersion(state))).toEqual({
      kind: 'history',
      text: 'chan_sip: removed after 18.26.4 — last in 18.26.4',
    });
    expect(searchNote(searchModules(graph, 'zzzqqq'), state, '23.4.1')).toEqual({
      kind: 'no-match',
      text: 'no match',
    });
    expect(searchNote(searchModules(graph, 'app_dial'), state, '23.4.1')).toBeUndefined();
  });

  it('leaves out a version that cannot be read', async () => {
    const { store } = storeWith(async (url) => {
      if (url.endsWith('18.26.4.xml')) throw new Error('HTTP 404');
      return readFileUrl(url);
    });
    await store.getState().loadBuiltin('23.4.1');
    await store.getState().loadModuleNames();
    const state = store.getState();
    expect(state.moduleNames?.map((v) => v.version)).not.toContain('18.26.4');
    expect(searchNote(searchModules(state.graph, 'chan_sip'), state, '23.4.1')?.text).toBe(
      'chan_sip: removed after 16.30.1 — last in 16.30.1',
    );
  });

  it('says "no match" once asking the worker failed (cancelled with a load)', async () => {
    const { store, client } = storeWith();
    await store.getState().loadBuiltin('23.4.1');
    const asking = store.getState().loadModuleNames();
    expect(store.getState().moduleNamesStatus).toBe('loading');
    client.cancel();
    await asking;
    const state = store.getState();
    expect(state.moduleNamesStatus).toBe('failed');
    expect(searchNote(searchModules(state.graph, 'zzzqqq'), state, '23.4.1')).toEqual({
      kind: 'no-match',
      text: 'no match',
    });
  });
});

describe('module table rows in the store', () => {
  it('are computed once per graph and carry the counts', async () => {
    const { store } = storeWith();
    await store.getState().loadBuiltin('23.4.1');
    const graph = store.getState().graph;
    const rows = moduleRows(graph);
    expect(moduleRows(graph)).toBe(rows);
    expect(rows).toHaveLength(484);
    const pjsip = rows.find((r) => r.name === 'res_pjsip');
    expect(pjsip).toMatchObject({ category: 'res', supportLevel: 'core' });
    expect(pjsip?.dependents).toBeGreaterThan(40);
    expect(moduleRows(undefined)).toEqual([]);
  });

  it('show the last simulation state of each module, none before a run', async () => {
    const { store } = storeWith();
    await store.getState().loadBuiltin('23.4.1');
    expect(simulationStates(selectSimulation(store.getState()))).toBeUndefined();
    store.getState().setFault('res_odbc', 'decline');
    await store.getState().runSimulation();
    const states = simulationStates(selectSimulation(store.getState()));
    expect(states?.app_dial).toBe('started');
    expect(states?.res_odbc).toBe('declined');
    expect(states?.func_odbc).toBe('declined');
  });
});
