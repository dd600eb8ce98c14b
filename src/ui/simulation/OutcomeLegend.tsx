import { OUTCOME_COLOURS, OUTCOME_LABELS } from '../../graph/outcomes';
import type { Outcome } from '../../graph/outcomes';
import { selectSimulation, useExplorer } from '../../store';

const SHOWN: Outcome[] = ['running', 'declined', 'failed', 'not-loaded', 'hazard', 'pending', 'absent'];

/** Key to the outcome colours; shown instead of the categories while a simulation result is drawn. */
export function OutcomeLegend() {
  const run = useExplorer(selectSimulation);
  const colourBy = useExplorer((s) => s.colourBy);
  const setColourBy = useExplorer((s) => s.setColourBy);
  if (!run || colourBy !== 'outcome') return null;
  const hasCommands = run.result.runtime.length > 0;
  return (
    <section aria-label="Simulation outcome">
      <h3>Simulated outcome</h3>
      <ul>
        {SHOWN.map((o) => (
          <li key={o} title={OUTCOME_LABELS[o]}>
            <span
              className="swatch"
              style={{
                background: OUTCOME_COLOURS[o],
                ...(o === 'absent' ? { boxShadow: 'inset 0 0 0 1px #4a5563' } : {}),
              }}
            />
            {OUTCOME_LABELS[o].replace(/ \(.*\)$/, '')}
          </li>
        ))}
        {hasCommands && (
          <>
            <li>
              <span className="swatch" style={{ boxShadow: `0 0 0 2px ${OUTCOME_COLOURS.unloaded}` }} />
              Unloaded by last command
            </li>
            <li>
              <span className="swatch" style={{ boxShadow: `0 0 0 2px ${OUTCOME_COLOURS.reloaded}` }} />
              Reloaded by last command
            </li>
          </>
        )}
        <li>
          <button type="button" className="linklike legend-link" onClick={() => setColourBy('category')}>
            Colour by category
          </button>
        </li>
      </ul>
    </section>
  );
}
