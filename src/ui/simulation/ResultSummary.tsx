import type { SimulationResult } from '../../model';
import { resultLoader, useExplorer } from '../../store';

/** Counts of the outcome, the exit status, and the switch between outcome and category colours. */
export function ResultSummary({ result }: { result: SimulationResult }) {
  const colourBy = useExplorer((s) => s.colourBy);
  const setColourBy = useExplorer((s) => s.setColourBy);
  const failed = Object.values(result.modules).filter((m) => m.state === 'failed').length;
  const declined = result.declined.length - failed;
  const loader = resultLoader(result);

  return (
    <section className="sim-section" aria-label="Result">
      <h3 className="sim-heading">Result · {loader.name}</h3>
      {loader.traits.length > 0 && (
        <ul className="sim-loader-traits dim" aria-label="How this loader differs from master's">
          {loader.traits.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      {loader.assumed && <p className="dim">{loader.assumed}</p>}
      <p
        className={`sim-verdict ${result.startupFailed ? 'sim-verdict-failed' : 'sim-verdict-ok'}`}
        role="status"
        aria-label="Startup result"
      >
        {result.startupFailed
          ? `Startup failed: Asterisk exits with status ${result.exitCode}.`
          : 'Asterisk started (exit status 0).'}
      </p>
      <dl className="sim-counts">
        <div>
          <dt>Started</dt>
          <dd>{result.started.length}</dd>
        </div>
        <div>
          <dt>Declined</dt>
          <dd>{declined}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd>{failed}</dd>
        </div>
        <div>
          <dt>Not loaded</dt>
          <dd>{result.notLoaded.length}</dd>
        </div>
        {result.loader === 'legacy' && (
          <div>
            <dt>Hazards</dt>
            <dd>{new Set(result.hazards.map((h) => h.module)).size}</dd>
          </div>
        )}
      </dl>
      {result.problems.length > 0 && (
        <ul className="sim-problems" aria-label="Simulation problems">
          {result.problems.map((p, i) => (
            <li key={i} className={`sim-problem sim-problem-${p.severity}`}>
              {p.line !== undefined && (
                <span className="mono">
                  {p.file}:{p.line}
                  {p.column !== undefined && `:${p.column}`}{' '}
                </span>
              )}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="sim-colour" role="radiogroup" aria-label="Colour modules by">
        <span className="sim-label">Colour by</span>
        {(['outcome', 'category'] as const).map((c) => (
          <label key={c}>
            <input
              type="radio"
              name="sim-colour-by"
              checked={colourBy === c}
              onChange={() => setColourBy(c)}
            />
            {c === 'outcome' ? 'Outcome' : 'Category'}
          </label>
        ))}
      </div>
    </section>
  );
}
