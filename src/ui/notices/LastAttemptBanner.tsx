import { formatProblemLocation } from '../../model';
import { useExplorer } from '../../store';

/** Why the graph did not change: the failed (or cancelled) load and its first error, with its position. */
export function LastAttemptBanner() {
  const attempt = useExplorer((s) => s.lastAttempt);
  const dismiss = useExplorer((s) => s.dismissLastAttempt);
  const showProblems = useExplorer((s) => s.setSidePanelTab);
  if (!attempt) return null;
  const first = attempt.problems.find((p) => p.severity === 'error') ?? attempt.problems[0];
  const location = first ? formatProblemLocation(first) : '';
  const cancelled = attempt.outcome === 'cancelled';
  return (
    <div className={`notice ${cancelled ? 'notice-info' : 'notice-error'}`} role="alert">
      <span>
        <strong>
          {attempt.description} {cancelled ? 'was cancelled' : 'failed'}
        </strong>
        {' — the graph on screen is unchanged.'}
        {first && !cancelled && (
          <>
            {' '}
            {location && <span className="mono">{location}: </span>}
            {first.message}
          </>
        )}
      </span>
      <span className="notice-push" />
      {!cancelled && (
        <button type="button" className="btn btn-small" onClick={() => showProblems('problems')}>
          Show problems
        </button>
      )}
      <button type="button" className="btn btn-small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
