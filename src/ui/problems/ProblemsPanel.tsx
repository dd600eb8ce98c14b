import { Fragment, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatProblemLocation } from '../../model';
import type { Problem, ProblemSeverity } from '../../model';
import { allProblems, problemCounts, useExplorer } from '../../store';
import { groupProblems } from './problemGroups';
import type { ProblemEntry } from './problemGroups';
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
  const sections = useMemo(() => {
    const shown = problems
      .map((problem, index) => ({ problem, index }))
      .filter((x) => !hidden.has(x.problem.severity));
    // Problems of the failed attempt and of the graph on screen are grouped apart: they are different inputs.
    return [
      {
        heading: attemptCount > 0 ? `${attempt?.description ?? 'Last attempt'} (not applied)` : undefined,
        entries: groupProblems(shown.filter((x) => x.index < attemptCount)),
      },
      {
        heading: attemptCount > 0 ? 'Graph on screen' : undefined,
        entries: groupProblems(shown.filter((x) => x.index >= attemptCount)),
      },
    ];
  }, [problems, hidden, attempt, attemptCount]);

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
      <p className="problems-note dim">Notes are informational and not counted as problems.</p>
      <ul className="problem-list" aria-label="Problem list">
        {sections.map(
          ({ heading, entries }) =>
            entries.length > 0 && (
              <Fragment key={heading ?? 'graph'}>
                {heading && <li className="problem-heading">{heading}</li>}
                {entries.map((entry) =>
                  entry.kind === 'single' ? (
                    <ProblemRow key={entry.item.index} problem={entry.item.problem} />
                  ) : (
                    <ProblemGroup key={entry.key} group={entry} />
                  ),
                )}
              </Fragment>
            ),
        )}
      </ul>
    </section>
  );
}

/** Problems of one shape folded into one line; expanding it lists each with its place and module. */
function ProblemGroup({ group }: { group: Extract<ProblemEntry, { kind: 'group' }> }) {
  const [open, setOpen] = useState(false);
  const membersId = useId();
  return (
    <li className="problem-group">
      <button
        type="button"
        className="problem problem-clickable"
        aria-expanded={open}
        aria-controls={membersId}
        onClick={() => setOpen(!open)}
      >
        <span className={`severity severity-${group.severity}`}>{group.severity}</span>
        <span className="problem-text">
          <span className="problem-message">{group.summary}</span>
          <span className="problem-location">
            {open ? 'Hide' : 'Show'} the {group.members.length} entries
          </span>
        </span>
      </button>
      {open && (
        <ul id={membersId} className="problem-group-members" aria-label={group.summary}>
          {group.members.map(({ problem, index }) => (
            <ProblemRow key={index} problem={problem} />
          ))}
        </ul>
      )}
    </li>
  );
}
