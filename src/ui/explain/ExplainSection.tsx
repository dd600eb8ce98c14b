import { useId } from 'react';
import type { ReactNode } from 'react';

/**
 * One section of the Explain tab: a heading that folds it (a folded section computes nothing) and
 * its body.
 */
export function ExplainSection({
  title,
  open,
  onToggle,
  children,
}: {
  title: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="explain-section" aria-labelledby={`${id}-heading`}>
      <h3 className="explain-heading" id={`${id}-heading`}>
        <button
          type="button"
          className="explain-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={onToggle}
        >
          <span className="explain-caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {title}
        </button>
      </h3>
      {open && (
        <div className="explain-body" id={`${id}-body`}>
          {children}
        </div>
      )}
    </section>
  );
}
