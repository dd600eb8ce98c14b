import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatProblemLocation } from '../../model';
import type { Problem, ProblemSeverity } from '../../model';
import { allProblems, problemCounts, useExplorer } from '../../store';
import './problems.css';

const SEVERITIES: ProblemSeverity[] = ['error', 'warning', 'info'];
const SEVERITY_LABELS: Record<ProblemSeverity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Notes',
};

function ProblemRow({ problem }: { problem: Problem }) {
  const inspect = useExplorer((s) => s.inspectModule);
  const location = formatProblemLocation(problem);
  const body = (
    <>
      <span className={`severity severity-${problem.severity}`}>{problem.severity}</span>
      <span className="problem-text">
        <span className="problem-message">{problem.message}</span>
        {location && <span className="problem-location mono">{location}</span>}
      </span>
    </>
  );
  return (
    <li>
      {problem.module ? (
        <button
          type="button"
          className="problem problem-clickable"
          title={`Select ${problem.module}`}
          onClick={() => inspect(problem.module ?? '')}
        >
          {body}
        </button>
      ) : (
        <div className="problem">{body}</div>
      )}
    </li>
  );
}

/** Everything odd in the input, with file:line:column; problems that name a module select it. */
export function ProblemsPanel() {
  const problems = useExplorer(useShallow((s) => allProblems(s)));
  const attempt = useExplorer((s) => s.lastAttempt);
  const [hidden, setHidden] = useState<ReadonlySet<ProblemSeverity>>(new Set());
  const counts = useMemo(() => problemCounts(problems), [problems]);
  const attemptCount = attempt?.problems.length ?? 0;
  const shown = problems.map((p, i) => ({ p, i })).filter(({ p }) => !hidden.has(p.severity));

  if (problems.length === 0) return <p className="problems-empty dim">No problems found in the input.</p>;

  return (
    <section className="problems" aria-label="Problems">
      <div className="problems-filter" role="group" aria-label="Show problems by severity">
        {SEVERITIES.map((s) => (
          <label key={s} className="toolbar-check">
            <input
              type="checkbox"
              checked={!hidden.has(s)}
              onChange={(e) => {
                const next = new Set(hidden);
                if (e.target.checked) next.delete(s);
                else next.add(s);
                setHidden(next);
              }}
            />
            {SEVERITY_LABELS[s]} ({counts[s]})
          </label>
        ))}
      </div>
      <ul className="problem-list" aria-label="Problem list">
        {shown.map(({ p, i }) => (
          <ProblemRowWithHeading
            key={i}
            problem={p}
            index={i}
            attemptCount={attemptCount}
            attemptLabel={attempt?.description}
          />
        ))}
      </ul>
    </section>
  );
}

function ProblemRowWithHeading({
  problem,
  index,
  attemptCount,
  attemptLabel,
}: {
  problem: Problem;
  index: number;
  attemptCount: number;
  attemptLabel: string | undefined;
}) {
  const heading =
    attemptCount === 0
      ? undefined
      : index === 0
        ? `${attemptLabel ?? 'Last attempt'} (not applied)`
        : index === attemptCount
          ? 'Graph on screen'
          : undefined;
  return (
    <>
      {heading && <li className="problem-heading">{heading}</li>}
      <ProblemRow problem={problem} />
    </>
  );
}
