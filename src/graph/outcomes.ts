import type { StylesheetStyle } from 'cytoscape';
import type { Core } from 'cytoscape';
import type { Diagnosis, LoaderEvent, ModuleOutcome, RealOutcome, SimulationResult } from '../model';

/**
 * Simulated outcomes on the graph: one class per outcome (`out-running`, `out-declined`...), one
 * stylesheet rule per class, computed by the pure {@link outcomeClassesAt} and patched by id.
 */

export type Outcome =
  | 'running'
  | 'declined'
  | 'failed'
  | 'not-loaded'
  | 'hazard'
  | 'pending'
  | 'absent'
  | 'unloaded'
  | 'reloaded';

export const OUTCOME_COLOURS: Record<Outcome, string> = {
  running: '#4fbf6a',
  declined: '#f2b84b',
  failed: '#ff5d5d',
  'not-loaded': '#4a5563',
  hazard: '#d26ad9',
  pending: '#364150',
  absent: '#1c232d',
  unloaded: '#5ec8e8',
  reloaded: '#ffffff',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  running: 'Running',
  declined: 'Declined',
  failed: 'Failed',
  'not-loaded': 'Not loaded',
  hazard: 'Hazard (runs without what it uses)',
  pending: 'Not reached yet (timeline)',
  absent: 'No module file',
  unloaded: 'Unloaded by the last command',
  reloaded: 'Reloaded by the last command',
};

/** Classes for the node's state; `out-unloaded` / `out-reloaded` / `out-current` are rings on top. */
export const OUTCOME_CLASSES = [
  'out-running',
  'out-declined',
  'out-failed',
  'out-not-loaded',
  'out-hazard',
  'out-pending',
  'out-absent',
  'out-unloaded',
  'out-reloaded',
  'out-current',
  'out-disagree',
] as const;

/** The ring on a module whose real outcome (the server's log) differs from the prediction. */
export const DISAGREE_COLOUR = '#ff4fa3';

export type OutcomeClasses = ReadonlyMap<string, string>;

/** One rule per outcome class; placed after the category colours so an outcome wins while shown. */
export function outcomeRules(): StylesheetStyle[] {
  const fill = (o: Outcome): StylesheetStyle => ({
    selector: `node.out-${o}`,
    style: { 'background-color': OUTCOME_COLOURS[o], 'background-opacity': 1 },
  });
  return [
    fill('running'),
    fill('declined'),
    fill('failed'),
    fill('not-loaded'),
    fill('hazard'),
    { selector: 'node.out-pending', style: { 'background-color': OUTCOME_COLOURS.pending } },
    {
      selector: 'node.out-absent',
      style: {
        'background-color': OUTCOME_COLOURS.absent,
        'border-width': 1,
        'border-style': 'dashed',
        'border-color': '#4a5563',
      },
    },
    {
      selector: 'node.out-unloaded',
      style: { 'border-width': 4, 'border-style': 'double', 'border-color': OUTCOME_COLOURS.unloaded },
    },
    {
      selector: 'node.out-reloaded',
      style: { 'border-width': 3, 'border-style': 'solid', 'border-color': OUTCOME_COLOURS.reloaded },
    },
    {
      selector: 'node.out-disagree',
      style: { 'border-width': 5, 'border-style': 'dashed', 'border-color': DISAGREE_COLOUR, 'z-index': 8 },
    },
    {
      selector: 'node.out-current',
      style: {
        'border-width': 4,
        'border-color': '#ffd84d',
        'border-style': 'solid',
        'min-zoomed-font-size': 0,
        'z-index': 9,
      },
    },
  ];
}

function outcomeOfState(o: ModuleOutcome, hazards: ReadonlySet<string>): Outcome {
  if (o.state === 'running') return hazards.has(o.name) || o.hazard ? 'hazard' : 'running';
  if (o.state === 'declined') return 'declined';
  if (o.state === 'failed') return 'failed';
  return 'not-loaded';
}

/** The module a timeline event is about, if any. */
export function eventModule(event: LoaderEvent): string | undefined {
  return 'module' in event ? event.module : undefined;
}

