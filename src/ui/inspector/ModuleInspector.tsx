import type { ReactNode } from 'react';
import type { DependencyEdge, ModuleFact, ModuleGraph, ModuleInfo } from '../../model';
import { CORE_PROVIDER } from '../../model';
import { CATEGORY_COLOURS, CATEGORY_LABELS, SUPPORT_LABELS } from '../../graph/palette';
import { useExplorer } from '../../store';
import {
  describeDefaultEnabled,
  describeLoadPriority,
  describeSource,
  describeSourceFully,
  dependencyGroups,
  dependentGroups,
  EDGE_GROUP_LABELS,
  ITEM_GROUP_LABELS,
  KIND_LABELS,
  providedBy,
} from './moduleFacts';
import type { EdgeGroup } from './moduleFacts';
import { ModuleSimulation } from '../simulation/ModuleSimulation';
import { ImpactLinks } from '../explain/ImpactLinks';

function Sources({ module, fact }: { module: ModuleInfo; fact: ModuleFact }) {
  const refs = module.sources[fact];
  if (!refs || refs.length === 0) return null;
  return (
    <div className="fact-sources">
      from{' '}
      {refs.map((r, i) => (
        <span key={i} className="fact-source" title={describeSourceFully(r)}>
          {describeSource(r)}
        </span>
      ))}
    </div>
  );
}

function Fact({
  label,
  module,
  fact,
  children,
}: {
  label: string;
  module: ModuleInfo;
  fact?: ModuleFact;
  children: ReactNode;
}) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {children}
        {fact && <Sources module={module} fact={fact} />}
      </dd>
    </>
  );
}

