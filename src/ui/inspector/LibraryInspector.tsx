import { edgesTo } from '../../model';
import type { ModuleGraph } from '../../model';
import { useExplorer } from '../../store';
import { describeSource, describeSourceFully } from './moduleFacts';

/** An external library (not a module): who needs it, and who only uses it when present. */
export function LibraryInspector({ graph, name }: { graph: ModuleGraph; name: string }) {
  const select = useExplorer((s) => s.select);
  const library = graph.libraries[name];
  const users = edgesTo(graph, name).filter((e) => e.kind === 'uses-library');
  const required = [...new Set(users.filter((e) => !e.optional).map((e) => e.from))].sort();
  const optional = [...new Set(users.filter((e) => e.optional).map((e) => e.from))]
    .filter((n) => !required.includes(n))
    .sort();

  return (
    <section className="inspector" aria-label="Inspector">
      <h2 className="inspector-title mono">{name}</h2>
      <div className="badges">
        <span className="badge">external library</span>
      </div>
      <p className="dim">
        Named in MODULEINFO <code>&lt;depend&gt;</code> or <code>&lt;use&gt;</code> but not a module: the
        build needs it installed, the loader never sees it.
      </p>
      {library && library.sources.length > 0 && (
        <div className="fact-sources">
          from{' '}
          {library.sources.slice(0, 3).map((r, i) => (
            <span key={i} className="fact-source" title={describeSourceFully(r)}>
              {describeSource(r)}
            </span>
          ))}
        </div>
      )}
      {[
        { label: 'Required by', names: required },
        { label: 'Used if present by', names: optional },
      ].map((group) => (
        <section key={group.label} className="inspector-section" aria-label={group.label}>
          <h3>
            {group.label} <span className="dim">({group.names.length})</span>
          </h3>
          <div className="chips">
            {group.names.map((n) => (
              <button
                key={n}
                type="button"
                className="chip"
                onClick={() => select({ kind: 'module', name: n })}
              >
                {n}
              </button>
            ))}
          </div>
        </section>
      ))}
    </section>
  );
}
