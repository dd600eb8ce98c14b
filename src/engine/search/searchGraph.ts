/**
 * Ranked name search over one graph: modules, provided items, libraries and non-loadable entries.
 * Names compare case-insensitively, as Asterisk compares module and item names.
 */
import Fuse from 'fuse.js';
import type { ModuleGraph, ProvidedItemKind } from '../../model';
import { stripSo } from '../names';

export type SearchEntryKind =
  | 'module'
  | 'builtin'
  | ProvidedItemKind
  | 'library'
  | 'non-loadable'
  | 'build-option';

export interface SearchEntry {
  /** As spelled in the graph (the first spelling met when an item is provided under several). */
  name: string;
  kind: SearchEntryKind;
  /** Modules providing an item (several for `VoiceMail`); empty for everything else. */
  providers: string[];
  /**
   * 0: what people look for (modules, built-ins, applications, functions, AMI actions, AGI commands);
   * 1: the rest (non-loadable entries, build options, libraries); 2: manager events, which are
   * named like actions and applications and would crowd them out.
   */
  tier: 0 | 1 | 2;
}

export type MatchKind = 'exact' | 'prefix' | 'fuzzy';

export interface SearchHit extends SearchEntry {
  match: MatchKind;
}

export interface SearchResult {
  /** The query as compared: trimmed, lower case, without `.so` or a trailing `(...)`. */
  normalised: string;
  hits: SearchHit[];
  /** Whether some entry has exactly the name asked for (counted before the limit). */
  exact: boolean;
}

export const DEFAULT_SEARCH_LIMIT = 12;

const KIND_ORDER: Record<SearchEntryKind, number> = {
  module: 0,
  builtin: 1,
  application: 2,
  function: 3,
  manager: 4,
  agi: 5,
  'non-loadable': 6,
  'build-option': 7,
  library: 8,
  managerEvent: 9,
};

/**
 * `Dial()`, `CALLERID(num)`, `app_dial.so` and ` dial ` all name what `dial` names: people paste
 * dialplan calls and file names as often as bare names.
 */
export function normaliseQuery(query: string): string {
  const bare = query.trim().replace(/\(.*$/, '').trim();
  return stripSo(bare).toLowerCase();
}

/**
 * Fuse's accepted share of errors: `chan_sip` finds `chan_pjsip`, `app_voicemal` `app_voicemail`. Long names
 * are allowed a few typos, not a third of their letters: that matches nothing useful and costs
 * one pass over every name per error allowed.
 */
function fuzzyThreshold(queryLength: number): number {
  return Math.min(0.34, 3.5 / queryLength);
}

interface SearchIndex {
  entries: SearchEntry[];
  keys: string[];
  /** Entry indices by lower-case name. */
  exact: Map<string, number[]>;
  /** Entry indices sorted by lower-case name, for prefix ranges by binary search. */
  sorted: number[];
  /** Distinct lower-case names, shortest first. */
  byLength: string[];
  /** Fuse for queries of that length (over the names long enough to match them), made on first need. */
  fuzzy: Map<number, Fuse<string>>;
}

function entriesOf(graph: ModuleGraph): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const m of Object.values(graph.modules)) {
    const kind: SearchEntryKind =
      m.kind === 'loadable' ? 'module' : m.kind === 'builtin' ? 'builtin' : m.kind;
    entries.push({ name: m.name, kind, providers: [], tier: kind === 'module' || kind === 'builtin' ? 0 : 1 });
  }
  for (const lib of Object.values(graph.libraries)) {
    entries.push({ name: lib.name, kind: 'library', providers: [], tier: 1 });
  }
  const items = new Map<string, SearchEntry>();
  for (const item of graph.items) {
    const key = `${item.kind}:${item.name.toLowerCase()}`;
    let entry = items.get(key);
    if (!entry) {
      entry = { name: item.name, kind: item.kind, providers: [], tier: item.kind === 'managerEvent' ? 2 : 0 };
      items.set(key, entry);
      entries.push(entry);
    }
    if (!entry.providers.includes(item.module)) entry.providers.push(item.module);
  }
  for (const entry of items.values()) entry.providers.sort();
  return entries;
}

function buildIndex(graph: ModuleGraph): SearchIndex {
  const entries = entriesOf(graph);
  const keys = entries.map((e) => e.name.toLowerCase());
  const exact = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const list = exact.get(key);
    if (list) list.push(i);
    else exact.set(key, [i]);
  });
  const sorted = keys.map((_, i) => i).sort((a, b) => compareStrings(keys[a] ?? '', keys[b] ?? ''));
  const byLength = [...exact.keys()].sort((a, b) => a.length - b.length || compareStrings(a, b));
  return { entries, keys, exact, sorted, byLength, fuzzy: new Map() };
}

