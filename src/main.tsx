import { createExplorerStore } from './store/createExplorerStore';
import { createBrowserExplorerClient } from './worker/explorerClient';

// The worker starts and fetches the default dataset while React and cytoscape (most of the
// JavaScript) are still downloading and compiling: the first graph is on the critical path.
// Simulations get a worker of their own (started on the first run), so cancelling one never
// cancels a dataset load and a long run never delays one.
const store = createExplorerStore(createBrowserExplorerClient(), createBrowserExplorerClient('simulation'));
void store.getState().init();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void import('./ui/app/mountApp').then(({ mountApp }) => mountApp(root, store));
