import type { DialplanFile, ModulesPlan, PlanNeeds, Problem } from '../model';
import { readEditorFile } from './editorText';
import type { EditorFileResult } from './editorText';
import { CancelledError } from '../worker';
import type { ExplorerClient, PlanResponse, UpgradeResult } from '../worker';
import type {
  PlanAttempt,
  PlanInputs,
  PlanNeedsChoice,
  PlanSlice,
  UpgradeAttempt,
  UpgradeInputs,
} from './planTypes';
import type { ExplorerState, SliceCreator } from './types';
import { onWorkerGraph } from './workerGraph';

export const NO_PLAN_NEEDS: PlanNeedsChoice = {
  channels: [],
  codecs: [],
  formats: [],
  musicOnHold: false,
  cdr: [],
  cel: [],
  ari: false,
  keep: '',
};

/** "res_http_websocket, app_fax res_fax" -> its names. */
export function keepNames(text: string): string[] {
  return text.split(/[\s,;]+/).filter((n) => n !== '');
}

/** The engine's PlanNeeds for the controls' choices; an empty list leaves the planner's default. */
export function planNeedsOf(choice: PlanNeedsChoice): PlanNeeds {
  const needs: PlanNeeds = {};
  if (choice.channels.length > 0) needs.channels = [...choice.channels];
  if (choice.codecs.length > 0) needs.codecs = [...choice.codecs];
  if (choice.formats.length > 0) needs.formats = [...choice.formats];
  if (choice.musicOnHold) needs.musicOnHold = true;
  if (choice.cdr.length > 0) needs.cdr = [...choice.cdr];
  if (choice.cel.length > 0) needs.cel = [...choice.cel];
  if (choice.ari) needs.ari = true;
  const keep = keepNames(choice.keep);
  if (keep.length > 0) needs.keep = keep;
  return needs;
}

function hasNeeds(choice: PlanNeedsChoice): boolean {
  return Object.keys(planNeedsOf(choice)).length > 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The inputs the Plan tab would plan from now; undefined without a graph. */
export function selectPlanInputs(s: ExplorerState): PlanInputs | undefined {
  if (!s.graph) return undefined;
  return {
    graph: s.graph,
    files: s.dialplanFiles,
    needs: s.planNeeds,
    current: s.planAgainstCurrent ? s.modulesConf : undefined,
  };
}

function sameInputs(a: PlanInputs | undefined, b: PlanInputs | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.graph === b.graph &&
    a.files === b.files &&
    a.needs === b.needs &&
    a.current === b.current
  );
}

/** Whether there is anything to plan from: a dialplan file or a declared need. */
export function selectCanPlan(s: ExplorerState): boolean {
  return s.dialplanFiles.length > 0 || hasNeeds(s.planNeeds);
}

/** True when the inputs changed since the last attempt (or there was none): a plan is due. */
export function selectPlanIsStale(s: ExplorerState): boolean {
  if (!selectCanPlan(s)) return false;
  return !sameInputs(s.planAttempt?.inputs, selectPlanInputs(s));
}

/** The newest attempt, while its graph is on screen. */
export function selectPlanAttempt(s: ExplorerState): PlanAttempt | undefined {
  return s.planAttempt && s.planAttempt.inputs.graph === s.graph ? s.planAttempt : undefined;
}

/** The plan to show: the newest one made for the graph on screen. */
export function selectPlan(s: ExplorerState): ModulesPlan | undefined {
  return s.planMade && s.planMade.inputs.graph === s.graph ? s.planMade.plan : undefined;
}

/** The last plan was made from other inputs than the newest attempt's (that one made none). */
export function selectPlanIsPrevious(s: ExplorerState): boolean {
  const attempt = selectPlanAttempt(s);
  return selectPlan(s) !== undefined && attempt !== undefined && s.planMade?.inputs !== attempt.inputs;
}

/**
 * The version Upgrade carries to: the one chosen, else the newest release (master when that is
 * the version on screen).
 */
