import type { ModuleGraph, ProvidedItemKind } from '../../model';
import { ITEM_LABELS } from '../../graph/palette';
import { useExplorer } from '../../store';
import { describeSource, describeSourceFully } from './moduleFacts';

/** A dialplan application, function, AMI action/event or AGI command and the modules that provide it. */
export function ItemInspector({
  graph,
  itemKind,
  name,
}: {
  graph: ModuleGraph;
  itemKind: ProvidedItemKind;
  name: string;
}) {
  const select = useExplorer((s) => s.select);
  const wanted = name.toLowerCase();
  // Asterisk compares these names case-insensitively (main/pbx_app.c: pbx_findapp_nolock uses strcasecmp).
  const entries = graph.items.filter((i) => i.kind === itemKind && i.name.toLowerCase() === wanted);
  const providers = [...new Set(entries.map((i) => i.module))].sort();
  const spellings = [...new Set(entries.map((i) => i.name))];

  return (
    <section className="inspector" aria-label="Inspector">
      <h2 className="inspector-title mono">{spellings[0] ?? name}</h2>
      <div className="badges">
        <span className="badge">{ITEM_LABELS[itemKind]}</span>
        {providers.length > 1 && <span className="badge badge-warning">{providers.length} providers</span>}
      </div>
      {spellings.length > 1 && (
        <p className="dim">Spelled {spellings.join(', ')} in the input; Asterisk treats them as one name.</p>
      )}
      {providers.length > 1 && (
        <p className="callout">
          More than one module provides this name. Asterisk registers a name once: whichever of them loads
          first owns it and the others fail to register it (main/pbx_app.c: ast_register_application2).
        </p>
      )}
      <section className="inspector-section" aria-label="Provided by">
        <h3>Provided by</h3>
        {providers.length === 0 ? (
          <p className="dim">Not found in this graph.</p>
        ) : (
          <ul className="provider-list">
            {providers.map((p) => {
              const source = entries.find((e) => e.module === p)?.source;
              return (
                <li key={p}>
                  <button type="button" className="chip" onClick={() => select({ kind: 'module', name: p })}>
                    {p}
                  </button>
                  {source && (
                    <span className="fact-sources" title={describeSourceFully(source)}>
                      from {describeSource(source)}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </section>
  );
}
