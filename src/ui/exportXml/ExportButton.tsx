import { useState } from 'react';
import { useExplorer } from '../../store';

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/xml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves everything the model knows about the graph on screen as one Module Metadata XML file. */
export function ExportButton() {
  const version = useExplorer((s) => s.graph?.info.version);
  const exportXml = useExplorer((s) => s.exportMetadataXml);
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn"
      disabled={!version || busy}
      aria-label="Export Module Metadata XML"
      title="Download the graph as Module Metadata XML (readable by this app)"
      onClick={() => {
        setBusy(true);
        void exportXml()
          .then((xml) => {
            if (xml !== undefined) download(xml, `asterisk-${version ?? 'custom'}-modules.xml`);
          })
          .finally(() => setBusy(false));
      }}
    >
      Export XML
    </button>
  );
}
