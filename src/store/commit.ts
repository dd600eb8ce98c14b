import type { ModuleGraph, Problem } from '../model';
import type { DatasetSource, ExplorerState, Selection } from './types';

/** Whether the selection still names something in `graph` (it survives a change of version if so). */
export function selectionExists(graph: ModuleGraph, selection: Selection): boolean {
  switch (selection.kind) {
    case 'module':
      return (
        graph.modules[selection.name] !== undefined || graph.items.some((i) => i.module === selection.name)
      );
    case 'library':
      return graph.libraries[selection.name] !== undefined;
    case 'item': {
      const wanted = selection.name.toLowerCase();
      return graph.items.some((i) => i.kind === selection.itemKind && i.name.toLowerCase() === wanted);
    }
  }
}

/** The state after a load produced a graph: everything about the old graph goes, view settings stay. */
export function committedGraph(
  state: ExplorerState,
  graph: ModuleGraph,
  problems: Problem[],
  source: DatasetSource,
  precomputedLayout: unknown,
): Partial<ExplorerState> {
  return {
    graph,
    graphProblems: problems,
    source,
    precomputedLayout,
    loading: undefined,
    lastAttempt: undefined,
    selection: state.selection && selectionExists(graph, state.selection) ? state.selection : undefined,
  };
}
