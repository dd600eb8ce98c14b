import { expose } from 'comlink';
import ELK from 'elkjs/lib/elk.bundled.js';
import { computeLayout } from './computeLayout';
import type { LayoutWorkerApi } from './layoutWorkerApi';

// ELK's bundled build runs its algorithm in this thread, which is already off the page's main thread.
const elk = new ELK();
const api: LayoutWorkerApi = { computeLayout: (input, algorithm) => computeLayout(input, algorithm, elk) };
expose(api);
