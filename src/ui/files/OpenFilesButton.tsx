import { useRef } from 'react';
import { useExplorer } from '../../store';

/** A labelled button over a hidden multi-file input: xmldoc, menuselect-tree, runtime.json, Module Metadata XML. */
export function OpenFilesButton() {
  const input = useRef<HTMLInputElement>(null);
  const openFiles = useExplorer((s) => s.openFiles);
  const busy = useExplorer((s) => s.loading?.kind === 'files');
  return (
    <>
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        Open files
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xml,.json,.conf,.c,text/xml,application/json,text/plain,text/x-c"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Reset so choosing the same files again fires another change.
          e.target.value = '';
          void openFiles(files);
        }}
      />
    </>
  );
}
