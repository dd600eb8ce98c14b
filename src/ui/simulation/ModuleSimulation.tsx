import { useId, useMemo } from 'react';
import { MODULE_FAULTS } from '../../model';
import type { ModuleFault, ModuleGraph } from '../../model';
import { explainOutcome, selectSimulation, useExplorer, versionHasCommand } from '../../store';
import { CommandWarnings } from './CommandWarnings';
import { LinkedText } from './LinkedText';
import { OUTCOME_COLOURS } from '../../graph/outcomes';
import { FAULT_LABELS } from './describeEvent';
import './simulation.css';

const COMMANDS: Array<{
  label: string;
  command: (name: string) => string;
  /** A command not every version's CLI has. */
  needs?: 'refresh' | 'refresh recursively';
}> = [
  { label: 'Unload', command: (n) => `module unload ${n}` },
  { label: 'Unload (force)', command: (n) => `module unload -f ${n}` },
  { label: 'Refresh', command: (n) => `module refresh ${n}`, needs: 'refresh' },
  {
    label: 'Refresh recursively',
    command: (n) => `module refresh ${n} recursively`,
    needs: 'refresh recursively',
  },
  { label: 'Load', command: (n) => `module load ${n}` },
];

/** The simulation's view of one module: its outcome and why, its use count, faults and commands. */
export function ModuleSimulation({ graph, name }: { graph: ModuleGraph; name: string }) {
  const faultId = useId();
  const run = useExplorer(selectSimulation);
  const fault = useExplorer((s) => s.faults[name]);
  const setFault = useExplorer((s) => s.setFault);
  const runCommand = useExplorer((s) => s.runCommand);
  const busy = useExplorer((s) => s.simulationStatus === 'running');
  const steps = useMemo(() => (run ? explainOutcome(run.result, name) : []), [run, name]);
  const kind = graph.modules[name]?.kind;
  if (kind !== 'loadable' && kind !== 'builtin') return null;

  const outcome = run?.result.finalModules[name];
  const hazard = run?.result.hazards.filter((h) => h.module === name) ?? [];
  const lastCommand = run?.result.runtime.at(-1);
  const stateLabel = !run
    ? undefined
    : !outcome
      ? 'no module file'
      : hazard.length > 0
        ? 'running (hazard)'
        : outcome.state === 'registered'
          ? 'not loaded'
          : outcome.state.replace('-', ' ');
  const colour = !outcome
    ? OUTCOME_COLOURS.absent
    : hazard.length > 0
      ? OUTCOME_COLOURS.hazard
      : outcome.state === 'running'
        ? OUTCOME_COLOURS.running
        : outcome.state === 'declined'
          ? OUTCOME_COLOURS.declined
          : outcome.state === 'failed'
            ? OUTCOME_COLOURS.failed
            : OUTCOME_COLOURS['not-loaded'];

  return (
    <section className="inspector-section" aria-label="Simulation">
      <h3>Simulation</h3>
      <div className="sim-inspector-fault">
        <label htmlFor={faultId}>Fault</label>
        <select
          id={faultId}
          className="select"
          value={fault ?? ''}
          onChange={(e) =>
            setFault(name, e.target.value === '' ? undefined : (e.target.value as ModuleFault))
          }
        >
          <option value="">None</option>
          {MODULE_FAULTS.map((f) => (
            <option key={f} value={f}>
              {FAULT_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      {!run ? (
        <p className="dim sim-small">
          Run a simulation (Simulate tab) to see what the loader does with {name}.
        </p>
      ) : (
        <>
          <p className="sim-outcome">
            <span className="swatch" style={{ background: colour }} aria-hidden="true" />
            <strong>{stateLabel}</strong>
            {outcome && outcome.state === 'running' && (
              <span className="dim"> · use count {outcome.useCount}</span>
            )}
          </p>
          <ol className="sim-why" aria-label="Why">
            {steps.map((s, i) => (
              <li key={i}>
                <LinkedText text={s.text} graph={graph} self={name} />
              </li>
            ))}
            {hazard.map((h) => (
              <li key={h.dependency} className="sim-hazard">
                <LinkedText text={h.message} graph={graph} self={name} />
              </li>
            ))}
          </ol>
          <div className="sim-command-buttons" role="group" aria-label="Run-time commands">
            {COMMANDS.filter((c) => !c.needs || versionHasCommand(graph.info.version, c.needs)).map((c) => (
              <button
                key={c.label}
                type="button"
                className="btn btn-small"
                disabled={busy}
                onClick={() => void runCommand(c.command(name))}
              >
                {c.label}
              </button>
            ))}
          </div>
          {lastCommand && (
            <div
              className={`sim-last-command ${lastCommand.ok ? 'sim-command-ok' : 'sim-command-refused'}`}
              role="status"
              aria-label="Command result"
            >
              <div className="mono sim-command">*CLI&gt; {lastCommand.command}</div>
              <CommandWarnings result={lastCommand} />
              <pre className="sim-message">{lastCommand.message}</pre>
              {lastCommand.unloaded.length > 0 && (
                <p className="sim-small">
                  <span className="sim-label">Unloaded</span> {lastCommand.unloaded.join(' → ')}
                </p>
              )}
              {lastCommand.loaded.length > 0 && (
                <p className="sim-small">
                  <span className="sim-label">Loaded</span> {lastCommand.loaded.join(' → ')}
                </p>
              )}
              {lastCommand.caveat && <p className="sim-small">{lastCommand.caveat}</p>}
            </div>
          )}
        </>
      )}
    </section>
  );
}
