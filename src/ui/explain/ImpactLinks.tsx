import { Fragment } from 'react';
import { IMPACT_KIND_LABELS, IMPACT_KINDS, useExplorer } from '../../store';

/** The inspector's way into the Explain tab: what goes down with this module, and its paths. */
export function ImpactLinks({ name }: { name: string }) {
  const explainImpact = useExplorer((s) => s.explainImpact);
  const explainPathsFrom = useExplorer((s) => s.explainPathsFrom);
  return (
    <span className="impact-links">
      What goes down if it{' '}
      {IMPACT_KINDS.map((kind, i) => (
        <Fragment key={kind}>
          {i > 0 && (i === IMPACT_KINDS.length - 1 ? ' or ' : ', ')}
          <button
            type="button"
            className="linklike"
            aria-label={`Impact if ${name} ${IMPACT_KIND_LABELS[kind]}`}
            onClick={() => explainImpact(name, kind)}
          >
            {IMPACT_KIND_LABELS[kind]}
          </button>
        </Fragment>
      ))}
      {' · '}
      <button type="button" className="linklike" onClick={() => explainPathsFrom(name)}>
        Paths from {name}
      </button>
    </span>
  );
}
