import { useEffect } from 'react';
import type { DependencyList } from 'react';

/** How long the inputs must stay still before a plan or an upgrade is made again. */
export const REPLAN_DELAY_MS = 300;

/**
 * Runs `run` again once its result is stale and `inputs` have been still for a moment (typing in
 * an editor, ticking needs), so a burst of edits makes one run.
 */
export function useRerunWhenStale(stale: boolean, run: () => Promise<void>, inputs: DependencyList): void {
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(() => void run(), REPLAN_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `inputs` restart the pause
  }, [stale, run, ...inputs]);
}

/** A run that failed (the worker, not the input): what happened, and Retry. */
export function RetryNotice({ message, retry }: { message: string; retry: () => Promise<void> }) {
  return (
    <div>
      <p className="explain-error" role="alert">
        {message}
      </p>
      <button type="button" className="btn btn-small" onClick={() => void retry()}>
        Retry
      </button>
    </div>
  );
}
