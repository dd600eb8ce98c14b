import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ProvidedItemKind } from '../../model';
import {
  needsModuleNames,
  prepareModuleSearch,
  searchModules,
  searchNote,
  selectCurrentVersion,
  useExplorer,
} from '../../store';
import type { SearchHit } from '../../store';
import { KIND_LABELS, providerLabel } from './searchLabels';
import { isTypingTarget } from './typingTarget';
import './search.css';

const ITEM_KINDS: ReadonlySet<string> = new Set<ProvidedItemKind>([
  'application',
  'function',
  'manager',
  'managerEvent',
  'agi',
]);

const NAMES_DELAY_MS = 300;

function isItemKind(kind: string): kind is ProvidedItemKind {
  return ITEM_KINDS.has(kind);
}

/**
 * The search box: a combobox over modules, provided items, libraries and non-loadable entries.
 * `/` anywhere but in a text field focuses it; arrows move, Enter opens, Esc clears.
 */
export function ModuleSearch() {
  const listId = useId();
  const noteId = useId();
  const input = useRef<HTMLInputElement>(null);
  const graph = useExplorer((s) => s.graph);
  const select = useExplorer((s) => s.select);
  const inspectModule = useExplorer((s) => s.inspectModule);
  const moduleNames = useExplorer((s) => s.moduleNames);
  const moduleNamesStatus = useExplorer((s) => s.moduleNamesStatus);
  const loadModuleNames = useExplorer((s) => s.loadModuleNames);
  const current = useExplorer(selectCurrentVersion);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  const result = useMemo(() => searchModules(graph, query), [graph, query]);
  const hits = result.hits;
  const note = searchNote(result, { moduleNames, moduleNamesStatus }, current);
  const activeIndex = Math.min(active, hits.length - 1);
  const expanded = open && hits.length > 0;
  const activeId = expanded && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined;

  // The other versions' names are parsed in the worker (about a second, once) when typing pauses on
  // a query nothing here matches exactly; a quick pick on the way does not keep the worker busy.
  const wantsNames = needsModuleNames(result, moduleNames) && moduleNamesStatus === 'idle';
  const pausedOn = result.normalised;
  useEffect(() => {
    if (!wantsNames) return;
    const timer = setTimeout(() => void loadModuleNames(), NAMES_DELAY_MS);
    return () => clearTimeout(timer);
  }, [wantsNames, pausedOn, loadModuleNames]);

  useEffect(() => {
    function focusOnSlash(e: KeyboardEvent): void {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTypingTarget(e.target)) return;
      e.preventDefault();
      input.current?.focus();
    }
    document.addEventListener('keydown', focusOnSlash);
    return () => document.removeEventListener('keydown', focusOnSlash);
  }, []);

  useEffect(() => {
    if (!activeId) return;
    // jsdom has no scrollIntoView; a browser keeps the active option in sight of a short list.
    document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  function reset(): void {
    setQuery('');
    setOpen(false);
    setActive(0);
  }

  function choose(hit: SearchHit | undefined): void {
    if (!hit) return;
    if (hit.kind === 'library') select({ kind: 'library', name: hit.name });
    else if (isItemKind(hit.kind)) {
      // One provider: the module is what the user is after ("Dial" opens app_dial); several: the
      // item's inspector lists them all.
      const [only, ...others] = hit.providers;
      if (only !== undefined && others.length === 0) inspectModule(only);
      else select({ kind: 'item', itemKind: hit.kind, name: hit.name });
    } else inspectModule(hit.name);
    reset();
  }

  return (
    <div className="search">
      <input
        ref={input}
        type="search"
        className="input search-input"
        role="combobox"
        aria-label="Search"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={noteId}
        aria-keyshortcuts="/"
        placeholder="Search modules, applications, functions…  /"
        autoComplete="off"
        spellCheck={false}
        value={query}
        disabled={!graph}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          // Built now rather than on the first keystroke, so that keystroke's matches come at once.
          prepareModuleSearch(graph);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive(Math.min(activeIndex + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(activeIndex - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(hits[Math.max(activeIndex, 0)]);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            reset();
          }
        }}
      />
      <div className="search-popup" hidden={!open || (hits.length === 0 && !note)}>
        <ul id={listId} role="listbox" aria-label="Search results" className="search-list" hidden={!expanded}>
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}:${hit.name}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              className="search-option"
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit);
              }}
              // Moving, not entering: a list that opens under a resting pointer must not move the
              // active option away from the best match that Enter picks.
              onMouseMove={() => {
                if (active !== i) setActive(i);
              }}
            >
              <span className="search-name mono">{hit.name}</span>
              <span className={`search-badge search-badge-${hit.kind}`}>{KIND_LABELS[hit.kind]}</span>
              <span className="search-provider dim mono" title={hit.providers.join(', ') || undefined}>
                {providerLabel(hit)}
              </span>
            </li>
          ))}
        </ul>
        <p
          id={noteId}
          role="status"
          aria-label="Search note"
          className={`search-note search-note-${note?.kind ?? 'none'}`}
        >
          {note?.text}
        </p>
      </div>
    </div>
  );
}
