import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadProgress } from './explorerApi';
import { CancelledError, connectEndpoint, createExplorerClient } from './explorerClient';
import { isStaleGraphError } from './heldGraph';
import type { ExplorerConnection } from './explorerClient';
import { DATASETS_URL, diskExplorerApi, fixtureFile, readFileUrl } from './testSupport';

const openPorts: MessagePort[] = [];

afterEach(() => {
  for (const port of openPorts.splice(0)) port.close();
});

/** A "worker" on the other end of a MessageChannel: the real API behind comlink, same thread. */
function channelConnection(fetchText = readFileUrl, sent?: unknown[]): ExplorerConnection {
  const { port1, port2 } = new MessageChannel();
  openPorts.push(port1, port2);
  if (sent) {
    // Every message the page posts to the worker, as structured clone would copy it.
    // comlink posts (message, transferables).
    const post = port1.postMessage.bind(port1) as (message: unknown, transfer: Transferable[]) => void;
    port1.postMessage = ((message: unknown, transfer: Transferable[] = []) => {
      sent.push(structuredClone(message));
      post(message, transfer);
    }) as MessagePort['postMessage'];
  }
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

  it('sends a graph to the worker once: a second simulation carries only its own inputs', async () => {
    const sent: unknown[] = [];
    const client = createExplorerClient(() => channelConnection(readFileUrl, sent), {
      datasetsUrl: DATASETS_URL,
    });
    const { graph } = await client.loadDataset('23.4.1');
    if (!graph) throw new Error('23.4.1 missing');
    const request = {
      modulesConf: { text: '[modules]\nautoload = yes\n', file: 'modules.conf' },
      loader: 'current' as const,
      absentFiles: [],
      faults: { res_odbc: 'decline' as const },
      commands: [],
    };
    const before = sent.length;
    const first = await client.simulate(await client.useGraph(graph), request);
    const second = await client.simulate(await client.useGraph(graph), request);
    expect(second.result?.declined).toEqual(first.result?.declined);
    expect(first.result?.declined).toContain('func_odbc');

    const posted = sent.slice(before).map((m) => JSON.stringify(m));
    const graphSize = JSON.stringify(graph).length;
    // Exactly one message is as big as the graph (useGraph); each simulate call is small.
    expect(posted.filter((m) => m.length >= graphSize)).toHaveLength(1);
    const simulateCalls = posted.filter((m) => m.includes('"simulate"'));
    expect(simulateCalls).toHaveLength(2);
    for (const m of simulateCalls) expect(m.length).toBeLessThan(2_000);
    client.dispose();
  });

  it('after a cancel the fresh worker is sent the graph again; an id of a replaced graph is refused as stale', async () => {
    const client = createExplorerClient(() => channelConnection(), { datasetsUrl: DATASETS_URL });
    const { graph } = await client.loadDataset('23.4.1');
    const { graph: other } = await client.loadDataset('22.10.1');
    if (!graph || !other) throw new Error('datasets missing');

    const oldId = await client.useGraph(graph);
    client.cancel();
    // The id came from the worker that was cancelled: using it is part of the cancelled work.
    await expect(client.cycles(oldId)).rejects.toBeInstanceOf(CancelledError);

    const newId = await client.useGraph(graph);
    expect(newId).not.toBe(oldId);
    const paths = await client.findPaths(newId, 'chan_pjsip', 'res_pjsip');
    expect(paths.paths[0]?.[0]).toBe('chan_pjsip');

    await client.useGraph(other);
    const stale = await client.cycles(newId).catch((error: unknown) => error);
    // comlink carries the error's name, not its class.
    expect(isStaleGraphError(stale)).toBe(true);
    client.dispose();
  });
});