export function selectUpgradeTo(s: ExplorerState): string | undefined {
  if (s.upgradeTo !== undefined) return s.upgradeTo;
  const versions = s.datasetIndex?.datasets.map((d) => d.version) ?? [];
  const from = s.upgradeFrom ?? s.graph?.info.version;
  const release = s.datasetIndex?.default;
  if (release !== undefined && release !== from) return release;
  return versions.filter((v) => v !== from).at(-1);
}

export function selectUpgradeInputs(s: ExplorerState): UpgradeInputs | undefined {
  const to = selectUpgradeTo(s);
  if (!s.graph || to === undefined) return undefined;
  const from = s.upgradeFrom === s.graph.info.version ? undefined : s.upgradeFrom;
  return { graph: s.graph, modulesConf: s.modulesConf, from, to };
}

export function selectUpgradeIsStale(s: ExplorerState): boolean {
  const inputs = selectUpgradeInputs(s);
  const last = s.upgradeAttempt?.inputs;
  if (!inputs) return false;
  return !(
    last &&
    last.graph === inputs.graph &&
    last.modulesConf === inputs.modulesConf &&
    last.from === inputs.from &&
    last.to === inputs.to
  );
}

export function selectUpgradeAttempt(s: ExplorerState): UpgradeAttempt | undefined {
  return s.upgradeAttempt && s.upgradeAttempt.inputs.graph === s.graph ? s.upgradeAttempt : undefined;
}

export function selectUpgrade(s: ExplorerState): UpgradeResult | undefined {
  return s.upgradeMade && s.upgradeMade.inputs.graph === s.graph ? s.upgradeMade.result : undefined;
}

/** Opened files join the list; one with the name of a file already there replaces it. */
function mergeFiles(list: readonly DialplanFile[], opened: readonly DialplanFile[]): DialplanFile[] {
  const byName = new Map(opened.map((f) => [f.name, f]));
  const kept = list.map((f) => byName.get(f.name) ?? f);
  const known = new Set(list.map((f) => f.name));
  return [...kept, ...opened.filter((f) => !known.has(f.name))];
}

/**
 * The Plan tab: a minimal modules.conf planned from a dialplan and declared needs, and a
 * modules.conf carried to another version, both computed in the simulation worker on the graph
 * it holds. Only the newest run of each lands, and an attempt that makes no plan (an AEL
 * dialplan, a worker failure) keeps the previous plan on screen.
 */
