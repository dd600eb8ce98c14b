import { useId } from 'react';
import { LOADER_CHOICES } from '../../model';
import type { LoaderChoice } from '../../model';
import { loaderChoiceLabel, selectSimulation, useExplorer } from '../../store';
import { FaultList } from './FaultList';
import { FilesPresent } from './FilesPresent';
import { IntentSummary } from './IntentSummary';
import { LoadOrderList } from './LoadOrderList';
import { LogTranscript } from './LogTranscript';
import { ModulesConfEditor } from './ModulesConfEditor';
import { ResultSummary } from './ResultSummary';
import { RuntimeCommands } from './RuntimeCommands';
import { SorceryConfInput } from './SorceryConfInput';
import { Timeline } from './Timeline';
import './simulation.css';

/** References taken over from a server's module show (Server tab), with a way back. */
function HeldReferences() {
  const held = useExplorer((s) => s.heldReferences);
  const setHeld = useExplorer((s) => s.setHeldReferences);
  const entries = Object.entries(held);
  if (entries.length === 0) return null;
  return (
    <p className="sim-held" role="note" aria-label="Held references">
      From your server&apos;s module show, references the simulation does not explain are kept through the
      commands: <span className="mono">{entries.map(([m, n]) => `${m} +${n}`).join(', ')}</span>.{' '}
      <button type="button" className="btn btn-small" onClick={() => void setHeld({})}>
        Clear
      </button>
    </p>
  );
}

/** The "Simulate" tab: inputs of a loader run, Run / Cancel, and what the run predicts. */
export function SimulationPanel() {
  const loaderId = useId();
  const graph = useExplorer((s) => s.graph);
  const loader = useExplorer((s) => s.simLoader);
  const setLoader = useExplorer((s) => s.setSimLoader);
  const status = useExplorer((s) => s.simulationStatus);
  const notice = useExplorer((s) => s.simulationNotice);
  const run = useExplorer(selectSimulation);
  const runSimulation = useExplorer((s) => s.runSimulation);
  const cancel = useExplorer((s) => s.cancelSimulation);

  if (!graph) return <p className="inspector-empty dim">Loading…</p>;
  const running = status === 'running';

  return (
    <section className="sim" aria-label="Simulation">
      <div className="sim-section">
        <div className="sim-field">
          <label htmlFor={loaderId}>Loader</label>
          <select
            id={loaderId}
            className="select"
            value={loader}
            onChange={(e) => setLoader(e.target.value as LoaderChoice)}
          >
            {LOADER_CHOICES.map((k) => (
              <option key={k} value={k}>
                {loaderChoiceLabel(k, graph.info.version)}
              </option>
            ))}
          </select>
        </div>
        <ModulesConfEditor />
        <SorceryConfInput />
        <HeldReferences />
        <FilesPresent graph={graph} />
        <FaultList graph={graph} />
        <div className="sim-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={running}
            onClick={() => void runSimulation()}
          >
            {running ? 'Running…' : 'Run'}
          </button>
          <button type="button" className="btn" disabled={!running} onClick={cancel}>
            Cancel
          </button>
          {running && (
            <span className="dim" role="status">
              Simulating Asterisk {graph.info.version} startup…
            </span>
          )}
        </div>
        {notice && (
          <p className={`sim-notice sim-notice-${notice.kind}`} role="alert">
            {notice.message}
          </p>
        )}
      </div>
      {run ? (
        <>
          {run.intent && <IntentSummary intent={run.intent} graph={run.graph} />}
          <ResultSummary result={run.result} />
          <Timeline result={run.result} />
          <RuntimeCommands run={run} />
          <LoadOrderList result={run.result} />
          <LogTranscript result={run.result} />
        </>
      ) : (
        <p className="dim sim-hint">
          Run predicts what Asterisk {graph.info.version} does at startup with this modules.conf: the start
          order, what declines and why, and the log it prints. Right-click a module on the graph to inject a
          fault.
        </p>
      )}
    </section>
  );
}
