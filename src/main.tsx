import { createExplorerStore } from './store/createExplorerStore';
import { createBrowserExplorerClient } from './worker/explorerClient';
import { linkFromAddress } from './store/shareLink';

// The worker starts and fetches the default dataset while React and cytoscape (most of the
// JavaScript) are still downloading and compiling: the first graph is on the critical path.
// Simulations get a worker of their own (started on the first run), so cancelling one never
// cancels a dataset load and a long run never delays one.
const store = createExplorerStore(createBrowserExplorerClient(), createBrowserExplorerClient('simulation'));
// An address made by "Copy link" (or with ?src=) opens that view instead of the default one.
void store.getState().init(linkFromAddress(window.location.hash, window.location.search));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void import('./ui/app/mountApp').then(({ mountApp }) => mountApp(root, store));