/**
 * Fuse scores a match by its share of errors, and a name shorter than the query by k characters
 * needs at least k, so names shorter than this can never pass the threshold. Leaving them out
 * returns the same matches and keeps long queries (`res_pjsip_outbound_registration`) fast.
 */
function fuzzyIndex(index: SearchIndex, queryLength: number): Fuse<string> {
  let fuse = index.fuzzy.get(queryLength);
  if (!fuse) {
    const threshold = fuzzyThreshold(queryLength);
    const minLength = queryLength - Math.floor(threshold * queryLength);
    const from = index.byLength.findIndex((k) => k.length >= minLength);
    fuse = new Fuse(from < 0 ? [] : index.byLength.slice(from), {
      includeScore: true,
      // Module names put the telling part last (`res_pjsip_session`): where the query lands must not matter.
      ignoreLocation: true,
      threshold,
      isCaseSensitive: true,
    });
    index.fuzzy.set(queryLength, fuse);
  }
  return fuse;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const indexes = new WeakMap<ModuleGraph, SearchIndex>();

/** Built once per graph: a graph is never mutated, a new one is a new object. */
function indexOf(graph: ModuleGraph): SearchIndex {
  let index = indexes.get(graph);
  if (!index) {
    index = buildIndex(graph);
    indexes.set(graph, index);
  }
  return index;
}

/** Builds the index ahead of the first query (e.g. when the search box gets focus). */
export function prepareSearch(graph: ModuleGraph): void {
  indexOf(graph);
}

function lowerBound(index: SearchIndex, q: string): number {
  let lo = 0;
  let hi = index.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index.keys[index.sorted[mid] ?? 0] ?? '') < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rank band of a hit, lower first. Exact and prefix matches go by tier (so `Dial` the application
 * comes before `dial` the non-loadable entry); fuzzy matches come after every exact or prefix
 * match, so a non-loadable entry named exactly as typed is not buried under near misses. Manager
 * events are named like the actions and applications around them: only their exact names rank
 * among the others, the rest come last.
 */
const FUZZY_BAND = 10;

function band(entry: SearchEntry, match: MatchKind): number {
  if (entry.tier === 2) return match === 'exact' ? 4 : match === 'prefix' ? FUZZY_BAND + 2 : FUZZY_BAND + 3;
  if (match === 'fuzzy') return FUZZY_BAND + entry.tier;
  return entry.tier * 2 + (match === 'exact' ? 0 : 1);
}

interface Ranked {
  hit: SearchHit;
  band: number;
  /** Within a band: fuse score for fuzzy, name length for prefix, 0 for exact. */
  closeness: number;
}

/** Exact names first, then prefixes, then fuzzy matches (fuse.js); see {@link band} for the tiers. */
export function searchGraph(
  graph: ModuleGraph,
  query: string,
  limit: number = DEFAULT_SEARCH_LIMIT,
): SearchResult {
  const q = normaliseQuery(query);
  if (!q) return { normalised: q, hits: [], exact: false };
  const index = indexOf(graph);
  const ranked: Ranked[] = [];
  const taken = new Set<number>();
  const add = (i: number, match: MatchKind, closeness: number): void => {
    const entry = index.entries[i];
    if (!entry || taken.has(i)) return;
    taken.add(i);
    ranked.push({ hit: { ...entry, match }, band: band(entry, match), closeness });
  };

  const exact = index.exact.get(q) ?? [];
  for (const i of exact) add(i, 'exact', 0);
  for (let at = lowerBound(index, q); at < index.sorted.length; at++) {
    const i = index.sorted[at] ?? 0;
    const key = index.keys[i] ?? '';
    if (!key.startsWith(q)) break;
    add(i, 'prefix', key.length);
  }
  // Fuzzy matches rank below every exact or prefix match but manager events: when those fill the
  // list, fuzzy matching (the costly part) could not change it.
  const full = ranked.filter((r) => r.band < FUZZY_BAND).length >= limit;
  if (!full) {
    for (const r of fuzzyIndex(index, q.length).search(q)) {
      for (const i of index.exact.get(r.item) ?? []) add(i, 'fuzzy', r.score ?? 1);
    }
  }

  ranked.sort(
    (a, b) =>
      a.band - b.band ||
      a.closeness - b.closeness ||
      KIND_ORDER[a.hit.kind] - KIND_ORDER[b.hit.kind] ||
      compareStrings(a.hit.name.toLowerCase(), b.hit.name.toLowerCase()),
  );
  return {
    normalised: q,
    hits: ranked.slice(0, limit).map((r) => r.hit),
    exact: exact.length > 0,
  };
}
