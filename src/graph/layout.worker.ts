import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { expose } from 'comlink';
import { computeLayout } from './computeLayout';
import { graphvizLayered } from './graphvizLayout';
import type { LayoutWorkerApi } from './layoutWorkerApi';

// Graphviz's wasm is compiled as soon as the worker starts, while the page is still busy with the
// graph the layout is for; dot then runs in this thread, off the page's main thread.
const layered = graphvizLayered(Graphviz.load());
const api: LayoutWorkerApi = {
  computeLayout: (input, algorithm) => computeLayout(input, algorithm, layered),
};
expose(api);