export const createPlanSlice: SliceCreator<PlanSlice> = (set, get, _store, ctx) => {
  let planTicket = 0;
  let upgradeTicket = 0;

  /** The simulation's Cancel restarts the worker under a plan it was not asked to cancel: once more. */
  async function again<T>(call: (client: ExplorerClient) => Promise<T>): Promise<T> {
    try {
      return await call(ctx.simulationClient);
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      return call(ctx.simulationClient);
    }
  }

  return {
    planTask: 'slim',
    dialplanFiles: [],
    dialplanShown: undefined,
    dialplanRefused: [],
    planNeeds: NO_PLAN_NEEDS,
    planAgainstCurrent: false,
    planStatus: 'idle',
    planAttempt: undefined,
    planMade: undefined,
    upgradeTo: undefined,
    upgradeFrom: undefined,
    upgradeStatus: 'idle',
    upgradeAttempt: undefined,
    upgradeMade: undefined,

    setPlanTask: (planTask) => set({ planTask }),

    async openDialplanFiles(files) {
      if (files.length === 0) return;
      const opened: DialplanFile[] = [];
      const dialplanRefused: Problem[] = [];
      for (const file of files) {
        let read: EditorFileResult;
        try {
          read = await readEditorFile(file, 'dialplan');
        } catch (error) {
          read = { refused: `${file.name} could not be read: ${messageOf(error)}` };
        }
        if (read.text !== undefined) opened.push({ name: file.name, text: read.text });
        else
          dialplanRefused.push({
            severity: 'error',
            code: 'unknown-format',
            message: read.refused,
            file: file.name,
          });
      }
      const s = get();
      if (opened.length === 0) {
        set({ dialplanRefused });
        return;
      }
      const dialplanFiles = mergeFiles(s.dialplanFiles, opened);
      const entry = opened.find((f) => /(^|[\\/])extensions\.conf$/i.test(f.name));
      const shown = dialplanFiles.some((f) => f.name === s.dialplanShown) ? s.dialplanShown : undefined;
      set({
        dialplanFiles,
        dialplanRefused,
        dialplanShown: entry?.name ?? shown ?? opened[0]?.name,
      });
    },

    removeDialplanFile(name) {
      const dialplanFiles = get().dialplanFiles.filter((f) => f.name !== name);
      set((s) => ({
        dialplanFiles,
        dialplanShown: s.dialplanShown === name ? dialplanFiles[0]?.name : s.dialplanShown,
      }));
    },

    editDialplanFile(name, text) {
      set((s) => ({ dialplanFiles: s.dialplanFiles.map((f) => (f.name === name ? { name, text } : f)) }));
    },

    showDialplanFile: (dialplanShown) => set({ dialplanShown }),

    setPlanNeeds: (patch) => set((s) => ({ planNeeds: { ...s.planNeeds, ...patch } })),
    setPlanAgainstCurrent: (planAgainstCurrent) => set({ planAgainstCurrent }),

    async runPlan() {
      const inputs = selectPlanInputs(get());
      if (!inputs) return;
      const mine = ++planTicket;
      if (!selectCanPlan(get())) {
        // Nothing to plan from is not bad input: the plan of files since removed goes too.
        set({ planStatus: 'idle', planAttempt: undefined, planMade: undefined });
        return;
      }
      set({ planStatus: 'running' });
      let response: PlanResponse;
      try {
        response = await again((client) =>
          onWorkerGraph(client, inputs.graph, (graphId) =>
            client.planFromDialplan(graphId, {
              dialplanFiles: inputs.files,
              needs: planNeedsOf(inputs.needs),
              ...(inputs.current ? { current: inputs.current } : {}),
            }),
          ),
        );
      } catch (error) {
        if (mine !== planTicket) return;
        set({
          planStatus: 'idle',
          planAttempt: { inputs, response: undefined, message: `Planning failed: ${messageOf(error)}` },
        });
        return;
      }
      if (mine !== planTicket) return;
      const plan = response.plan;
      set({
        planStatus: 'idle',
        planAttempt: { inputs, response },
        ...(plan ? { planMade: { inputs, plan } } : {}),
      });
    },

    async usePlanInSimulate() {
      const plan = selectPlan(get());
      if (!plan) return;
      get().setModulesConf(plan.text, 'modules.conf');
      get().setSidePanelTab('simulate');
      await get().runSimulation();
    },

    setUpgradeTo: (upgradeTo) => set({ upgradeTo }),
    setUpgradeFrom: (upgradeFrom) => set({ upgradeFrom }),

    async runUpgrade() {
      const inputs = selectUpgradeInputs(get());
      if (!inputs) return;
      const mine = ++upgradeTicket;
      set({ upgradeStatus: 'running' });
      try {
        const response = await again((client) =>
          onWorkerGraph(client, inputs.graph, (graphId) =>
            client.upgradeConf(graphId, {
              modulesConf: inputs.modulesConf,
              ...(inputs.from !== undefined ? { from: inputs.from } : {}),
              to: inputs.to,
            }),
          ),
        );
        if (mine !== upgradeTicket) return;
        const result = response.result;
        set({
          upgradeStatus: 'idle',
          upgradeAttempt: { inputs, response },
          ...(result ? { upgradeMade: { inputs, result } } : {}),
        });
      } catch (error) {
        if (mine !== upgradeTicket) return;
        set({
          upgradeStatus: 'idle',
          upgradeAttempt: {
            inputs,
            response: undefined,
            message: `Carrying ${inputs.modulesConf.file} to Asterisk ${inputs.to} failed: ${messageOf(error)}`,
          },
        });
      }
    },
  };
};
