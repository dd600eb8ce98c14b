import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { ModulesPlan, PlannedModule, Problem, UsedItem } from '../../model';
import { CATEGORY_LABELS } from '../../graph/palette';
import { CodeEditor } from '../editor/CodeEditor';
import { downloadText } from '../files/download';
import {
  USED_KIND_LABELS,
  moduleGroups,
  placeText,
  savingText,
  usedGroups,
  verificationText,
} from './planText';

/** How many places of one name are listed before "and N more". */
const PLACES_SHOWN = 3;

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  const id = useId();
  return (
    <section className="plan-section" aria-labelledby={id}>
      <h3 id={id} className="plan-heading">
        {title}
        {count !== undefined && <span className="dim"> ({count.toLocaleString('en')})</span>}
      </h3>
      {children}
    </section>
  );
}

function Places({ item }: { item: UsedItem }) {
  const shown = item.at.slice(0, PLACES_SHOWN);
  const more = item.at.length - shown.length;
  return (
    <span className="plan-places mono" title={item.at.map(placeText).join(', ')}>
      {shown.map(placeText).join(', ')}
      {more > 0 && <span className="dim">, and {more} more</span>}
    </span>
  );
}

function UsedItemRow({ item }: { item: UsedItem }) {
  const unknown = item.module === undefined;
  return (
    <li className={unknown ? 'plan-used-unknown' : undefined}>
      <span className="mono plan-name">{item.name}</span>{' '}
      <span className={unknown ? 'plan-provider plan-warning-text' : 'plan-provider mono'}>
        {unknown ? 'provided by no module' : item.module === 'core' ? 'core' : item.module}
      </span>{' '}
      <Places item={item} />
    </li>
  );
}

function PlannedModuleRow({ module }: { module: PlannedModule }) {
  const [first, ...rest] = module.reasons;
  return (
    <li>
      <div className="plan-module-head">
        <span className="mono plan-name">{module.name}</span>
        {module.option !== 'load' && <span className="plan-option"> {module.option}</span>}
      </div>
      {first && <p className="plan-reason">{first.text}</p>}
      {rest.length > 0 && (
        <details className="plan-more">
          <summary>
            {rest.length} more {rest.length === 1 ? 'reason' : 'reasons'}
          </summary>
          <ul>
            {rest.map((r, i) => (
              <li key={i} className="plan-reason">
                {r.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

export function ProblemList({ label, problems }: { label: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="sim-problems" aria-label={label}>
      {problems.map((p, i) => (
        <li key={i} className={`sim-problem sim-problem-${p.severity}`}>
          {p.file !== undefined && (
            <span className="mono">
              {p.file}
              {p.line !== undefined && `:${p.line}`}
              {p.column !== undefined && `:${p.column}`}
            </span>
          )}{' '}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

export interface PlanResultProps {
  plan: ModulesPlan;
  /** The file the plan was compared with, when it was. */
  currentFile: string | undefined;
  onUseInSimulate(): void;
}

/** What the planner made: verification, saving, used names, each module's reasons, the file and its diff. */
export function PlanResult({ plan, currentFile, onUseInSimulate }: PlanResultProps) {
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const verdict = verificationText(plan);
  const warnings = plan.warnings;
  const changed = plan.diff?.filter((l) => !l.startsWith('  ')).length ?? 0;

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(plan.text);
      setCopied('Copied modules.conf to the clipboard.');
    } catch {
      setCopied('The browser did not allow copying; use Download instead.');
    }
  }

  return (
    <div className="plan-result" role="region" aria-label="Plan result">
      <div className="plan-section">
        <p
          className={`sim-verdict ${verdict.ok ? 'sim-verdict-ok' : 'sim-verdict-failed'}`}
          role="status"
          aria-label="Verification"
        >
          {verdict.headline}
        </p>
        {verdict.failures.length > 0 && (
          <ul className="plan-failures" aria-label="What would fail">
            {verdict.failures.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        )}
        <p className="plan-saving" aria-label="Saving">
          {savingText(plan, currentFile)}
        </p>
        <div className="plan-actions">
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => downloadText('modules.conf', plan.text)}
          >
            Download modules.conf
          </button>
          <button type="button" className="btn btn-small" onClick={() => void copy()}>
            Copy
          </button>
          <button type="button" className="btn btn-small" onClick={onUseInSimulate}>
            Use in Simulate
          </button>
        </div>
        {copied && (
          <p className="dim plan-small" role="status">
            {copied}
          </p>
        )}
      </div>

      {(warnings.length > 0 || plan.notes.length > 0) && (
        <Section title="Warnings and notes" count={warnings.length + plan.notes.length}>
          <ProblemList label="Plan warnings" problems={warnings} />
          {plan.notes.length > 0 && (
            <ul className="plan-notes" aria-label="Plan notes">
              {plan.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
        </Section>
      )}

      {plan.used.length > 0 && (
        <Section title="Used by the dialplan" count={plan.used.length}>
          {usedGroups(plan.used).map((g) => (
            <div key={g.kind} className="plan-group">
              <h4 className="plan-subheading">
                {USED_KIND_LABELS[g.kind]} <span className="dim">({g.items.length})</span>
              </h4>
              <ul className="plan-used" aria-label={`Used ${USED_KIND_LABELS[g.kind].toLowerCase()}`}>
                {g.items.map((item) => (
                  <UsedItemRow key={`${item.kind}:${item.name}`} item={item} />
                ))}
              </ul>
            </div>
          ))}
        </Section>
      )}

      <Section title="Planned modules" count={plan.modules.length}>
        {moduleGroups(plan.modules).map((g) => (
          <div key={g.category} className="plan-group">
            <h4 className="plan-subheading">
              {CATEGORY_LABELS[g.category]} <span className="dim">({g.modules.length})</span>
            </h4>
            <ul className="plan-modules" aria-label={`Planned ${CATEGORY_LABELS[g.category]}`}>
              {g.modules.map((m) => (
                <PlannedModuleRow key={m.name} module={m} />
              ))}
            </ul>
          </div>
        ))}
      </Section>

      <Section title="Planned modules.conf">
        <CodeEditor label="Planned modules.conf" value={plan.text} minLines={8} maxHeight="28em" />
      </Section>

      {plan.diff && (
        <Section title={`Changes against ${currentFile ?? 'the current modules.conf'}`} count={changed}>
          <pre
            className="plan-diff mono"
            aria-label={`Diff against ${currentFile ?? 'the current modules.conf'}`}
          >
            {plan.diff.map((line, i) => (
              <span
                key={i}
                className={
                  line.startsWith('+ ') ? 'plan-diff-add' : line.startsWith('- ') ? 'plan-diff-del' : 'dim'
                }
              >
                {line}
                {'\n'}
              </span>
            ))}
          </pre>
        </Section>
      )}
    </div>
  );
}