/** The number of timeline steps: one per startup event. */
export function timelineLength(result: SimulationResult): number {
  return result.events.length;
}

/**
 * Classes of every module node for `step` of the timeline: modules whose start / decline / failure
 * happened at or before the step show it, the rest are pending, and the module of the step itself
 * is ringed. `step` undefined (or the last step) is the end state, after any run-time commands,
 * with the modules the last command unloaded and reloaded ringed.
 */
export function outcomeClassesAt(
  result: SimulationResult,
  moduleIds: readonly string[],
  step?: number,
): Map<string, string> {
  const classes = new Map<string, string>();
  const hazards = new Set(result.hazards.map((h) => h.module));
  const last = result.events.length - 1;
  if (step === undefined || step >= last) {
    const modules = result.finalModules;
    const lastCommand = result.runtime.at(-1);
    const unloaded = new Set(lastCommand?.unloaded ?? []);
    const reloaded = new Set(lastCommand?.loaded ?? []);
    for (const id of moduleIds) {
      const o = modules[id];
      const names = [o ? `out-${outcomeOfState(o, hazards)}` : 'out-absent'];
      if (reloaded.has(id)) names.push('out-reloaded');
      else if (unloaded.has(id)) names.push('out-unloaded');
      classes.set(id, names.join(' '));
    }
    return classes;
  }

  const reached = new Map<string, Outcome>();
  for (let i = 0; i <= step && i <= last; i++) {
    const e = result.events[i];
    if (!e) continue;
    if (e.type === 'started') reached.set(e.module, 'running');
    else if (e.type === 'declined') reached.set(e.module, e.reason === 'failure' ? 'failed' : 'declined');
    else if (e.type === 'failed') reached.set(e.module, 'failed');
    else if (e.type === 'unloaded') reached.set(e.module, 'not-loaded');
  }
  const current = result.events[Math.max(0, step)];
  const currentModule = current ? eventModule(current) : undefined;
  for (const id of moduleIds) {
    const inRun = result.modules[id] !== undefined;
    const state = reached.get(id);
    const names = [inRun ? `out-${state ?? 'pending'}` : 'out-absent'];
    if (id === currentModule) names.push('out-current');
    classes.set(id, names.join(' '));
  }
  return classes;
}

/**
 * Patches outcome classes by id inside one batch, touching only nodes whose classes changed since
 * `previous` (scrubbing the timeline changes a handful of nodes per step, not all of them).
 * With `next` undefined every outcome class is removed (back to category colours).
 */
export function applyOutcomeClasses(
  cy: Core,
  next: OutcomeClasses | undefined,
  previous: OutcomeClasses | undefined,
): void {
  cy.batch(() => {
    if (!next) {
      cy.nodes(OUTCOME_CLASSES.map((c) => `.${c}`).join(', ')).removeClass(OUTCOME_CLASSES.join(' '));
      return;
    }
    for (const [id, cls] of next) {
      if (previous?.get(id) === cls) continue;
      const node = cy.getElementById(id);
      if (node.empty()) continue;
      node.removeClass(OUTCOME_CLASSES.join(' ')).addClass(cls);
    }
  });
}

const REAL_CLASS: Record<RealOutcome, string> = {
  started: 'out-running',
  declined: 'out-declined',
  failed: 'out-failed',
  'not-loaded': 'out-not-loaded',
  unknown: 'out-absent',
};

/**
 * Classes of every module node for the Server tab: the node is filled with what really happened
 * (the outcome colours of a simulation), and ringed where the prediction says otherwise.
 */
export function diagnosisClasses(diagnosis: Diagnosis, moduleIds: readonly string[]): Map<string, string> {
  const classes = new Map<string, string>();
  const differs = new Set(diagnosis.disagreements.map((d) => d.module));
  for (const id of moduleIds) {
    const m = diagnosis.modules[id];
    const names = [m ? REAL_CLASS[m.real] : 'out-absent'];
    if (differs.has(id)) names.push('out-disagree');
    classes.set(id, names.join(' '));
  }
  return classes;
}
