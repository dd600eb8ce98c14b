import { useId, useMemo, useState } from 'react';
import type { ModuleGraph } from '../../model';
import { useExplorer } from '../../store';

/** Which `.so` files are in the module directory: all by default, unchecked ones are absent. */
export function FilesPresent({ graph }: { graph: ModuleGraph }) {
  const filterId = useId();
  const absent = useExplorer((s) => s.absentFiles);
  const setPresent = useExplorer((s) => s.setFilePresent);
  const setAll = useExplorer((s) => s.setAllFilesPresent);
  const [filter, setFilter] = useState('');
  const names = useMemo(
    () =>
      Object.values(graph.modules)
        .filter((m) => m.kind === 'loadable')
        .map((m) => m.name)
        .sort(),
    [graph],
  );
  const absentSet = new Set(absent);
  const present = names.filter((n) => !absentSet.has(n)).length;
  const wanted = filter.trim().toLowerCase();
  const shown = wanted === '' ? names : names.filter((n) => n.toLowerCase().includes(wanted));

  return (
    <details className="sim-field sim-files">
      <summary>
        Module files present{' '}
        <span className="dim">
          ({present} of {names.length})
        </span>
      </summary>
      <div className="sim-files-tools">
        <label htmlFor={filterId} className="visually-hidden">
          Filter module files
        </label>
        <input
          id={filterId}
          className="input"
          type="search"
          placeholder="Filter module files"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" className="btn btn-small" disabled={absent.length === 0} onClick={setAll}>
          All present
        </button>
      </div>
      <ul className="sim-checklist" aria-label="Module files present">
        {shown.map((name) => (
          <li key={name}>
            <label className="mono">
              <input
                type="checkbox"
                checked={!absentSet.has(name)}
                onChange={(e) => setPresent(name, e.target.checked)}
              />
              {name}.so
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
