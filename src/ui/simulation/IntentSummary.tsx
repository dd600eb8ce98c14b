import type { ModuleGraph } from '../../model';
import type { IntentResult } from '../../store';
import { intentScope, intentVerdict, listedOutcome, noloadEffect, useExplorer } from '../../store';
import { LinkedText } from './LinkedText';

/** A list of module names, folded: hundreds of names inline are read by nobody. */
function ModuleNames({ names, label }: { names: readonly string[]; label: string }) {
  const inspect = useExplorer((s) => s.inspectModule);
  return (
    <details className="sim-intent-names">
      <summary>
        {names.length} module{names.length === 1 ? '' : 's'}
      </summary>
      <ul aria-label={label}>
        {names.map((name) => (
          <li key={name}>
            <button type="button" className="linklike" onClick={() => inspect(name)}>
              {name}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * What modules.conf asks for, before the counts: the verdict, each load/preload/require line
 * whose module does not run (with why), each noload line with what it takes down, and the
 * modules that do not run for want of a dependency, each cause once.
 */
export function IntentSummary({ intent, graph }: { intent: IntentResult; graph: ModuleGraph }) {
  const inspect = useExplorer((s) => s.inspectModule);
  const noloads = intent.noloads;
  return (
    <section className="sim-section sim-intent" aria-label="What modules.conf asks for">
      <h3 className="sim-heading">What {intent.file} asks for</h3>
      <p className={`sim-verdict ${intent.ok ? 'sim-verdict-ok' : 'sim-verdict-failed'}`} role="status">
        {intentVerdict(intent)}
      </p>
      <p className="sim-small dim">{intentScope(intent)}</p>
      {intent.failing.length > 0 && (
        <ul className="sim-intent-lines" aria-label="Listed modules that do not run">
          {intent.failing.map((l) => (
            <li key={`${l.line}:${l.column}`} className="sim-intent-line sim-intent-error">
              <span className="mono">
                line {l.line} · {l.option} =&gt;{' '}
                {graph.modules[l.module] ? (
                  <button type="button" className="linklike" onClick={() => inspect(l.module)}>
                    {l.value}
                  </button>
                ) : (
                  l.value
                )}{' '}
                · <strong>{listedOutcome(l)}</strong>
              </span>
              <ol className="sim-why" aria-label={`Why ${l.module} does not run`}>
                {l.why.map((why, i) => (
                  <li key={i}>
                    <LinkedText text={why} graph={graph} self={l.module} />
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
      {noloads.length > 0 && (
        <ul className="sim-intent-lines" aria-label="noload lines">
          {noloads.map((n) => (
            <li
              key={`${n.line}:${n.column}`}
              className={`sim-intent-line ${n.takesDown.length > 0 ? 'sim-intent-warning' : 'sim-intent-info'}`}
            >
              <span className="mono">
                line {n.line} · noload =&gt; {n.value}
              </span>{' '}
              {noloadEffect(n)}
              {n.takesDown.length > 0 && (
                <ModuleNames names={n.takesDown} label={`Modules line ${n.line} takes down`} />
              )}
            </li>
          ))}
        </ul>
      )}
      {intent.troubles.length > 0 && (
        <>
          <h4 className="sim-subheading">Not running for want of a dependency</h4>
          <ul className="sim-intent-lines" aria-label="Not running for want of a dependency">
            {intent.troubles.map((t) => (
              <li key={t.root} className="sim-intent-line sim-intent-warning">
                <button type="button" className="linklike" onClick={() => inspect(t.root)}>
                  {t.root}
                </button>
                {t.modules.length > 0 && (
                  <>
                    {' '}
                    keeps {t.modules.length} module{t.modules.length === 1 ? '' : 's'} from running.
                  </>
                )}{' '}
                <span className="dim">
                  <LinkedText text={t.text} graph={graph} self={t.root} />
                </span>
                {t.modules.length > 0 && (
                  <ModuleNames names={t.modules} label={`Modules ${t.root} keeps from running`} />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
