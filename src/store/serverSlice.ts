/**
 * The Server tab: the files the user brought from their own server (startup log, module show,
 * ls -U, core show settings) and the comparison of that reality with the prediction for the
 * Simulate tab's modules.conf, computed in the simulation worker.
 */
import type { Diagnosis, ElfBuildFacts, ModuleFault, ModuleGraph, Problem } from '../model';
import { loaderOfChoice } from '../model';
import type { ServerFile } from '../worker';
import type { SliceCreator } from './types';
import { onWorkerGraph } from './workerGraph';

export type ServerFileKind = 'log' | 'moduleShow' | 'listing' | 'settings';

export interface ServerRun {
  graph: ModuleGraph;
  diagnosis: Diagnosis | undefined;
  problems: Problem[];
  version?: string;
  suggestedDataset?: { version: string; exact: boolean };
  /** What the module files (.so) say about the server's build. */
  build?: ElfBuildFacts;
  /** From module show: what the Simulate tab takes over with `useServerCalibration`. */
  calibration?: { faults: Record<string, ModuleFault>; heldReferences: Record<string, number> };
}

export interface ServerSlice {
  serverFiles: Partial<Record<ServerFileKind, ServerFile>>;
  /** The module files (.so) the user opened: read as ELF in the worker. */
  serverModuleFiles: ServerFile[];
  /** Take every decline in a module's own load() the log shows as expected (they then agree). */
  serverExpectOwnDeclines: boolean;
  serverRun: ServerRun | undefined;
  serverStatus: 'idle' | 'running';
  serverError: string | undefined;
  setServerFile(kind: ServerFileKind, file: ServerFile | undefined): Promise<void>;
  setServerModuleFiles(files: ServerFile[]): Promise<void>;
  setServerExpectOwnDeclines(expect: boolean): Promise<void>;
  runServerDiagnosis(): Promise<void>;
  /**
   * Takes the module show over into the Simulate tab: the modules the server does not run decline
   * (or are missing) and the references it holds are kept, so unload and refresh refuse as it would.
   */
  useServerCalibration(): Promise<void>;
}

export const createServerSlice: SliceCreator<ServerSlice> = (set, get, _store, ctx) => {
  let ticket = 0;

  async function run(): Promise<void> {
    const state = get();
    const graph = state.graph;
    if (!graph) return;
    const mine = ++ticket;
    set({ serverStatus: 'running', serverError: undefined });
    try {
      const response = await onWorkerGraph(ctx.simulationClient, graph, (graphId) =>
        ctx.simulationClient.diagnoseServer(graphId, {
          ...state.serverFiles,
          ...(state.serverModuleFiles.length > 0 ? { moduleFiles: state.serverModuleFiles } : {}),
          modulesConf: state.modulesConf,
          loader: loaderOfChoice(state.simLoader),
          expectOwnDeclines: state.serverExpectOwnDeclines,
        }),
      );
      if (mine !== ticket) return;
      const serverRun: ServerRun = { graph, diagnosis: response.diagnosis, problems: response.problems };
      if (response.version !== undefined) serverRun.version = response.version;
      if (response.suggestedDataset) serverRun.suggestedDataset = response.suggestedDataset;
      if (response.build) serverRun.build = response.build;
      if (response.calibration) serverRun.calibration = response.calibration;
      set({ serverStatus: 'idle', serverRun });
    } catch (error) {
      if (mine !== ticket) return;
      set({
        serverStatus: 'idle',
        serverError: `The comparison failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  return {
    serverFiles: {},
    serverModuleFiles: [],
    serverExpectOwnDeclines: false,
    serverRun: undefined,
    serverStatus: 'idle',
    serverError: undefined,
    async setServerFile(kind, file) {
      const files = { ...get().serverFiles };
      if (file) files[kind] = file;
      else delete files[kind];
      set({ serverFiles: files });
      await run();
    },
    async setServerModuleFiles(moduleFiles) {
      set({ serverModuleFiles: moduleFiles });
      await run();
    },
    async setServerExpectOwnDeclines(expect) {
      set({ serverExpectOwnDeclines: expect });
      await run();
    },
    runServerDiagnosis: run,
    async useServerCalibration() {
      const c = get().serverRun?.calibration;
      if (!c) return;
      set((s) => ({ faults: { ...s.faults, ...c.faults } }));
      await get().setHeldReferences(c.heldReferences);
    },
  };
};

/** The comparison of the graph on screen (a run made on another graph is not shown). */
export const selectServerRun = (s: {
  serverRun: ServerRun | undefined;
  graph: ModuleGraph | undefined;
}): ServerRun | undefined => (s.serverRun && s.serverRun.graph === s.graph ? s.serverRun : undefined);
