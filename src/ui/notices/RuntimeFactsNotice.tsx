import { useId } from 'react';
import { useExplorer } from '../../store';

/** A user's own xmldoc has no load order facts; say where they were borrowed from and let the user choose. */
export function RuntimeFactsNotice() {
  const id = useId();
  const from = useExplorer((s) => s.graph?.info.runtimeFactsFrom);
  const index = useExplorer((s) => s.datasetIndex);
  const busy = useExplorer((s) => s.loading !== undefined);
  const setVersion = useExplorer((s) => s.setRuntimeFactsVersion);
  if (!from) return null;
  const percent = Math.round(from.matched * 100);
  return (
    <div className="notice notice-info" role="note" aria-label="Load order facts">
      <span>
        Load order facts from Asterisk {from.version}, {percent}% of modules matched
        <span className="dim">
          {' '}
          ({from.matchedCount} of {from.total})
        </span>
      </span>
      <label htmlFor={id} className="dim notice-push">
        Borrow from
      </label>
      <select
        id={id}
        className="select"
        value={from.version}
        disabled={busy}
        onChange={(e) => void setVersion(e.target.value)}
      >
        {[...(index?.datasets ?? [])].reverse().map((d) => (
          <option key={d.version} value={d.version}>
            Asterisk {d.version}
          </option>
        ))}
      </select>
    </div>
  );
}
