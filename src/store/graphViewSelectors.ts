import { DEFAULT_QUERY_KINDS, focusNeighbourhood } from '../engine';
import type { FocusResult } from '../engine';
import type { ModuleGraph } from '../model';
import type { ExplorerState } from './types';

/**
 * The focus the graph draws, computed here (the store may use the engine, the views may not) and
 * memoised on exactly what it depends on, so a hover or a filter of categories costs nothing.
 */

/** The focused module: the selected module, in the module view, when the graph has it. */
export function selectFocusCenter(s: ExplorerState): string | undefined {
  if (s.mode !== 'modules' || s.selection?.kind !== 'module' || !s.graph) return undefined;
  return s.graph.modules[s.selection.name] ? s.selection.name : undefined;
}

interface FocusMemo {
  graph: ModuleGraph;
  key: string;
  result: FocusResult;
}
let focusMemo: FocusMemo | undefined;

export function selectFocus(s: ExplorerState): FocusResult | undefined {
  const center = selectFocusCenter(s);
  if (center === undefined || !s.graph) return undefined;
  const hidden = new Set(s.filters.hiddenEdgeKinds);
  const kinds = DEFAULT_QUERY_KINDS.filter((k) => !hidden.has(k));
  const depth = s.focusMode === 'hops' ? s.focusHops : undefined;
  const key = `${center}|${s.focusMode}|${depth ?? ''}|${kinds.join(',')}`;
  if (focusMemo && focusMemo.graph === s.graph && focusMemo.key === key) return focusMemo.result;
  const result = focusNeighbourhood(s.graph, center, {
    mode: s.focusMode,
    ...(depth ? { depth } : {}),
    kinds,
  });
  focusMemo = { graph: s.graph, key, result };
  return result;
}

const trailMemo = new WeakMap<readonly string[], { graph: ModuleGraph | undefined; trail: string[] }>();

/** The breadcrumb: focus steps whose modules are in the graph on screen (same array while unchanged). */
export function selectFocusTrail(s: ExplorerState): string[] {
  const cached = trailMemo.get(s.focusTrail);
  if (cached && cached.graph === s.graph) return cached.trail;
  const graph = s.graph;
  const trail = graph ? s.focusTrail.filter((name) => graph.modules[name] !== undefined) : s.focusTrail;
  trailMemo.set(s.focusTrail, { graph, trail });
  return trail;
}
