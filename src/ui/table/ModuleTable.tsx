import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { moduleRows, selectSimulation, simulationStates, useExplorer } from '../../store';
import { COLUMNS, filterRows, nextSort, sortRows } from './tableRows';
import type { Sort, TableRow } from './tableRows';
import './table.css';

const ROW_HEIGHT = 28;

/**
 * Every loadable and built-in module in a sortable, filterable table. Only the rows in view are in
 * the DOM. It shares the selection with the graph: a click here selects there, and a module
 * selected elsewhere is highlighted and scrolled into view.
 */
export function ModuleTable() {
  const filterId = useId();
  const graph = useExplorer((s) => s.graph);
  const selection = useExplorer((s) => s.selection);
  const inspectModule = useExplorer((s) => s.inspectModule);
  const run = useExplorer(selectSimulation);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' });
  const deferredFilter = useDeferredValue(filter);
  const scroller = useRef<HTMLDivElement>(null);

  const all = useMemo<TableRow[]>(() => {
    const states = simulationStates(run);
    return moduleRows(graph).map((r) => ({ ...r, simulation: states?.[r.name] }));
  }, [graph, run]);
  const rows = useMemo(() => sortRows(filterRows(all, deferredFilter), sort), [all, deferredFilter, sort]);
  const selected = selection?.kind === 'module' ? selection.name : undefined;
  const selectedIndex = selected === undefined ? -1 : rows.findIndex((r) => r.name === selected);

  // The app is not built with the React Compiler, so nothing memoises the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // A new order starts at the top: that is where the answer to "which is biggest" is.
  const order = `${sort.key}:${sort.direction}:${deferredFilter}`;
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [order, virtualizer]);

  // A selection made elsewhere (graph, search, inspector links) brings its row into view; declared
  // after the reset above so that, on opening the table, the selected row wins.
  const scrolledTo = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (selected === scrolledTo.current || selectedIndex < 0) return;
    scrolledTo.current = selected;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selected, selectedIndex, virtualizer]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    let target: number | undefined;
    if (step !== undefined) target = Math.min(Math.max((selectedIndex < 0 ? -1 : selectedIndex) + step, 0), rows.length - 1);
    else if (e.key === 'Home') target = 0;
    else if (e.key === 'End') target = rows.length - 1;
    const row = target === undefined ? undefined : rows[target];
    if (!row) return;
    e.preventDefault();
    inspectModule(row.name);
  }

  return (
    <section className="module-table" aria-label="Module table">
      <div className="module-table-bar">
        <label htmlFor={filterId} className="visually-hidden">
          Filter modules
        </label>
        <input
          id={filterId}
          type="search"
          className="input module-table-filter"
          placeholder="Filter modules (name, category, support level)"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="dim" role="status" aria-label="Modules shown">
          {rows.length === all.length ? `${all.length} modules` : `${rows.length} of ${all.length} modules`}
        </span>
      </div>
      <div className="module-grid" role="grid" aria-label="Modules" aria-rowcount={rows.length + 1}>
        <div className="module-grid-head" role="rowgroup">
          <div className="module-grid-row" role="row" aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <div
                key={c.key}
                role="columnheader"
                className={`module-grid-cell${c.numeric ? ' numeric' : ''}`}
                aria-sort={sort.key === c.key ? sort.direction : 'none'}
              >
                <button type="button" className="module-grid-sort" onClick={() => setSort(nextSort(sort, c))}>
                  {c.label}
                  <span aria-hidden="true" className="module-grid-arrow">
                    {sort.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            ))}
          </div>
        </div>
        <div
          ref={scroller}
          className="module-grid-body"
          role="rowgroup"
          tabIndex={0}
          aria-label="Module rows"
          onKeyDown={onKeyDown}
        >
          <div className="module-grid-spacer" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const isSelected = row.name === selected;
              return (
                <div
                  key={row.name}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  className={`module-grid-row${isSelected ? ' selected' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => inspectModule(row.name)}
                >
                  <div role="gridcell" className="module-grid-cell mono">
                    {row.name}
                  </div>
                  <div role="gridcell" className="module-grid-cell">
                    {row.category}
                  </div>
                  <div role="gridcell" className="module-grid-cell">
                    {row.supportLevel}
                  </div>
                  <div role="gridcell" className="module-grid-cell numeric">
                    {row.loadPriority ?? ''}
                  </div>
                  <div role="gridcell" className="module-grid-cell numeric">
                    {row.dependencies}
                  </div>
                  <div role="gridcell" className="module-grid-cell numeric">
                    {row.dependents}
                  </div>
                  <div role="gridcell" className="module-grid-cell numeric">
                    {row.transitiveDependents}
                  </div>
                  <div role="gridcell" className={`module-grid-cell sim-${row.simulation?.replace(' ', '-') ?? 'none'}`}>
                    {row.simulation ?? ''}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
