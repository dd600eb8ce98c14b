import { useId, useState } from 'react';
import type { SimulationRun } from '../../store';
import { useExplorer } from '../../store';
import { CommandWarnings } from './CommandWarnings';

/** The run-time commands run after startup, what each printed, and what it unloaded and loaded. */
export function RuntimeCommands({ run }: { run: SimulationRun }) {
  const id = useId();
  const runCommand = useExplorer((s) => s.runCommand);
  const clearCommands = useExplorer((s) => s.clearCommands);
  const busy = useExplorer((s) => s.simulationStatus === 'running');
  const inspect = useExplorer((s) => s.inspectModule);
  const [text, setText] = useState('');
  const results = run.result.runtime;

  return (
    <section className="sim-section" aria-label="Run-time commands">
      <div className="sim-field-head">
        <h3 className="sim-heading">Run-time commands</h3>
        {results.length > 0 && (
          <button
            type="button"
            className="btn btn-small sim-push"
            disabled={busy}
            onClick={() => void clearCommands()}
          >
            Clear commands
          </button>
        )}
      </div>
      {results.length === 0 && (
        <p className="dim sim-small">
          None. Use the buttons in a module&apos;s inspector (Unload, Refresh recursively…) or type one.
        </p>
      )}
      <ol className="sim-commands">
        {results.map((r, i) => (
          <li key={i} className={r.ok ? 'sim-command-ok' : 'sim-command-refused'}>
            <div className="mono sim-command">*CLI&gt; {r.command}</div>
            <CommandWarnings result={r} />
            <pre className="sim-message">{r.message}</pre>
            {r.unloaded.length > 0 && (
              <div className="sim-order">
                <span className="sim-label">Unloaded</span>
                {r.unloaded.map((m, j) => (
                  <button key={m} type="button" className="chip" onClick={() => inspect(m)}>
                    {j + 1}. {m}
                  </button>
                ))}
              </div>
            )}
            {r.loaded.length > 0 && (
              <div className="sim-order">
                <span className="sim-label">Loaded</span>
                {r.loaded.map((m, j) => (
                  <button key={m} type="button" className="chip" onClick={() => inspect(m)}>
                    {j + 1}. {m}
                  </button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ol>
      <form
        className="sim-fault-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() === '') return;
          void runCommand(text.trim());
          setText('');
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          CLI command
        </label>
        <input
          id={id}
          className="input mono"
          placeholder="module unload res_odbc"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn btn-small" disabled={busy || text.trim() === ''}>
          Run command
        </button>
      </form>
    </section>
  );
}
