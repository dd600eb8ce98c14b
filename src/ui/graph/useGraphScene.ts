import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ModuleGraph } from '../../model';
import { outcomeClassesAt } from '../../graph/outcomes';
import { deriveScene } from '../../graph/scene';
import type { Scene, SceneInput } from '../../graph/scene';
import { buildUniverse } from '../../graph/universe';
import type { GraphUniverse } from '../../graph/universe';
import { selectFocus, selectSimulation, useExplorer } from '../../store';
import type {
  CompareOverlay,
  ExplorerState,
  FocusResult,
  GraphFilters,
  Highlight,
  OutsideFocus,
  SimulationRun,
} from '../../store';
import { nodeIdOfSelection } from './nodeSelection';

const universes = new WeakMap<ModuleGraph, GraphUniverse>();

/** The elements of a graph, built once per graph however many components ask. */
export function universeOf(graph: ModuleGraph): GraphUniverse {
  let universe = universes.get(graph);
  if (!universe) {
    universe = buildUniverse(graph);
    universes.set(graph, universe);
  }
  return universe;
}

const outcomesByRun = new WeakMap<SimulationRun, ReadonlyMap<string, string>>();

/** Each module's end state in a run (`running`, `declined`...), what the outcome filter hides by. */
export function outcomesOf(run: SimulationRun): ReadonlyMap<string, string> {
  let outcomes = outcomesByRun.get(run);
  if (!outcomes) {
    const classes = outcomeClassesAt(run.result, Object.keys(run.graph.modules));
    const map = new Map<string, string>();
    for (const [id, cls] of classes) map.set(id, (cls.split(' ')[0] ?? '').replace(/^out-/, ''));
    outcomes = map;
    outcomesByRun.set(run, outcomes);
  }
  return outcomes;
}

/** The store values a scene depends on, compared by identity. */
interface RawSceneState {
  graph: ModuleGraph;
  mode: SceneInput['mode'];
  algorithm: SceneInput['algorithm'];
  showLibraries: boolean;
  showNonLoadable: boolean;
  filters: GraphFilters;
  groupByCategory: boolean;
  expandedGroups: SceneInput['grouping']['expanded'];
  isolatedExpanded: boolean;
  focus: FocusResult | undefined;
  outsideFocus: OutsideFocus;
  selectedId: string | undefined;
  highlight: Highlight | undefined;
  compare: CompareOverlay | undefined;
  simulation: SimulationRun | undefined;
}

let memo: { raw: RawSceneState; result: GraphScene } | undefined;

function sameRaw(a: RawSceneState, b: RawSceneState): boolean {
  return (Object.keys(a) as Array<keyof RawSceneState>).every((k) => a[k] === b[k]);
}

function toInput(raw: RawSceneState): SceneInput {
  const focus = raw.focus;
  const highlight = raw.highlight;
  const compare = raw.compare;
  return {
    mode: raw.mode,
    algorithm: raw.algorithm,
    filters: { ...raw.filters, showLibraries: raw.showLibraries, showNonLoadable: raw.showNonLoadable },
    grouping: {
      enabled: raw.groupByCategory,
      expanded: raw.expandedGroups,
      isolatedExpanded: raw.isolatedExpanded,
    },
    ...(raw.simulation ? { outcomes: outcomesOf(raw.simulation) } : {}),
    ...(focus && focus.nodes.length > 0
      ? {
          focus: {
            center: focus.center,
            nodes: focus.nodes,
            direct: focus.direct,
            outside: raw.outsideFocus,
          },
        }
      : {}),
    ...(raw.selectedId !== undefined ? { selectedId: raw.selectedId } : {}),
    ...(highlight
      ? {
          highlight: {
            nodes: highlight.nodes,
            edges: highlight.edges,
            ...(highlight.origin ? { origin: highlight.origin } : {}),
          },
        }
      : {}),
    ...(compare
      ? { compare: { added: compare.added, removed: compare.removed, changed: compare.changed } }
      : {}),
  };
}

/** One scene per state, shared by the canvas and the toolbar's counts (derived once for both). */
function sceneOf(raw: RawSceneState): GraphScene {
  if (memo && sameRaw(memo.raw, raw)) return memo.result;
  const universe = universeOf(raw.graph);
  let other: Scene | undefined;
  const result: GraphScene = {
    universe,
    scene: deriveScene(universe, toInput(raw)),
    otherView: () =>
      (other ??= deriveScene(universe, {
        ...toInput(raw),
        mode: raw.mode === 'providers' ? 'modules' : 'providers',
      })),
  };
  memo = { raw, result };
  return result;
}

export interface GraphScene {
  universe: GraphUniverse;
  scene: Scene;
  /**
   * The same state seen in the other view (Modules <-> Providers), derived on first call: the
   * canvas of the view not on screen is kept drawn with it, so switching views is instant.
   */
  otherView: () => Scene;
}

/** The store values a scene depends on; `useShallow` keeps the object while none of them changes. */
function rawSceneState(s: ExplorerState): Omit<RawSceneState, 'graph'> & { graph: ModuleGraph | undefined } {
  return {
    graph: s.graph,
    mode: s.mode,
    algorithm: s.layout,
    showLibraries: s.showLibraries,
    showNonLoadable: s.showNonLoadable,
    filters: s.filters,
    groupByCategory: s.groupByCategory,
    expandedGroups: s.expandedGroups,
    isolatedExpanded: s.isolatedExpanded,
    focus: selectFocus(s),
    outsideFocus: s.outsideFocus,
    selectedId: nodeIdOfSelection(s.selection),
    highlight: s.highlight,
    compare: s.compareOverlay,
    simulation: selectSimulation(s),
  };
}

/** The scene for the current store state (see graph/scene.ts), or undefined before a graph is loaded. */
export function useGraphScene(): GraphScene | undefined {
  const raw = useExplorer(useShallow(rawSceneState));
  return useMemo(() => (raw.graph ? sceneOf({ ...raw, graph: raw.graph }) : undefined), [raw]);
}
