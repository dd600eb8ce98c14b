import { useEffect, useRef, useState } from 'react';
import { sharedViewOf, useExplorer, useExplorerStore } from '../../store';
import { syncAddress } from './addressSync';
import type { AddressSync } from './addressSync';

/**
 * Keeps the address bar in step with the view and copies it. A view of the user's own files has
 * no link (the files would not fit in it): the button says so instead.
 */
export function CopyLinkButton() {
  const store = useExplorerStore();
  const sync = useRef<AddressSync | undefined>(undefined);
  const [said, setSaid] = useState<string | undefined>(undefined);
  const linkable = useExplorer((s) => s.graph !== undefined && sharedViewOf(s) !== undefined);

  useEffect(() => {
    const started = syncAddress(store);
    sync.current = started;
    return () => started.stop();
  }, [store]);

  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(undefined), 2500);
    return () => clearTimeout(timer);
  }, [said]);

  const copy = async (): Promise<void> => {
    const address = sync.current?.flush() ?? window.location.href;
    try {
      await navigator.clipboard.writeText(address);
      setSaid('Link copied');
    } catch {
      // Without clipboard permission the address bar still holds the link.
      setSaid('Copy the address bar: it holds the link');
    }
  };

  return (
    <span className="copy-link">
      <button
        type="button"
        className="btn"
        disabled={!linkable}
        title={
          linkable
            ? 'Copy an address that opens this same view: dataset, modules.conf, faults, selection, focus, filters, simulation'
            : 'Your own files do not fit in a link: the view of a built-in version or of a dataset fetched from an address does'
        }
        onClick={() => void copy()}
      >
        Copy link
      </button>
      <span className="copy-link-status" role="status" aria-live="polite">
        {said}
      </span>
    </span>
  );
}
