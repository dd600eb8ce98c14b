import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { EDGE_KINDS, MODULE_CATEGORIES } from '../../model';
import type { EdgeKind, ModuleCategory, ModuleGraph, SupportLevel } from '../../model';
import { CATEGORY_COLOURS, CATEGORY_LABELS, EDGE_LOOKS, SUPPORT_LABELS } from '../../graph/palette';
import { OUTCOME_LABELS } from '../../graph/outcomes';
import type { Outcome } from '../../graph/outcomes';
import { selectSimulation, useExplorer } from '../../store';
import type { FilterKey, GraphFilters } from '../../store';
import { outcomesOf } from '../graph/useGraphScene';

const SUPPORT_ORDER: SupportLevel[] = ['core', 'extended', 'deprecated', 'unspecified', 'external', 'option'];
const OUTCOMES: Outcome[] = ['running', 'declined', 'failed', 'not-loaded', 'hazard', 'absent'];

interface Facets {
  categories: Array<[ModuleCategory, number]>;
  support: Array<[SupportLevel, number]>;
  edges: Array<[EdgeKind, number]>;
}

const facetCache = new WeakMap<ModuleGraph, Facets>();

/** What the graph has to filter by, with counts, so the panel lists only values that occur. */
function facetsOf(graph: ModuleGraph): Facets {
  let facets = facetCache.get(graph);
  if (!facets) {
    const categories = new Map<ModuleCategory, number>();
    const support = new Map<SupportLevel, number>();
    for (const m of Object.values(graph.modules)) {
      if (m.kind !== 'loadable' && m.kind !== 'builtin') continue;
      categories.set(m.category, (categories.get(m.category) ?? 0) + 1);
      support.set(m.supportLevel, (support.get(m.supportLevel) ?? 0) + 1);
    }
    const edges = new Map<EdgeKind, number>();
    for (const e of graph.edges) edges.set(e.kind, (edges.get(e.kind) ?? 0) + 1);
    facets = {
      categories: MODULE_CATEGORIES.filter((c) => categories.has(c)).map((c) => [c, categories.get(c) ?? 0]),
      support: SUPPORT_ORDER.filter((s) => support.has(s)).map((s) => [s, support.get(s) ?? 0]),
      edges: EDGE_KINDS.filter((k) => edges.has(k)).map((k) => [k, edges.get(k) ?? 0]),
    };
    facetCache.set(graph, facets);
  }
  return facets;
}

function hiddenCount(filters: GraphFilters, withOutcomes: boolean): number {
  return (
    filters.hiddenCategories.length +
    filters.hiddenSupportLevels.length +
    filters.hiddenEdgeKinds.length +
    (withOutcomes ? filters.hiddenOutcomes.length : 0)
  );
}

function Check(props: {
  label: string;
  count?: number;
  title?: string;
  checked: boolean;
  swatch?: string;
  onChange(v: boolean): void;
  children?: ReactNode;
}) {
  return (
    <label className="filter-check" title={props.title}>
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      {props.swatch && <span className="swatch" aria-hidden="true" style={{ background: props.swatch }} />}
      <span>{props.label}</span>
      {props.count !== undefined && (
        <span className="filter-count" aria-hidden="true">
          {props.count.toLocaleString('en-US')}
        </span>
      )}
    </label>
  );
}

/**
 * The Filters disclosure: checkboxes named by value (categories, support levels, edge kinds,
 * libraries and non-loadable entries, simulated outcomes). Unticking hides; filters combine with
 * the focus and the grouping, and the toolbar's counts say what is left.
 */
export function FiltersMenu() {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const graph = useExplorer((s) => s.graph);
  const filters = useExplorer((s) => s.filters);
  const showLibraries = useExplorer((s) => s.showLibraries);
  const showNonLoadable = useExplorer((s) => s.showNonLoadable);
  const moduleView = useExplorer((s) => s.mode === 'modules');
  const simulation = useExplorer(selectSimulation);
  const setFilterHidden = useExplorer((s) => s.setFilterHidden);
  const resetFilters = useExplorer((s) => s.resetFilters);
  const setShowLibraries = useExplorer((s) => s.setShowLibraries);
  const setShowNonLoadable = useExplorer((s) => s.setShowNonLoadable);
  const facets = useMemo(() => (graph ? facetsOf(graph) : undefined), [graph]);
  const outcomeCounts = useMemo(() => {
    if (!simulation) return undefined;
    const counts = new Map<string, number>();
    for (const o of outcomesOf(simulation).values()) counts.set(o, (counts.get(o) ?? 0) + 1);
    return counts;
  }, [simulation]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent): void => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const hidden = hiddenCount(filters, simulation !== undefined);
  const toggle =
    <K extends FilterKey>(key: K, value: GraphFilters[K][number]) =>
    (shown: boolean) =>
      setFilterHidden(key, value, !shown);

  return (
    <div
      className="filters"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        className={`btn btn-small ${hidden > 0 ? 'btn-active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        Filters
        {hidden > 0 && <span className="filter-badge">{hidden} hidden</span>}
      </button>
      {open && facets && (
        <div id={panelId} className="filters-panel" role="group" aria-label="Filters">
          <fieldset>
            <legend>Category</legend>
            {facets.categories.map(([c, count]) => (
              <Check
                key={c}
                label={c}
                count={count}
                title={CATEGORY_LABELS[c]}
                swatch={CATEGORY_COLOURS[c]}
                checked={!filters.hiddenCategories.includes(c)}
                onChange={toggle('hiddenCategories', c)}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>Support level</legend>
            {facets.support.map(([s, count]) => (
              <Check
                key={s}
                label={s}
                count={count}
                title={SUPPORT_LABELS[s]}
                checked={!filters.hiddenSupportLevels.includes(s)}
                onChange={toggle('hiddenSupportLevels', s)}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>Edge kinds</legend>
            {facets.edges.map(([k, count]) => (
              <Check
                key={k}
                label={k}
                count={count}
                title={EDGE_LOOKS[k].label}
                checked={!filters.hiddenEdgeKinds.includes(k)}
                onChange={toggle('hiddenEdgeKinds', k)}
              />
            ))}
          </fieldset>
          <fieldset disabled={!moduleView}>
            <legend>Entries</legend>
            <Check label="Show libraries" checked={showLibraries} onChange={setShowLibraries} />
            <Check
              label="Show non-loadable entries"
              title="Helper and core source files with a MODULEINFO block, build options"
              checked={showNonLoadable}
              onChange={setShowNonLoadable}
            />
          </fieldset>
          {outcomeCounts && (
            <fieldset>
              <legend>Simulation outcome</legend>
              {OUTCOMES.filter((o) => outcomeCounts.has(o)).map((o) => (
                <Check
                  key={o}
                  label={OUTCOME_LABELS[o].replace(/ \(.*\)$/, '')}
                  count={outcomeCounts.get(o)}
                  checked={!filters.hiddenOutcomes.includes(o)}
                  onChange={toggle('hiddenOutcomes', o)}
                />
              ))}
            </fieldset>
          )}
          <div className="filters-actions">
            <button type="button" className="btn btn-small" disabled={hidden === 0} onClick={resetFilters}>
              Show everything
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
