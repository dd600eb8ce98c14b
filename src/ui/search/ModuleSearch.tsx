import { useId, useMemo, useState } from 'react';
import { useExplorer } from '../../store';
import { findEntries, searchEntries } from './searchEntries';
import type { SearchEntry } from './searchEntries';
import './search.css';

/** Combobox that finds a module, library or provided item by name and selects it. */
export function ModuleSearch() {
  const listId = useId();
  const graph = useExplorer((s) => s.graph);
  const select = useExplorer((s) => s.select);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  // Built on first use, not with every new graph: the first draw should not pay for it.
  const searching = query.trim() !== '';
  const entries = useMemo(() => (searching ? searchEntries(graph) : []), [graph, searching]);
  const matches = useMemo(() => findEntries(entries, query), [entries, query]);
  const expanded = open && matches.length > 0;

  function choose(entry: SearchEntry | undefined): void {
    if (!entry) return;
    select(entry.selection);
    setQuery('');
    setOpen(false);
    setActive(0);
  }

  return (
    <div className="search">
      <input
        type="search"
        className="input search-input"
        role="combobox"
        aria-label="Find module"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        placeholder="Find module, application, function…"
        value={query}
        disabled={!graph}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(matches[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Matching names" className="search-list" hidden={!expanded}>
        {matches.map((entry, i) => (
          <li
            key={`${entry.detail}:${entry.label}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="search-option"
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(entry);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="mono">{entry.label}</span>
            <span className="dim">{entry.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
