import { createStore, del, get, set } from 'idb-keyval';
import { readSession, sessionOf } from '../../store';
import type { ExplorerState, ExplorerStore, SessionV1 } from '../../store';

/**
 * The session the browser keeps as the user works (IndexedDB), so a reload or a crash loses
 * nothing. The dataset part (the user's files can be tens of MB) is written only when the dataset
 * changes; the rest, small, after each pause in the work.
 */
const db = createStore('asterisk-module-explorer', 'session');
const DATA_KEY = 'data';
const VIEW_KEY = 'view';
const WRITE_DELAY_MS = 800;

/** The kept session, read and checked as an opened session file is; undefined when none or unreadable. */
export async function keptSession(): Promise<SessionV1 | undefined> {
  try {
    const [data, view] = await Promise.all([
      get<unknown>(DATA_KEY, db),
      get<Record<string, unknown>>(VIEW_KEY, db),
    ]);
    if (data === undefined || view === undefined) return undefined;
    const read = readSession(JSON.stringify({ ...view, data }), 'the session kept by this browser');
    return 'session' in read ? read.session : undefined;
  } catch {
    // No IndexedDB (private mode, blocked storage): the app works, it only forgets on reload.
    return undefined;
  }
}

export async function forgetKeptSession(): Promise<void> {
  try {
    await Promise.all([del(DATA_KEY, db), del(VIEW_KEY, db)]);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** Keeps the session up to date in IndexedDB; returns the stop function. */
export function keepSession(store: ExplorerStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writtenSource: ExplorerState['source'];
  let writtenView = '';
  const write = async (): Promise<void> => {
    timer = undefined;
    const s = store.getState();
    if (!s.graph || s.loading) return;
    const session = await sessionOf(s);
    if (!session) return;
    const { data, ...view } = session;
    try {
      if (s.source !== writtenSource) {
        await set(DATA_KEY, data, db);
        writtenSource = s.source;
      }
      const json = JSON.stringify({ ...view, savedAt: '' });
      if (json !== writtenView) {
        await set(VIEW_KEY, view, db);
        writtenView = json;
      }
    } catch {
      // Storage full or refused: keep working; Save session still writes a file.
    }
  };
  const unsubscribe = store.subscribe(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void write(), WRITE_DELAY_MS);
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
