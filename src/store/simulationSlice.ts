import { loaderOfChoice } from '../model';
import { CancelledError } from '../worker';
import type { SimulationSlice } from './simulationTypes';
import type { SliceCreator } from './types';
import { onWorkerGraph } from './workerGraph';

/** What a fresh simulation starts from: every module file present is loaded (Asterisk's sample). */
export const DEFAULT_MODULES_CONF = '[modules]\nautoload = yes\n';

export const createSimulationSlice: SliceCreator<SimulationSlice> = (set, get, _store, ctx) => {
  // Only the newest run lands; an older one finishing later (or cancelled) is dropped.
  let ticket = 0;

  async function run(commands: string[]): Promise<void> {
    const state = get();
    const graph = state.graph;
    if (!graph) return;
    const mine = ++ticket;
    set({ simulationStatus: 'running', simulationNotice: undefined });
    try {
      // The worker keeps the graph between runs; a run sends only its own inputs.
      const response = await onWorkerGraph(ctx.simulationClient, graph, (graphId) =>
        ctx.simulationClient.simulate(graphId, {
          modulesConf: state.modulesConf,
          loader: loaderOfChoice(state.simLoader),
          absentFiles: state.absentFiles,
          faults: state.faults,
          commands,
          ...(state.sorceryConf ? { sorceryConf: state.sorceryConf } : {}),
          ...(Object.keys(state.heldReferences).length > 0 ? { heldReferences: state.heldReferences } : {}),
        }),
      );
      if (mine !== ticket) return;
      if (!response.result && response.sorceryProblems.some((p) => p.severity === 'error')) {
        set({
          simulationStatus: 'idle',
          sorceryProblems: response.sorceryProblems,
          simulationNotice: {
            kind: 'rejected',
            message: `${state.sorceryConf?.file ?? 'sorcery.conf'} has lines that cannot be read; fix them (below) or close it. The previous result is kept.`,
          },
        });
        return;
      }
      if (!response.result) {
        // Bad input never costs what the user had: the previous result stays on screen.
        set({
          simulationStatus: 'idle',
          confProblems: response.confProblems,
          simulationNotice: {
            kind: 'rejected',
            message: `Asterisk would refuse ${state.modulesConf.file} ('modules.conf' invalid or missing.) and exit with status 1; fix the problems below. The previous result is kept.`,
          },
        });
        return;
      }
      set({
        simulationStatus: 'idle',
        simulation: { graph, result: response.result, commands, intent: response.intent },
        commands,
        confProblems: response.confProblems,
        sorceryProblems: response.sorceryProblems,
        timelineStep: undefined,
        colourBy: 'outcome',
      });
    } catch (error) {
      if (mine !== ticket) return;
      const cancelled = error instanceof CancelledError;
      set({
        simulationStatus: 'idle',
        simulationNotice: cancelled
          ? { kind: 'cancelled', message: 'The simulation was cancelled; the previous result is kept.' }
          : {
              kind: 'failed',
              message: `The simulation failed: ${error instanceof Error ? error.message : String(error)}`,
            },
      });
    }
  }

  return {
    simLoader: 'version',
    modulesConf: { text: DEFAULT_MODULES_CONF, file: 'modules.conf' },
    absentFiles: [],
    faults: {},
    commands: [],
    simulation: undefined,
    confProblems: [],
    sorceryConf: undefined,
    sorceryProblems: [],
    heldReferences: {},
    simulationStatus: 'idle',
    simulationNotice: undefined,
    timelineStep: undefined,
    colourBy: 'category',

    setSimLoader: (simLoader) => set({ simLoader }),
    setModulesConf: (text, file) => set((s) => ({ modulesConf: { text, file: file ?? s.modulesConf.file } })),
    async setHeldReferences(heldReferences) {
      set({ heldReferences });
      await run(get().commands);
    },
    async setSorceryConf(file) {
      set({ sorceryConf: file, sorceryProblems: [] });
      await run(get().commands);
    },
    setFilePresent: (module, present) =>
      set((s) => {
        const others = s.absentFiles.filter((m) => m !== module);
        return { absentFiles: present ? others : [...others, module].sort() };
      }),
    setAllFilesPresent: () => set({ absentFiles: [] }),
    setFault: (module, fault) =>
      set((s) => {
        const faults = { ...s.faults };
        if (fault) faults[module] = fault;
        else delete faults[module];
        return { faults };
      }),
    clearFaults: () => set({ faults: {} }),
    runSimulation: () => run(get().commands),
    cancelSimulation() {
      if (get().simulationStatus !== 'running') return;
      // Terminates the simulation worker; the rejected call records the cancellation.
      ctx.simulationClient.cancel();
    },
    runCommand: (command) => run([...get().commands, command]),
    clearCommands: () => run([]),
    setTimelineStep: (timelineStep) => set({ timelineStep }),
    setColourBy: (colourBy) => set({ colourBy }),
  };
};
