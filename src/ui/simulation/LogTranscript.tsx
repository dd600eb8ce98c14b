import { useId, useMemo, useState } from 'react';
import type { SimulationResult } from '../../model';
import { transcriptRows, useExplorer } from '../../store';

/** The Asterisk-style log of startup and of each run-time command, filterable. */
export function LogTranscript({ result }: { result: SimulationResult }) {
  const id = useId();
  const step = useExplorer((s) => s.timelineStep);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => transcriptRows(result), [result]);
  const wanted = filter.trim().toLowerCase();
  const shown = wanted === '' ? rows : rows.filter((r) => r.text.toLowerCase().includes(wanted));

  return (
    <details className="sim-section sim-collapsible" open>
      <summary className="sim-heading">
        Log{' '}
        <span className="dim">
          ({shown.length === rows.length ? rows.length : `${shown.length} of ${rows.length}`} lines)
        </span>
      </summary>
      <label htmlFor={id} className="visually-hidden">
        Filter log
      </label>
      <input
        id={id}
        className="input sim-log-filter"
        type="search"
        placeholder="Filter log"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="sim-log mono" role="log" aria-label="Log transcript" tabIndex={0}>
        {shown.map((r, i) => (
          <div
            key={i}
            className={`sim-log-line sim-log-${r.level.toLowerCase()} ${step !== undefined && r.event === step ? 'sim-log-current' : ''}`}
          >
            {r.text}
          </div>
        ))}
      </div>
    </details>
  );
}
