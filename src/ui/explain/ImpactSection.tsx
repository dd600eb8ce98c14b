import { useEffect, useId } from 'react';
import {
  describeImpact,
  IMPACT_KIND_LABELS,
  IMPACT_KINDS,
  selectImpact,
  selectImpactModule,
  selectImpactTarget,
  useExplorer,
} from '../../store';
import type { ImpactKind } from '../../worker';
import { LinkedText } from './LinkedText';
import { ModuleNameInput } from './ModuleNameInput';
import { useDelayedFlag } from './useDelayedFlag';

/**
 * "If the module fails / is missing / is noloaded / is unloaded": what goes down with it, computed
 * as soon as the module or the case changes (the selected module unless another is typed).
 */
export function ImpactSection({ suggestions }: { suggestions: string }) {
  const kindId = useId();
  const graph = useExplorer((s) => s.graph);
  const typed = useExplorer(selectImpactModule);
  const target = useExplorer(selectImpactTarget);
  const as = useExplorer((s) => s.impactAs);
  const answer = useExplorer(selectImpact);
  const drawn = useExplorer((s) => s.highlight?.kind === 'impact');
  const setModule = useExplorer((s) => s.setImpactModule);
  const setAs = useExplorer((s) => s.setImpactAs);
  const computeImpact = useExplorer((s) => s.computeImpact);
  const showImpact = useExplorer((s) => s.showImpact);
  const clearHighlight = useExplorer((s) => s.clearHighlight);
  const pending = useDelayedFlag(answer?.status === 'pending');

  useEffect(() => {
    if (graph && target) void computeImpact(target, as);
  }, [graph, target, as, computeImpact]);

  const current = answer && answer.query.module === target && answer.query.as === as ? answer : undefined;

  return (
    <>
      <div className="explain-form">
        <ModuleNameInput label="Module" value={typed} onChange={setModule} suggestions={suggestions} />
        <div className="explain-field">
          <label htmlFor={kindId}>If the module</label>
          <select
            id={kindId}
            className="select"
            value={as}
            onChange={(e) => setAs(e.target.value as ImpactKind)}
          >
            {IMPACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {IMPACT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!target && (
        <p className="dim">
          {typed.trim() === ''
            ? 'Select a module on the graph or type its name.'
            : `${typed.trim()} is not a module of this graph.`}
        </p>
      )}
      {target && pending && (
        <p className="dim" role="status">
          Working out what goes down with {target}…
        </p>
      )}
      {current?.status === 'failed' && (
        <p className="explain-error" role="alert">
          {current.message}
        </p>
      )}
      {current?.status === 'done' && (
        <div className="explain-result">
          <div className="explain-summary-row">
            <p className="explain-summary" role="status" aria-label="Impact">
              {describeImpact(current.answer)}
            </p>
            {drawn ? (
              <button type="button" className="btn btn-small" onClick={clearHighlight}>
                Clear highlight
              </button>
            ) : (
              <button type="button" className="btn btn-small" onClick={showImpact}>
                Show on graph
              </button>
            )}
          </div>
          {current.answer.notes.map((note) => (
            <p key={note} className="dim explain-note">
              <LinkedText graph={current.graph} text={note} />
            </p>
          ))}
          {current.answer.modules.length > 0 && (
            <ul className="explain-impact-list" aria-label="Modules taken down">
              {current.answer.modules.map((m) => (
                <li key={m}>
                  <details>
                    <summary className="mono">{m}</summary>
                    <ol className="explain-why" aria-label={`Why ${m} goes down`}>
                      {(current.answer.chains[m] ?? []).map((step, i) => (
                        <li key={i}>
                          <LinkedText graph={current.graph} text={step} />
                        </li>
                      ))}
                    </ol>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
