import { describePaths, selectPathFrom, selectPaths, useExplorer } from '../../store';
import { ModuleChain } from './ModuleChain';
import { ModuleNameInput } from './ModuleNameInput';
import { useDelayedFlag } from './useDelayedFlag';

/** From and To, every dependency path between them (shortest first), drawn on the graph. */
export function PathFinder({ suggestions }: { suggestions: string }) {
  const from = useExplorer(selectPathFrom);
  const to = useExplorer((s) => s.pathTo);
  const answer = useExplorer(selectPaths);
  const drawn = useExplorer((s) => s.highlight?.kind === 'path');
  const shownPath = useExplorer((s) => s.shownPath);
  const setFrom = useExplorer((s) => s.setPathFrom);
  const setTo = useExplorer((s) => s.setPathTo);
  const findPaths = useExplorer((s) => s.findPaths);
  const showPath = useExplorer((s) => s.showPath);
  const clearPaths = useExplorer((s) => s.clearPaths);
  const pending = useDelayedFlag(answer?.status === 'pending');
  const ready = from.trim() !== '' && to.trim() !== '';

  return (
    <>
      <form
        className="explain-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void findPaths(from, to);
        }}
      >
        <div className="explain-pair">
          <ModuleNameInput label="From" value={from} onChange={setFrom} suggestions={suggestions} />
          <button
            type="button"
            className="btn btn-icon explain-swap"
            aria-label="Swap From and To"
            title="Swap From and To"
            onClick={() => {
              setFrom(to);
              setTo(from);
            }}
          >
            ⇅
          </button>
          <ModuleNameInput label="To" value={to} onChange={setTo} suggestions={suggestions} />
        </div>
        <div className="explain-actions">
          <button type="submit" className="btn btn-primary" disabled={!ready}>
            Find paths
          </button>
          <button type="button" className="btn" disabled={!answer && !drawn} onClick={clearPaths}>
            Clear
          </button>
        </div>
      </form>
      {pending && (
        <p className="dim" role="status">
          Finding paths…
        </p>
      )}
      {answer?.status === 'failed' && (
        <p className="explain-error" role="alert">
          {answer.message}
        </p>
      )}
      {answer?.status === 'done' && (
        <div className="explain-result">
          <p className="explain-summary" role="status" aria-label="Paths found">
            {describePaths(answer.query, answer.answer)}
          </p>
          {answer.answer.paths.length > 0 && (
            <ol className="explain-paths" aria-label="Paths">
              {answer.answer.paths.map((path, i) => {
                const only = drawn && shownPath === i;
                return (
                  <li key={path.join(' ')}>
                    <button
                      type="button"
                      className="btn btn-small explain-path-show"
                      aria-pressed={only}
                      aria-label={`Show only path ${i + 1}`}
                      title={only ? 'Show all paths' : 'Show only this path on the graph'}
                      onClick={() => showPath(only ? undefined : i)}
                    >
                      {i + 1}
                    </button>
                    <ModuleChain modules={path} label={`Path ${i + 1}`} />
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      )}
    </>
  );
}