/** A name in a dependency list: a button when it can be inspected, plain text when it resolves to nothing. */
function NameLink({
  graph,
  name,
  library,
  optional,
}: {
  graph: ModuleGraph;
  name: string;
  library: boolean;
  optional?: boolean;
}) {
  const select = useExplorer((s) => s.select);
  const known = library ? graph.libraries[name] !== undefined : graph.modules[name] !== undefined;
  const label = `${name}${optional ? ' (optional)' : ''}`;
  if (!known) {
    return (
      <span
        className="chip chip-unresolved"
        title="Named in the input but neither a module nor a library of this graph"
      >
        {label}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="chip"
      title={library ? `Library ${name}` : `Inspect ${name}`}
      onClick={() => select(library ? { kind: 'library', name } : { kind: 'module', name })}
    >
      {label}
    </button>
  );
}

function EdgeGroups({
  graph,
  groups,
  direction,
}: {
  graph: ModuleGraph;
  groups: EdgeGroup[];
  direction: 'out' | 'in';
}) {
  if (groups.length === 0) return <p className="dim">None.</p>;
  return (
    <>
      {groups.map((g) => (
        <div key={g.kind} className="edge-group">
          <h4>
            {EDGE_GROUP_LABELS[g.kind][direction]} <span className="dim">({g.edges.length})</span>
          </h4>
          <div className="chips">
            {g.edges.map((e: DependencyEdge) => {
              const other = direction === 'out' ? e.to : e.from;
              const library = direction === 'out' && e.kind === 'uses-library';
              return (
                <NameLink
                  key={`${other}:${String(e.optional)}`}
                  graph={graph}
                  name={other}
                  library={library}
                  optional={e.optional === true}
                />
              );
            })}
          </div>
        </div>
      ))}
    </>
  );
}

export function ModuleInspector({ graph, name }: { graph: ModuleGraph; name: string }) {
  const select = useExplorer((s) => s.select);
  const module = graph.modules[name];
  const provides = providedBy(graph.items, name);

  if (!module) {
    // Providers such as the core appear in the provider view without a MODULEINFO entry.
    return (
      <section className="inspector" aria-label="Inspector">
        <h2 className="inspector-title mono">{name}</h2>
        <p className="dim">
          {name === CORE_PROVIDER
            ? 'The Asterisk core itself (xmldoc module="builtin"): it registers these names without a loadable module.'
            : 'Named as a provider in the input, but this graph has no module entry for it.'}
        </p>
        <ProvidedItems graph={graph} name={name} groups={provides} />
      </section>
    );
  }

  const deps = dependencyGroups(graph, name);
  const dependents = dependentGroups(graph, name);
  const deprecated =
    module.deprecatedIn !== undefined || module.removedIn !== undefined || module.replacement !== undefined;

  return (
    <section className="inspector" aria-label="Inspector">
      <header className="inspector-head">
        <span
          className="swatch-lg"
          style={{ background: CATEGORY_COLOURS[module.category] }}
          aria-hidden="true"
        />
        <h2 className="inspector-title mono">{module.name}</h2>
      </header>
      <div className="badges">
        <span className={`badge badge-${module.supportLevel}`}>{SUPPORT_LABELS[module.supportLevel]}</span>
        {module.kind !== 'loadable' && <span className="badge">{module.kind}</span>}
        {deprecated && <span className="badge badge-deprecated">deprecated</span>}
        {module.globalSymbols && <span className="badge">global symbols</span>}
      </div>
      <ModuleSimulation graph={graph} name={module.name} />

      <dl className="facts">
        <Fact label="Description" module={module} fact="description">
          {module.description ?? <span className="dim">none</span>}
        </Fact>
        <Fact label="Category" module={module} fact="category">
          {CATEGORY_LABELS[module.category]}
        </Fact>
        <Fact label="Kind" module={module} fact="kind">
          {KIND_LABELS[module.kind]}
        </Fact>
        <Fact label="Support level" module={module} fact="supportLevel">
          {module.supportLevel}
        </Fact>
        <Fact label="Load priority" module={module} fact="loadPriority">
          {describeLoadPriority(module)}
        </Fact>
        <Fact label="Flags" module={module} fact="flags">
          {module.flags.length > 0 ? (
            <span className="mono">{module.flags.join(' ')}</span>
          ) : (
            <span className="dim">none</span>
          )}
        </Fact>
        <Fact label="Default enabled" module={module} fact="defaultEnabled">
          {describeDefaultEnabled(module)}
        </Fact>
        {module.kind === 'loadable' && !graph.info.hasLinkFacts && (
          <Fact label="Link facts" module={module}>
            {module.linksFrom
              ? `from the Asterisk ${module.linksFrom} build (this release's build was not recorded)`
              : 'none recorded: the loader simulation assumes it links against the global-symbol modules it requires'}
          </Fact>
        )}
        {module.hasLoad !== undefined && (
          <Fact label="Load function" module={module}>
            {/* main/loader.c: start_resource declines a module without a load callback. */}
            {module.hasLoad ? 'yes' : 'no: the loader declines it'}
          </Fact>
        )}
        <Fact label="Deprecation" module={module} fact="deprecation">
          {deprecated ? (
            <>
              {module.deprecatedIn && <>Deprecated in {module.deprecatedIn}. </>}
              {module.removedIn && <>Removed in {module.removedIn}. </>}
              {module.replacement && (
                <>
                  Replaced by{' '}
                  <button
                    type="button"
                    className="linklike"
                    onClick={() => select({ kind: 'module', name: module.replacement ?? '' })}
                  >
                    {module.replacement}
                  </button>
                </>
              )}
            </>
          ) : (
            <span className="dim">not deprecated</span>
          )}
        </Fact>
        {module.sources.moduleinfo && (
          <Fact label="MODULEINFO" module={module} fact="moduleinfo">
            <span className="dim">block found</span>
          </Fact>
        )}
        {(module.kind === 'loadable' || module.kind === 'builtin') && (
          <Fact label="Impact" module={module}>
            <ImpactLinks name={module.name} />
          </Fact>
        )}
      </dl>

      <section className="inspector-section" aria-label="Dependencies">
        <h3>Dependencies</h3>
        <EdgeGroups graph={graph} groups={deps} direction="out" />
      </section>
      <section className="inspector-section" aria-label="Dependents">
        <h3>Dependents</h3>
        <EdgeGroups graph={graph} groups={dependents} direction="in" />
      </section>
      <ProvidedItems graph={graph} name={name} groups={provides} />
    </section>
  );
}

function ProvidedItems({
  name,
  groups,
}: {
  graph: ModuleGraph;
  name: string;
  groups: ReturnType<typeof providedBy>;
}) {
  const select = useExplorer((s) => s.select);
  return (
    <section className="inspector-section" aria-label="Provides">
      <h3>Provides</h3>
      {groups.length === 0 ? (
        <p className="dim">
          No applications, functions, manager actions, events or AGI commands are documented for {name}.
        </p>
      ) : (
        groups.map((g) => (
          <div key={g.kind} className="edge-group">
            <h4>
              {ITEM_GROUP_LABELS[g.kind]} <span className="dim">({g.names.length})</span>
            </h4>
            <div className="chips">
              {g.names.map((n) => (
                <button
                  key={n}
                  type="button"
                  className="chip"
                  onClick={() => select({ kind: 'item', itemKind: g.kind, name: n })}
                >
                  {n}
                </button>
              ))}
            </div>
          </div>
        ))
      )}
    </section>
  );
}
