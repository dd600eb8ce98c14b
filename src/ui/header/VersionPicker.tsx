import { useId } from 'react';
import { useExplorer } from '../../store';

/** Built-in datasets by Asterisk version; shows "Your files" while the graph comes from opened files. */
export function VersionPicker() {
  const id = useId();
  const index = useExplorer((s) => s.datasetIndex);
  const source = useExplorer((s) => s.source);
  const loading = useExplorer((s) => s.loading);
  const loadBuiltin = useExplorer((s) => s.loadBuiltin);
  const value =
    loading?.kind === 'builtin' ? loading.version : source?.kind === 'builtin' ? source.version : 'files';

  return (
    <div className="header-field">
      <label htmlFor={id}>Asterisk version</label>
      <select
        id={id}
        className="select"
        value={value}
        disabled={!index}
        onChange={(e) => void loadBuiltin(e.target.value)}
      >
        {source?.kind === 'files' && (
          <option value="files" disabled>
            Your files
          </option>
        )}
        {[...(index?.datasets ?? [])].reverse().map((d) => (
          <option key={d.version} value={d.version}>
            {d.version}
            {d.version === index?.default ? ' (newest release)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
