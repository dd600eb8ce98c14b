import { decodeSharedView, encodeSharedView, sharedViewOf } from '../../store';
import type { ExplorerStore } from '../../store';

/** How long the state must rest before the address follows it (typing in an editor, dragging). */
const WRITE_DELAY_MS = 250;

export interface AddressSync {
  /** Writes the current view into the address now (before a copy), and returns the address. */
  flush(): string;
  stop(): void;
}

/**
 * Keeps the address bar equal to the view on screen (`#1.<compressed view>`), replacing the entry
 * rather than adding one per click; and opens a view when the user edits or pastes an address
 * (hashchange). A view of the user's own files cannot travel in a link: the address then has no
 * fragment.
 */
export function syncAddress(store: ExplorerStore): AddressSync {
  let written = window.location.hash.slice(1);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const addressFor = (fragment: string): string =>
    `${window.location.pathname}${window.location.search}${fragment ? `#${fragment}` : ''}`;

  const write = (): void => {
    timer = undefined;
    const s = store.getState();
    // Mid-load, the state is half old, half new: wait for it to settle.
    if (!s.graph || s.loading) return;
    const view = sharedViewOf(s);
    const fragment = view ? encodeSharedView(view) : '';
    if (fragment === written) return;
    written = fragment;
    window.history.replaceState(window.history.state, '', addressFor(fragment));
  };

  const unsubscribe = store.subscribe(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, WRITE_DELAY_MS);
  });

  const onHashChange = (): void => {
    const fragment = window.location.hash.slice(1);
    if (fragment === written) return;
    written = fragment;
    if (!fragment) return;
    const link = decodeSharedView(fragment);
    // A damaged address changes nothing on screen; it only says why.
    if ('error' in link) store.getState().setLinkNotice(link.error);
    else if ('view' in link) void store.getState().applySharedView(link.view);
  };
  window.addEventListener('hashchange', onHashChange);

  return {
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      write();
      return window.location.href;
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('hashchange', onHashChange);
    },
  };
}
