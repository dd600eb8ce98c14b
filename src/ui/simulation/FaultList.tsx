import { useId, useState } from 'react';
import { MODULE_FAULTS } from '../../model';
import type { ModuleFault, ModuleGraph } from '../../model';
import { useExplorer } from '../../store';
import { FAULT_LABELS } from './describeEvent';

/** Injected faults, one per module, with a small form to add one without the context menu. */
export function FaultList({ graph }: { graph: ModuleGraph }) {
  const moduleId = useId();
  const faultId = useId();
  const faults = useExplorer((s) => s.faults);
  const setFault = useExplorer((s) => s.setFault);
  const clearFaults = useExplorer((s) => s.clearFaults);
  const inspect = useExplorer((s) => s.inspectModule);
  const [name, setName] = useState('');
  const [fault, setFaultKind] = useState<ModuleFault>('decline');
  const entries = Object.entries(faults).sort(([a], [b]) => a.localeCompare(b));
  const known = graph.modules[name.trim()] !== undefined;

  return (
    <div className="sim-field">
      <div className="sim-field-head">
        <span className="sim-label">Faults</span>
        {entries.length > 0 && (
          <button type="button" className="btn btn-small sim-push" onClick={clearFaults}>
            Clear all
          </button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="dim sim-small">None. Right-click a module on the graph, or add one here.</p>
      ) : (
        <ul className="sim-faults" aria-label="Injected faults">
          {entries.map(([module, f]) => (
            <li key={module}>
              <button type="button" className="linklike" onClick={() => inspect(module)}>
                {module}
              </button>
              <span className="sim-fault-kind">{FAULT_LABELS[f]}</span>
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Clear fault of ${module}`}
                onClick={() => setFault(module, undefined)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="sim-fault-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (known) {
            setFault(name.trim(), fault);
            setName('');
          }
        }}
      >
        <label htmlFor={moduleId} className="visually-hidden">
          Module to fault
        </label>
        <input
          id={moduleId}
          className="input mono"
          list={`${moduleId}-modules`}
          placeholder="module name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <datalist id={`${moduleId}-modules`}>
          {Object.keys(graph.modules)
            .sort()
            .map((m) => (
              <option key={m} value={m} />
            ))}
        </datalist>
        <label htmlFor={faultId} className="visually-hidden">
          Fault
        </label>
        <select
          id={faultId}
          className="select"
          value={fault}
          onChange={(e) => setFaultKind(e.target.value as ModuleFault)}
        >
          {MODULE_FAULTS.map((f) => (
            <option key={f} value={f}>
              {FAULT_LABELS[f]}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-small" disabled={!known}>
          Add fault
        </button>
      </form>
    </div>
  );
}
