import type { ModuleGraph } from '../model';
import { describeNameHistory, nameHistory, prepareSearch, searchGraph } from '../engine';
import type { SearchResult, VersionModules } from '../engine';
import type { SearchSlice } from './searchSlice';

export type { MatchKind, SearchEntryKind, SearchHit, SearchResult } from '../engine';

/** Ranked matches for the search box; the index behind it is built once per graph. */
export function searchModules(graph: ModuleGraph | undefined, query: string): SearchResult {
  if (!graph) return { normalised: '', hits: [], exact: false };
  return searchGraph(graph, query);
}

/** Builds the search index ahead of the first keystroke (on focus), so typing never pays for it. */
export function prepareModuleSearch(graph: ModuleGraph | undefined): void {
  if (graph) prepareSearch(graph);
}

/** A line under the matches: where a missing name went, that nothing matched, or that we are still looking. */
export interface SearchNote {
  kind: 'history' | 'no-match' | 'looking';
  text: string;
}

/**
 * The note for a query with no exact match. `current` is the built-in version on screen (undefined
 * for the user's files). Undefined when the query matched exactly or nothing was typed.
 */
export function searchNote(
  result: SearchResult,
  names: Pick<SearchSlice, 'moduleNames' | 'moduleNamesStatus'>,
  current: string | undefined,
): SearchNote | undefined {
  if (!result.normalised || result.exact) return undefined;
  const history = names.moduleNames ? nameHistory(result.normalised, names.moduleNames) : undefined;
  if (history) return { kind: 'history', text: describeNameHistory(history, current) };
  if (result.hits.length > 0) return undefined;
  if (!names.moduleNames && names.moduleNamesStatus !== 'failed') {
    return { kind: 'looking', text: 'Looking in the other Asterisk versions…' };
  }
  return { kind: 'no-match', text: 'no match' };
}

/** Whether the query asks for the names of the other versions (no exact match, none fetched yet). */
export function needsModuleNames(result: SearchResult, names: VersionModules[] | undefined): boolean {
  return result.normalised !== '' && !result.exact && names === undefined;
}
