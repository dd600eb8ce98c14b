import { useId, useMemo, useState } from 'react';
import type { SimulationResult } from '../../model';
import { resultLoader, rowsAtVerbosity, transcriptRows, useExplorer } from '../../store';

type Verbosity = 'all' | 0 | 1 | 2 | 3 | 4 | 5;
const VERBOSITIES: readonly Verbosity[] = ['all', 5, 4, 3, 2, 1, 0];

/** The Asterisk-style log of startup and of each run-time command, filterable. */
export function LogTranscript({ result }: { result: SimulationResult }) {
  const id = useId();
  const verboseId = useId();
  const step = useExplorer((s) => s.timelineStep);
  const [filter, setFilter] = useState('');
  const [verbose, setVerbose] = useState<Verbosity>('all');
  const all = useMemo(() => transcriptRows(result), [result]);
  const rows = useMemo(() => rowsAtVerbosity(all, verbose), [all, verbose]);
  const wanted = filter.trim().toLowerCase();
  const shown = wanted === '' ? rows : rows.filter((r) => r.text.toLowerCase().includes(wanted));
  const quiet = result.release.quietModuleLines;

  return (
    <details className="sim-section sim-collapsible" open>
      <summary className="sim-heading">
        Log{' '}
        <span className="dim">
          ({shown.length === rows.length ? rows.length : `${shown.length} of ${rows.length}`} lines)
        </span>
      </summary>
      <div className="sim-log-controls">
        <label htmlFor={verboseId}>As logged at</label>
        <select
          id={verboseId}
          className="select"
          value={String(verbose)}
          onChange={(e) =>
            setVerbose(e.target.value === 'all' ? 'all' : (Number(e.target.value) as Verbosity))
          }
        >
          {VERBOSITIES.map((v) => (
            <option key={v} value={String(v)}>
              {v === 'all'
                ? 'every line (verbose 5, debug)'
                : `verbose ${v}${v === 3 ? ' (the default)' : ''}`}
            </option>
          ))}
        </select>
      </div>
      {verbose !== 'all' && verbose < (quiet ? 4 : 1) && (
        <p className="dim sim-log-note">
          {resultLoader(result).name} logs each module&apos;s{' '}
          {quiet
            ? "'Loading X.' at verbose 4 and 'X => (…)' at 5"
            : "'Loading X.' at verbose 1 and 'X => (…)' at 2"}
          : a log at this level does not show which modules started.
        </p>
      )}
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
