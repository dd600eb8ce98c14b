import { useEffect } from 'react';
import { describeCycles, selectCycles, useExplorer } from '../../store';
import { useDelayedFlag } from './useDelayedFlag';

/** Every dependency cycle of the graph, one line each however long; a click draws it. */
export function CyclesSection() {
  const graph = useExplorer((s) => s.graph);
  const answer = useExplorer(selectCycles);
  const computeCycles = useExplorer((s) => s.computeCycles);
  const showCycle = useExplorer((s) => s.showCycle);
  const clearHighlight = useExplorer((s) => s.clearHighlight);
  const shownCycle = useExplorer((s) => (s.highlight?.kind === 'cycle' ? s.shownCycle : undefined));
  const pending = useDelayedFlag(answer?.status === 'pending' || (graph !== undefined && !answer));

  useEffect(() => {
    if (graph) void computeCycles();
  }, [graph, computeCycles]);

  if (pending)
    return (
      <p className="dim" role="status">
        Looking for cycles…
      </p>
    );
  if (answer?.status === 'failed')
    return (
      <p className="explain-error" role="alert">
        {answer.message}
      </p>
    );
  if (answer?.status !== 'done') return null;
  const cycles = answer.answer;
  return (
    <div className="explain-result">
      <div className="explain-summary-row">
        <p className="explain-summary" role="status" aria-label="Cycles found">
          {describeCycles(cycles)}
        </p>
        {shownCycle !== undefined && (
          <button type="button" className="btn btn-small" onClick={clearHighlight}>
            Clear highlight
          </button>
        )}
      </div>
      {cycles.length > 0 && (
        <ul className="explain-cycles" aria-label="Cycles">
          {cycles.map((cycle, i) => {
            const shown = shownCycle === i;
            return (
              <li key={`${i}:${cycle.summary}`}>
                <button
                  type="button"
                  className="explain-cycle"
                  aria-pressed={shown}
                  title="Highlight this cycle on the graph"
                  onClick={() => showCycle(i)}
                >
                  {cycle.summary}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
