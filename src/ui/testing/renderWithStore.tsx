import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ModuleGraph, Problem } from '../../model';
import { createExplorerStore, ExplorerStoreProvider } from '../../store';
import type { ExplorerStore } from '../../store';
import { connectInProcess, createExplorerClient } from '../../worker';
import { DATASETS_URL, diskExplorerApi } from '../../worker/testSupport';

/** A real store (in-process worker API over public/datasets) holding `graph`, around `ui`. */
export function renderWithStore(
  ui: ReactElement,
  graph: ModuleGraph,
  problems: Problem[] = [],
): { store: ExplorerStore } {
  const client = createExplorerClient(() => connectInProcess(diskExplorerApi()), {
    datasetsUrl: DATASETS_URL,
  });
  const store = createExplorerStore(client);
  store.setState({
    graph,
    graphProblems: problems,
    source: { kind: 'builtin', version: graph.info.version },
  });
  render(<ExplorerStoreProvider store={store}>{ui}</ExplorerStoreProvider>);
  return { store };
}
