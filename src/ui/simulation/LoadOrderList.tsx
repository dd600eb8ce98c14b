import type { SimulationResult } from '../../model';
import { useExplorer } from '../../store';

/** Modules in the order they started; declined ones after, each selectable. */
export function LoadOrderList({ result }: { result: SimulationResult }) {
  const inspect = useExplorer((s) => s.inspectModule);
  return (
    <details className="sim-section sim-collapsible">
      <summary className="sim-heading">
        Load order <span className="dim">({result.started.length} started)</span>
      </summary>
      <ol className="sim-load-order" aria-label="Load order">
        {result.started.map((name) => {
          const o = result.modules[name];
          return (
            <li key={name}>
              <button type="button" className="linklike" onClick={() => inspect(name)}>
                {name}
              </button>
              {o?.pulledBy && <span className="dim sim-small"> pulled in by {o.pulledBy}</span>}
            </li>
          );
        })}
      </ol>
      {result.declined.length > 0 && (
        <>
          <h4 className="sim-subheading">Declined or failed</h4>
          <ul className="sim-load-order sim-declined" aria-label="Declined modules">
            {result.declined.map((name) => (
              <li key={name}>
                <button type="button" className="linklike" onClick={() => inspect(name)}>
                  {name}
                </button>
                <span className="dim sim-small"> {result.modules[name]?.state}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
