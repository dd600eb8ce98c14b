import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadProgress } from './explorerApi';
import { CancelledError, connectEndpoint, createExplorerClient } from './explorerClient';
import type { ExplorerConnection } from './explorerClient';
import { DATASETS_URL, diskExplorerApi, fixtureFile, readFileUrl } from './testSupport';

const openPorts: MessagePort[] = [];

afterEach(() => {
  for (const port of openPorts.splice(0)) port.close();
});

/** A "worker" on the other end of a MessageChannel: the real API behind comlink, same thread. */
function channelConnection(fetchText = readFileUrl): ExplorerConnection {
  const { port1, port2 } = new MessageChannel();
  openPorts.push(port1, port2);
  expose(diskExplorerApi(fetchText), port2);
  return connectEndpoint(port1, () => {
    port1.close();
    port2.close();
  });
}

describe('explorer client over comlink', () => {
  it('loads a dataset and opens files through a MessageChannel, with progress crossing as a callback', async () => {
    const client = createExplorerClient(() => channelConnection(), { datasetsUrl: DATASETS_URL });
    const dataset = await client.loadDataset('23.4.1');
    expect(dataset.graph?.modules.res_pjsip_session?.kind).toBe('loadable');

    const progress: LoadProgress[] = [];
    const opened = await client.openFiles([await fixtureFile('menuselect-tree.xml')], {}, (p) =>
      progress.push(p),
    );
    expect(opened.graph?.modules.app_queue).toBeDefined();
    expect(progress.map((p) => p.phase)).toContain('parsing');
    client.dispose();
  });

  it('cancel rejects the call in flight and the next call runs on a fresh connection', async () => {
    let connections = 0;
    const stalled = (url: string): Promise<string> =>
      url.endsWith('13.38.3.xml') ? new Promise<string>(() => {}) : readFileUrl(url);
    const client = createExplorerClient(
      () => {
        connections += 1;
        return channelConnection(stalled);
      },
      { datasetsUrl: DATASETS_URL },
    );
    const stuck = client.loadDataset('13.38.3');
    await new Promise((resolve) => setTimeout(resolve, 20));
    client.cancel();
    await expect(stuck).rejects.toBeInstanceOf(CancelledError);

    const next = await client.loadDataset('16.30.1');
    expect(next.graph?.info.version).toBe('16.30.1');
    expect(connections).toBe(2);
    client.dispose();
  });
});
