import { createExplorerStore } from './store/createExplorerStore';
import { createBrowserExplorerClient } from './worker/explorerClient';
import { linkFromAddress } from './store/shareLink';
import type { StartView } from './store/shareTypes';
import { keptSession } from './ui/share/keptSession';

// The worker starts and fetches the default dataset while React and cytoscape (most of the
// JavaScript) are still downloading and compiling: the first graph is on the critical path.
// Simulations get a worker of their own (started on the first run), so cancelling one never
// cancels a dataset load and a long run never delays one.
const store = createExplorerStore(createBrowserExplorerClient(), createBrowserExplorerClient('simulation'));
/**
 * What to show first: an address made by "Copy link" (or with ?src=), else the session this
 * browser kept from the last visit, else the default dataset. A slow or blocked IndexedDB never
 * holds the first graph back for long.
 */
async function firstView(): Promise<StartView | undefined> {
  const link = linkFromAddress(window.location.hash, window.location.search);
  if (link) return link;
  const kept = await Promise.race([
    keptSession(),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 400)),
  ]);
  return kept ? { session: kept } : undefined;
}

void firstView().then((view) => store.getState().init(view));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void import('./ui/app/mountApp').then(({ mountApp }) => mountApp(root, store));
