import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExplorerStore } from './createExplorerStore';
import { selectServerRun } from './serverSlice';
import { connectInProcess, createExplorerClient } from '../worker';
import { DATASETS_URL, diskExplorerApi } from '../worker/testSupport';

const dir = join(__dirname, '../engine/fixtures/01-baseline-autoload');

describe('serverSlice', () => {
  it('compares each file as it is opened, and follows the expected-declines switch', async () => {
    const client = createExplorerClient(() => connectInProcess(diskExplorerApi()), {
      datasetsUrl: DATASETS_URL,
    });
    const store = createExplorerStore(client);
    await store.getState().init();
    await store.getState().loadBuiltin('master');
    await store
      .getState()
      .setServerFile('log', { name: 'full.log', content: readFileSync(join(dir, 'full.log'), 'utf8') });
    const first = selectServerRun(store.getState());
    expect(first?.diagnosis?.disagreements).toHaveLength(54);
    expect(first?.version).toBe('UNKNOWN__and_probably_unsupported');
    await store.getState().setServerExpectOwnDeclines(true);
    expect(selectServerRun(store.getState())?.diagnosis?.disagreements).toEqual([]);
    await store.getState().setServerFile('log', undefined);
    expect(selectServerRun(store.getState())?.diagnosis).toBeUndefined();
    expect(store.getState().serverStatus).toBe('idle');
  });
});
