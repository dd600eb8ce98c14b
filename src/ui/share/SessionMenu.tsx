import { useEffect, useId, useRef } from 'react';
import { useHeaderMenu } from '../header/useHeaderMenu';
import { readSession, sessionOf, useExplorer, useExplorerStore } from '../../store';
import { downloadText } from '../files/download';
import { forgetKeptSession, keepSession } from './keptSession';

/**
 * Save session (one file: dataset, modules.conf, faults, view, Plan inputs), Open session, and
 * Reset (forget the kept session, start clean). The current session is kept in the browser as the
 * user works.
 */
export function SessionMenu() {
  const store = useExplorerStore();
  const menuId = useId();
  const [open, setOpen] = useHeaderMenu();
  const fileInput = useRef<HTMLInputElement>(null);
  const hasGraph = useExplorer((s) => s.graph !== undefined);
  const setNotice = useExplorer((s) => s.setLinkNotice);
  const applySession = useExplorer((s) => s.applySession);

  useEffect(() => keepSession(store), [store]);

  const save = async (): Promise<void> => {
    setOpen(false);
    const s = store.getState();
    const session = await sessionOf(s);
    if (!session) return;
    const day = session.savedAt.slice(0, 10);
    downloadText(
      `asterisk-session-${s.graph?.info.version ?? 'files'}-${day}.json`,
      JSON.stringify(session, null, 1),
      'application/json',
    );
  };

  const openFile = async (file: File): Promise<void> => {
    const read = readSession(await file.text(), file.name);
    // A file that is not a session changes nothing on screen; it only says why.
    if ('error' in read) setNotice(read.error);
    else await applySession(read.session);
  };

  const reset = async (): Promise<void> => {
    setOpen(false);
    await forgetKeptSession();
    window.location.replace(window.location.pathname);
  };

  return (
    <div className="header-menu">
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        Session
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        aria-label="Open session file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openFile(file);
        }}
      />
      {open && (
        <ul id={menuId} className="header-menu-list" role="menu" aria-label="Session">
          <li role="none">
            <button type="button" role="menuitem" disabled={!hasGraph} onClick={() => void save()}>
              Save session
              <span className="dim">one file: dataset, modules.conf, faults, view, plan</span>
            </button>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                fileInput.current?.click();
              }}
            >
              Open session…
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => void reset()}>
              Reset
              <span className="dim">forget this browser&apos;s session and start clean</span>
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
