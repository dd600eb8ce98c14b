import { describe, expect, it } from 'vitest';
import { connectInProcess, createExplorerClient } from '../worker';
import type { AsyncExplorerApi, ExplorerConnection } from '../worker';
import { DATASETS_URL, diskExplorerApi } from '../worker/testSupport';
import { createExplorerStore } from './createExplorerStore';
import { selectCompareVersions, selectImpactModule, selectPaths } from './explainSelectors';

type Delays = { findPaths?: (from: string) => number; cycles?: number };

/** The real API in process; `delays` holds some answers back, as a busy worker would. */
function connection(delays: Delays = {}): ExplorerConnection {
  const inner = connectInProcess(diskExplorerApi());
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const api: AsyncExplorerApi = {
    ...inner.api,
    findPaths: async (graphId, from, to) => {
      await wait(delays.findPaths?.(from) ?? 0);
      return inner.api.findPaths(graphId, from, to);
    },
    cycles: async (graphId) => {
      await wait(delays.cycles ?? 0);
      return inner.api.cycles(graphId);
    },
  };
  return { api, close: inner.close };
}

async function storeOn(version: string, delays: Delays = {}) {
  const client = createExplorerClient(() => connection(), { datasetsUrl: DATASETS_URL });
  const queries = createExplorerClient(() => connection(delays), { datasetsUrl: DATASETS_URL });
  const store = createExplorerStore(client, queries);
  await store.getState().loadBuiltin(version);
  return store;
}

