import type { ModuleGraph, Problem } from '../model';
import {
  checkGraphSize,
  checkInputSize,
  checkTextInput,
  detectFormat,
  ingestFiles,
  parseMetadataXml,
  validateGraph,
  writeMetadataXml,
} from '../ingest';
import type { DatasetIndex, InputFile, InputFormat, TextInputResult } from '../ingest';
import { runSimulation } from './simulationApi';
import type { SimulationRequest, SimulationResponse } from './simulationApi';
import { createGraphHolder } from './heldGraph';
import { diffGraphs } from '../engine';
import type { Cycle, ImpactKind, ImpactResult, PathsResult, VersionDiff } from '../engine';
import { cyclesOf, impactOfModule, pathsBetween } from './graphQuestions';
import { planFromDialplan, upgradeConf } from './planApi';
import { diagnoseServer } from './serverApi';
import type { ServerRequest, ServerResponse } from './serverApi';
import type { PlanRequest, PlanResponse, UpgradeRequest, UpgradeResponse } from './planApi';

/**
 * Everything the page asks of the worker, as plain async functions. The worker shell exposes this
 * object over comlink; tests and the in-process fallback call it directly.
 */

/** A file to read: a browser `File` (read here, off the main thread) or text already in memory. */
export type SourceFile = (Blob & { readonly name: string }) | InputFile;

export type LoadPhase = 'reading' | 'loading-builtins' | 'parsing' | 'done';

export interface LoadProgress {
  phase: LoadPhase;
  /** 1-based index of the file the phase is at (0 while loading built-in datasets). */
  fileIndex: number;
  fileCount: number;
  fileName?: string;
  /** Format detected from the content, once the file has been read. */
  format?: InputFormat;
  /** Bytes read so far over all files. */
  bytesRead: number;
  totalBytes: number;
}

export type ProgressListener = (progress: LoadProgress) => void;

export interface LoadResult {
  /** Undefined when the input was unusable; the caller keeps what it had. */
  graph: ModuleGraph | undefined;
  problems: Problem[];
}

export interface OpenFilesOptions {
  /** Borrow load order facts from this built-in version instead of the best match. */
  runtimeFactsVersion?: string;
}

export interface ExplorerApi {
  /** Where public/datasets lives as seen from the page (the worker's own URL is elsewhere). */
  configure(settings: { datasetsUrl: string }): void;
  listDatasets(): Promise<DatasetIndex>;
  loadDataset(version: string): Promise<LoadResult>;
  /** Parsed `<version>.layout.json`, or undefined when there is none; the graph layer validates it. */
  loadPrecomputedLayout(version: string): Promise<unknown>;
  openFiles(
    files: SourceFile[],
    options?: OpenFilesOptions,
    onProgress?: ProgressListener,
  ): Promise<LoadResult>;
  exportMetadataXml(graph: ModuleGraph): string;
  /**
   * Loadable and built-in module names of every built-in version, oldest first, for "chan_sip:
   * removed after 18.26.4"; parses the datasets not parsed yet (and keeps them, as borrowing does).
   */
  listModuleNames(): Promise<Array<{ version: string; modules: string[] }>>;
  /**
   * Keeps `graph` in the worker (replacing the one held before) and returns the id that the calls
   * below take instead of the graph; an id that is no longer held makes them throw
   * `StaleGraphError` (see `heldGraph.ts`).
   */
  useGraph(graph: ModuleGraph): number;
  /** Runs the loader simulation (parses modules.conf first); see `simulationApi.ts`. */
  simulate(graphId: number, request: SimulationRequest): SimulationResponse;
  /** Every dependency path from one module to another (engine `findPaths`). */
  findPaths(graphId: number, from: string, to: string): PathsResult;
  /** What goes down with a module that fails, is missing, noloaded or unloaded (engine `impactOf`). */
  impact(graphId: number, module: string, as: ImpactKind): ImpactResult;
  /** Every dependency cycle (engine `findCycles`). */
  cycles(graphId: number): Cycle[];
  /** What changed between two built-in versions (engine `diffGraphs`); the datasets are parsed once and kept. */
  diffVersions(fromVersion: string, toVersion: string): Promise<VersionDiff>;
  /** A minimal modules.conf for a dialplan and declared needs, verified (see `planApi.ts`). */
  planFromDialplan(graphId: number, request: PlanRequest): PlanResponse;
  /**
   * modules.conf carried from a built-in version (`request.from`, else the held graph's) to a
   * built-in version (see `planApi.ts`).
   */
  upgradeConf(graphId: number, request: UpgradeRequest): Promise<UpgradeResponse>;
  /** The user's own server against the prediction (see `serverApi.ts`). */
  diagnoseServer(graphId: number, request: ServerRequest): ServerResponse;
}

