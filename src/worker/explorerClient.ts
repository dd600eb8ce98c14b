import { proxy, wrap } from 'comlink';
import type { Endpoint } from 'comlink';
import type { ModuleGraph } from '../model';
import type { DatasetIndex } from '../ingest';
import type { Cycle, ImpactKind, ImpactResult, PathsResult, VersionDiff } from '../engine';
import type { ExplorerApi, LoadResult, OpenFilesOptions, ProgressListener, SourceFile } from './explorerApi';
import type { PlanRequest, PlanResponse, UpgradeRequest, UpgradeResponse } from './planApi';
import type { SimulationRequest, SimulationResponse } from './simulationApi';
import type { ServerRequest, ServerResponse } from './serverApi';
import { isStaleGraphError } from './heldGraph';

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
  listModuleNames(): Promise<Array<{ version: string; modules: string[] }>>;
  /**
   * The id under which the worker holds `graph`. The graph crosses to the worker once per graph
   * and connection: asking again for the same graph object answers from memory, so a second
   * simulation of the same graph sends only its own arguments.
   */
  useGraph(graph: ModuleGraph): Promise<number>;
  /** The calls below reject with `StaleGraphError` (see `isStaleGraphError`) for an id no longer held. */
  simulate(graphId: number, request: SimulationRequest): Promise<SimulationResponse>;
  findPaths(graphId: number, from: string, to: string): Promise<PathsResult>;
  impact(graphId: number, module: string, as: ImpactKind): Promise<ImpactResult>;
  cycles(graphId: number): Promise<Cycle[]>;
  diffVersions(fromVersion: string, toVersion: string): Promise<VersionDiff>;
  planFromDialplan(graphId: number, request: PlanRequest): Promise<PlanResponse>;
  diagnoseServer(graphId: number, request: ServerRequest): Promise<ServerResponse>;
  upgradeConf(graphId: number, request: UpgradeRequest): Promise<UpgradeResponse>;
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
      listModuleNames: () => remote.listModuleNames(),
      useGraph: (graph) => remote.useGraph(graph),
      simulate: (graphId, request) => remote.simulate(graphId, request),
      findPaths: (graphId, from, to) => remote.findPaths(graphId, from, to),
      impact: (graphId, module, as) => remote.impact(graphId, module, as),
      cycles: (graphId) => remote.cycles(graphId),
      diffVersions: (fromVersion, toVersion) => remote.diffVersions(fromVersion, toVersion),
      planFromDialplan: (graphId, request) => remote.planFromDialplan(graphId, request),
      diagnoseServer: (graphId, request) => remote.diagnoseServer(graphId, request),
      upgradeConf: (graphId, request) => remote.upgradeConf(graphId, request),
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
      listModuleNames: () => api.listModuleNames(),
      useGraph: async (graph) => api.useGraph(graph),
      simulate: async (graphId, request) => api.simulate(graphId, request),
      findPaths: async (graphId, from, to) => api.findPaths(graphId, from, to),
      impact: async (graphId, module, as) => api.impact(graphId, module, as),
      cycles: async (graphId) => api.cycles(graphId),
      diffVersions: (fromVersion, toVersion) => api.diffVersions(fromVersion, toVersion),
      planFromDialplan: async (graphId, request) => api.planFromDialplan(graphId, request),
      diagnoseServer: async (graphId, request) => api.diagnoseServer(graphId, request),
      upgradeConf: (graphId, request) => api.upgradeConf(graphId, request),
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
  // The graph the current connection's worker holds; a new connection (after cancel) holds none.
  let held: { graph: ModuleGraph; id: Promise<number>; resolved?: number } | undefined;
  // Ids of workers ended by cancel(): a call made with one belongs to the cancelled work.
  const revoked = new Set<number>();

  function api(): AsyncExplorerApi {
    if (!connection) {
      connection = connect();
      held = undefined;
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

  function useGraph(graph: ModuleGraph): Promise<number> {
    api();
    if (held?.graph !== graph) {
      const entry: NonNullable<typeof held> = { graph, id: track((a) => a.useGraph(graph)) };
      held = entry;
      entry.id.then(
        (id) => (entry.resolved = id),
        () => {
          if (held === entry) held = undefined;
        },
      );
    }
    return held.id;
  }

  /**
   * A call on a held graph. An id from a worker that cancel() ended rejects as cancelled (the
   * caller got it before the cancel, so the call is part of what was cancelled); a stale id means
   * the worker lost the graph, so the next useGraph sends it again.
   */
  function onHeld<T>(graphId: number, work: (api: AsyncExplorerApi) => Promise<T>): Promise<T> {
    if (revoked.has(graphId)) return Promise.reject(new CancelledError());
    const heldBefore = held;
    return track(work).catch((error: unknown) => {
      if (isStaleGraphError(error) && held === heldBefore) held = undefined;
      throw error;
    });
  }

  function cancel(): void {
    const old = connection;
    connection = undefined;
    if (held?.resolved !== undefined) revoked.add(held.resolved);
    held = undefined;
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
    listModuleNames: () => track((a) => a.listModuleNames()),
    useGraph,
    simulate: (graphId, request) => onHeld(graphId, (a) => a.simulate(graphId, request)),
    findPaths: (graphId, from, to) => onHeld(graphId, (a) => a.findPaths(graphId, from, to)),
    impact: (graphId, module, as) => onHeld(graphId, (a) => a.impact(graphId, module, as)),
    cycles: (graphId) => onHeld(graphId, (a) => a.cycles(graphId)),
    diffVersions: (fromVersion, toVersion) => track((a) => a.diffVersions(fromVersion, toVersion)),
    planFromDialplan: (graphId, request) => onHeld(graphId, (a) => a.planFromDialplan(graphId, request)),
    diagnoseServer: (graphId, request) => onHeld(graphId, (a) => a.diagnoseServer(graphId, request)),
    upgradeConf: (graphId, request) => onHeld(graphId, (a) => a.upgradeConf(graphId, request)),
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
