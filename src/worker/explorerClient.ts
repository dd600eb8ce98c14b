import { proxy, wrap } from 'comlink';
import type { Endpoint } from 'comlink';
import type { ModuleGraph } from '../model';
import type { DatasetIndex } from '../ingest';
import type { ExplorerApi, LoadResult, OpenFilesOptions, ProgressListener, SourceFile } from './explorerApi';
import type { SimulationRequest, SimulationResponse } from './simulationApi';

/** The worker API as the page sees it: every call is asynchronous. */
export type AsyncExplorerApi = {
  [K in keyof ExplorerApi]: (
    ...args: Parameters<ExplorerApi[K]>
  ) => Promise<Awaited<ReturnType<ExplorerApi[K]>>>;
};

/** One live link to an API instance (a worker, a MessagePort, or the same thread). */
export interface ExplorerConnection {
  api: AsyncExplorerApi;
  /** Ends the link at once; work in flight on the other side is abandoned. */
  close(): void;
}

/** Thrown by calls that were in flight when {@link ExplorerClient.cancel} was called. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

export interface ExplorerClient {
  listDatasets(): Promise<DatasetIndex>;
  loadDataset(version: string): Promise<LoadResult>;
  loadPrecomputedLayout(version: string): Promise<unknown>;
  openFiles(
    files: SourceFile[],
    options?: OpenFilesOptions,
    onProgress?: ProgressListener,
  ): Promise<LoadResult>;
  exportMetadataXml(graph: ModuleGraph): Promise<string>;
  simulate(request: SimulationRequest): Promise<SimulationResponse>;
  /**
   * Stops everything in flight: pending calls reject with {@link CancelledError} and the connection
   * (the worker) is closed; the next call starts a fresh one. Parsing is one long synchronous step,
   * so ending the worker is the only way to interrupt it.
   */
  cancel(): void;
  dispose(): void;
}

/** comlink over any endpoint (Worker, MessagePort); callbacks cross as comlink proxies. */
export function connectEndpoint(endpoint: Endpoint, close: () => void): ExplorerConnection {
  const remote = wrap<ExplorerApi>(endpoint);
  return {
    api: {
      configure: (settings) => remote.configure(settings),
      listDatasets: () => remote.listDatasets(),
      loadDataset: (version) => remote.loadDataset(version),
      loadPrecomputedLayout: (version) => remote.loadPrecomputedLayout(version),
      openFiles: (files, options, onProgress) =>
        remote.openFiles(files, options, onProgress ? proxy(onProgress) : undefined),
      exportMetadataXml: (graph) => remote.exportMetadataXml(graph),
      simulate: (request) => remote.simulate(request),
    },
    close,
  };
}

/** The API on the calling thread: for tests, and for environments without module workers. */
export function connectInProcess(api: ExplorerApi): ExplorerConnection {
  return {
    api: {
      configure: async (settings) => api.configure(settings),
      listDatasets: () => api.listDatasets(),
      loadDataset: (version) => api.loadDataset(version),
      loadPrecomputedLayout: (version) => api.loadPrecomputedLayout(version),
      openFiles: (files, options, onProgress) => api.openFiles(files, options, onProgress),
      exportMetadataXml: async (graph) => api.exportMetadataXml(graph),
      simulate: async (request) => api.simulate(request),
    },
    close() {},
  };
}

export function createExplorerClient(
  connect: () => ExplorerConnection,
  settings: { datasetsUrl: string },
): ExplorerClient {
  let connection: ExplorerConnection | undefined;
  const inFlight = new Set<(error: CancelledError) => void>();

  function api(): AsyncExplorerApi {
    if (!connection) {
      connection = connect();
      // Messages are handled in order, so every later call sees this setting.
      void connection.api.configure(settings);
    }
    return connection.api;
  }

  function track<T>(work: (api: AsyncExplorerApi) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      inFlight.add(reject);
      work(api())
        .then(resolve, reject)
        .finally(() => inFlight.delete(reject));
    });
  }

  function cancel(): void {
    const old = connection;
    connection = undefined;
    const rejects = [...inFlight];
    inFlight.clear();
    for (const reject of rejects) reject(new CancelledError());
    old?.close();
  }

  return {
    listDatasets: () => track((a) => a.listDatasets()),
    loadDataset: (version) => track((a) => a.loadDataset(version)),
    loadPrecomputedLayout: (version) => track((a) => a.loadPrecomputedLayout(version)),
    openFiles: (files, options, onProgress) => track((a) => a.openFiles(files, options, onProgress)),
    exportMetadataXml: (graph) => track((a) => a.exportMetadataXml(graph)),
    simulate: (request) => track((a) => a.simulate(request)),
    cancel,
    dispose: cancel,
  };
}

/** The page's client: a module worker next to this file, datasets resolved against the page URL. */
export function createBrowserExplorerClient(name = 'explorer'): ExplorerClient {
  return createExplorerClient(
    () => {
      const worker = new Worker(new URL('./explorer.worker.ts', import.meta.url), {
        type: 'module',
        name,
      });
      return connectEndpoint(worker, () => worker.terminate());
    },
    { datasetsUrl: new URL('datasets/', document.baseURI).href },
  );
}