describe('explain slice', () => {
  it('finds paths in the worker and draws their union, starting at From', async () => {
    const store = await storeOn('23.4.1');
    await store.getState().findPaths('chan_pjsip', 'res_sorcery_config');
    const s = store.getState();
    const paths = selectPaths(s);
    expect(paths?.status).toBe('done');
    expect(s.highlight).toMatchObject({ kind: 'path', origin: 'chan_pjsip' });
    expect(s.highlight?.title).toMatch(
      /^\d+ paths from chan_pjsip to res_sorcery_config \(shortest first\)$/,
    );
    expect(s.highlight?.nodes).toEqual(
      expect.arrayContaining(['chan_pjsip', 'res_pjsip', 'res_sorcery_config']),
    );
    expect(s.highlight?.edges).toContainEqual(['chan_pjsip', 'res_pjsip']);

    store.getState().showPath(0);
    expect(store.getState().highlight?.nodes).toEqual(['chan_pjsip', 'res_pjsip', 'res_sorcery_config']);
    store.getState().clearPaths();
    expect([store.getState().highlight, store.getState().paths]).toEqual([undefined, undefined]);
  });

  it('reports an unknown module as a failed question with the nearest name, and draws nothing', async () => {
    const store = await storeOn('23.4.1');
    await store.getState().findPaths('chan_pjsipp', 'res_pjsip');
    const paths = store.getState().paths;
    expect(paths?.status === 'failed' ? paths.message : '').toContain('did you mean chan_pjsip?');
    expect(store.getState().highlight).toBeUndefined();
  });

  it('a graph change clears the answers and the drawing', async () => {
    const store = await storeOn('23.4.1');
    await store.getState().findPaths('chan_pjsip', 'res_pjsip');
    await store.getState().computeCycles();
    await store.getState().computeImpact('res_pjsip', 'noload');
    expect(store.getState().highlight).toBeDefined();
    await store.getState().loadBuiltin('22.10.1');
    const s = store.getState();
    expect([s.paths, s.impact, s.cycles, s.highlight]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('drops an answer that arrives after a newer question of the same kind', async () => {
    const store = await storeOn('23.4.1', { findPaths: (from) => (from === 'chan_pjsip' ? 80 : 0) });
    const older = store.getState().findPaths('chan_pjsip', 'res_pjsip');
    await store.getState().findPaths('app_queue', 'res_odbc');
    await older;
    const paths = store.getState().paths;
    expect(paths?.query).toEqual({ from: 'app_queue', to: 'res_odbc' });
    expect(store.getState().highlight).toBeUndefined();
  });

  it('drops an answer computed for a graph that is no longer on screen', async () => {
    const store = await storeOn('23.4.1', { cycles: 80 });
    const asked = store.getState().computeCycles();
    await store.getState().loadBuiltin('master');
    await asked;
    expect(store.getState().cycles).toBeUndefined();
    await store.getState().computeCycles();
    const cycles = store.getState().cycles;
    expect(cycles?.graph.info.version).toBe('master');
    expect(cycles?.status === 'done' ? cycles.answer.length : 0).toBeGreaterThan(0);
  });

  it('impact follows the selection, draws itself, and leaves a path the user drew alone', async () => {
    const store = await storeOn('23.4.1');
    store.getState().inspectModule('res_pjsip');
    store.getState().setImpactModule('res_odbc');
    expect(selectImpactModule(store.getState())).toBe('res_odbc');
    store.getState().inspectModule('res_pjsip');
    expect(selectImpactModule(store.getState())).toBe('res_pjsip');

    await store.getState().computeImpact('res_pjsip', 'noload');
    const impact = store.getState().impact;
    expect(impact?.status === 'done' ? impact.answer.modules : []).toContain('chan_pjsip');
    expect(store.getState().highlight).toMatchObject({ kind: 'impact', origin: 'res_pjsip' });
    expect(store.getState().highlight?.title).toMatch(/^noload res_pjsip takes down \d+ modules$/);
    expect(store.getState().highlight?.edges).toContainEqual(['res_pjsip_session', 'res_pjsip']);

    await store.getState().findPaths('chan_pjsip', 'res_pjsip');
    await store.getState().computeImpact('res_odbc', 'fail');
    expect(store.getState().highlight?.kind).toBe('path');
    store.getState().showImpact();
    expect(store.getState().highlight).toMatchObject({ kind: 'impact', origin: 'res_odbc' });

    // Turning to Impact by hand is asking to see it: the path gives way, the answer is drawn.
    await store.getState().findPaths('chan_pjsip', 'res_pjsip');
    store.getState().setImpactAs('fail');
    expect(store.getState().highlight).toBeUndefined();
    await store.getState().computeImpact('res_odbc', 'fail');
    expect(store.getState().highlight).toMatchObject({ kind: 'impact', origin: 'res_odbc' });
  });

  it('a simulation cancelled while a question is in flight does not lose the question', async () => {
    const store = await storeOn('23.4.1', { cycles: 40 });
    const asked = store.getState().computeCycles();
    store.setState({ simulationStatus: 'running' });
    store.getState().cancelSimulation();
    await asked;
    expect(store.getState().cycles?.status).toBe('done');
  });
});

describe('compare slice', () => {
  it('defaults to the version before the one on screen and that one', async () => {
    const store = await storeOn('23.4.1');
    // The list of versions comes with init (the newest release, 23.4.1, is its default).
    await store.getState().init();
    expect(selectCompareVersions(store.getState())).toEqual({ from: '22.10.1', to: '23.4.1' });
    await store.getState().loadBuiltin('master');
    expect(selectCompareVersions(store.getState())).toEqual({ from: '23.4.1', to: 'master' });
    await store.getState().loadBuiltin('13.38.3');
    expect(selectCompareVersions(store.getState())).toEqual({ from: '13.38.3', to: '16.30.1' });
  });

  it('"Show on graph" puts the To version on screen with the overlay; another dataset takes it off', async () => {
    const store = await storeOn('22.10.1');
    await store.getState().compareVersions('18.26.4', '23.4.1');
    const compare = store.getState().compare;
    expect(compare?.status === 'done' ? compare.answer.removed : []).toContain('chan_sip');

    await store.getState().setCompareOnGraph(true);
    let s = store.getState();
    expect(s.graph?.info.version).toBe('23.4.1');
    expect(s.compareOnGraph).toBe(true);
    expect(s.compareOverlay).toMatchObject({ from: '18.26.4', to: '23.4.1' });
    expect(s.compareOverlay?.removed).toContain('chan_sip');
    expect(s.compareOverlay?.changed.length).toBeGreaterThan(0);

    await store.getState().loadBuiltin('master');
    s = store.getState();
    expect([s.compareOnGraph, s.compareOverlay]).toEqual([false, undefined]);
  });

  it('unticking "Show on graph" takes the overlay off and keeps the dataset', async () => {
    const store = await storeOn('23.4.1');
    await store.getState().compareVersions('22.10.1', '23.4.1');
    await store.getState().setCompareOnGraph(true);
    const graph = store.getState().graph;
    expect(store.getState().compareOverlay).toBeDefined();
    await store.getState().setCompareOnGraph(false);
    expect(store.getState().compareOverlay).toBeUndefined();
    expect(store.getState().graph).toBe(graph);
  });
});