export interface ExplorerApiDeps {
  /** Resolves with the body of `url`, rejects when it cannot be read (HTTP error, network). */
  fetchText(url: string): Promise<string>;
  datasetsUrl?: string;
}

export async function fetchTextOverHttp(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  return response.text();
}

function sizeOf(file: SourceFile): number {
  return 'text' in file && typeof file.text === 'string' ? file.text.length : (file as Blob).size;
}

/** The file's text through ingest's one gate (size, binary check, UTF-8/UTF-16 decoding), as the CLI reads it. */
async function readText(file: SourceFile): Promise<TextInputResult> {
  if (typeof file.text === 'string') return checkTextInput(file.name, file.text, 'data');
  const blob = file as Blob;
  const tooLarge = checkInputSize(file.name, blob.size, 'data');
  if (tooLarge) return { text: undefined, encoding: 'utf-8', problem: tooLarge };
  return checkTextInput(file.name, new Uint8Array(await blob.arrayBuffer()), 'data');
}

function datasetFileLabel(version: string): string {
  return `datasets/${version}.xml`;
}

export function createExplorerApi(deps: ExplorerApiDeps): ExplorerApi {
  let datasetsUrl = deps.datasetsUrl ?? 'datasets/';
  let index: Promise<DatasetIndex> | undefined;
  // Parsed built-in datasets, kept for borrowing load order facts; dropped with the worker.
  const builtins = new Map<string, Promise<ModuleGraph | undefined>>();
  const held = createGraphHolder();

  function url(file: string): string {
    // A relative base (tests, odd hosts) is joined as a path; the page hands in an absolute one.
    return URL.canParse(datasetsUrl) ? new URL(file, datasetsUrl).href : `${datasetsUrl}${file}`;
  }

  function listDatasets(): Promise<DatasetIndex> {
    index ??= deps
      .fetchText(url('index.json'))
      .then((text) => JSON.parse(text) as DatasetIndex)
      .catch((error: unknown) => {
        index = undefined;
        throw error;
      });
    return index;
  }

  async function fileOf(version: string): Promise<string> {
    const entry = (await listDatasets()).datasets.find((d) => d.version === version);
    return entry?.file ?? `${version}.xml`;
  }

  async function loadDataset(version: string): Promise<LoadResult> {
    const label = datasetFileLabel(version);
    let text: string;
    try {
      text = await deps.fetchText(url(await fileOf(version)));
    } catch (error) {
      return {
        graph: undefined,
        problems: [
          {
            severity: 'error',
            code: 'unknown-format',
            message: `The built-in dataset for Asterisk ${version} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
            file: label,
          },
        ],
      };
    }
    const parsed = parseMetadataXml(text, label);
    if (!parsed.data) return { graph: undefined, problems: parsed.problems };
    return { graph: parsed.data, problems: [...parsed.problems, ...validateGraph(parsed.data)] };
  }

  function builtin(version: string): Promise<ModuleGraph | undefined> {
    let pending = builtins.get(version);
    if (!pending) {
      pending = loadDataset(version).then((r) => r.graph);
      builtins.set(version, pending);
    }
    return pending;
  }

  async function allBuiltins(): Promise<ModuleGraph[]> {
    const { datasets } = await listDatasets();
    const graphs = await Promise.all(datasets.map((d) => builtin(d.version)));
    return graphs.filter((g): g is ModuleGraph => g !== undefined);
  }

  async function requiredBuiltin(version: string): Promise<ModuleGraph> {
    const graph = await builtin(version);
    if (!graph) {
      // Not cached as a failure forever: the next attempt reads the file again.
      builtins.delete(version);
      throw new Error(`The built-in dataset for Asterisk ${version} could not be loaded`);
    }
    return graph;
  }

  async function moduleNames(): Promise<Array<{ version: string; modules: string[] }>> {
    return (await allBuiltins()).map((graph) => ({
      version: graph.info.version,
      modules: Object.values(graph.modules)
        .filter((m) => m.kind === 'loadable' || m.kind === 'builtin')
        .map((m) => m.name),
    }));
  }

  async function openFiles(
    files: SourceFile[],
    options: OpenFilesOptions = {},
    onProgress?: ProgressListener,
  ): Promise<LoadResult> {
    const totalBytes = files.reduce((sum, f) => sum + sizeOf(f), 0);
    let bytesRead = 0;
    const report = (p: Omit<LoadProgress, 'fileCount' | 'bytesRead' | 'totalBytes'>): void =>
      onProgress?.({ ...p, fileCount: files.length, bytesRead, totalBytes });

    const inputs: InputFile[] = [];
    const refused: Problem[] = [];
    for (const [i, file] of files.entries()) {
      report({ phase: 'reading', fileIndex: i + 1, fileName: file.name });
      const { text, problem } = await readText(file);
      bytesRead += sizeOf(file);
      if (text === undefined) {
        if (problem) refused.push(problem);
        continue;
      }
      inputs.push({ name: file.name, text });
      report({ phase: 'reading', fileIndex: i + 1, fileName: file.name, format: detectFormat(text) });
    }
    // As for a file that fails to parse: nothing is merged, and the current graph stays.
    if (refused.length > 0) return { graph: undefined, problems: refused };

    report({ phase: 'loading-builtins', fileIndex: 0 });
    let builtinDatasets: ModuleGraph[] = [];
    try {
      builtinDatasets = await allBuiltins();
    } catch {
      // Without built-ins the user's files still make a graph, only without borrowed load order facts.
    }

    report({ phase: 'parsing', fileIndex: files.length, fileName: files.map((f) => f.name).join(', ') });
    const result = ingestFiles(inputs, {
      builtinDatasets,
      ...(options.runtimeFactsVersion ? { runtimeFactsVersion: options.runtimeFactsVersion } : {}),
    });
    report({ phase: 'done', fileIndex: files.length });
    const tooLarge =
      result.graph &&
      checkGraphSize(
        files.map((f) => f.name),
        Object.keys(result.graph.modules).length,
      );
    if (tooLarge) return { graph: undefined, problems: [tooLarge] };
    return { graph: result.graph, problems: result.problems };
  }

  return {
    configure(settings) {
      if (settings.datasetsUrl !== datasetsUrl) {
        datasetsUrl = settings.datasetsUrl;
        index = undefined;
        builtins.clear();
      }
    },
    listDatasets,
    loadDataset,
    async loadPrecomputedLayout(version) {
      try {
        return JSON.parse(await deps.fetchText(url(`${version}.layout.json`))) as unknown;
      } catch {
        return undefined;
      }
    },
    openFiles,
    exportMetadataXml: (graph) => writeMetadataXml(graph),
    listModuleNames: moduleNames,
    useGraph: (graph) => held.hold(graph),
    simulate: (graphId, request) => runSimulation(held.get(graphId), request),
    findPaths: (graphId, from, to) => pathsBetween(held.get(graphId), from, to),
    impact: (graphId, module, as) => impactOfModule(held.get(graphId), module, as),
    cycles: (graphId) => cyclesOf(held.get(graphId)),
    async diffVersions(fromVersion, toVersion) {
      const [a, b] = await Promise.all([requiredBuiltin(fromVersion), requiredBuiltin(toVersion)]);
      return diffGraphs(a, b);
    },
    planFromDialplan: (graphId, request) => planFromDialplan(held.get(graphId), request),
    diagnoseServer: (graphId, request) => diagnoseServer(held.get(graphId), request),
    async upgradeConf(graphId, request) {
      const onScreen = held.get(graphId);
      const [from, to, history] = await Promise.all([
        request.from === undefined ? onScreen : requiredBuiltin(request.from),
        requiredBuiltin(request.to),
        // Only "last in 18.26.4" is lost without the other versions; the findings still stand.
        moduleNames().catch(() => undefined),
      ]);
      return upgradeConf(from, to, history, request);
    },
  };
}
