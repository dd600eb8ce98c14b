import type { ModuleGraph, ProvidedItemKind } from '../../model';
import type { Selection } from '../../store';

export interface SearchEntry {
  label: string;
  /** Shown after the name: what kind of thing it is. */
  detail: string;
  selection: Selection;
}

const ITEM_DETAIL: Record<ProvidedItemKind, string> = {
  application: 'application',
  function: 'function',
  manager: 'AMI action',
  managerEvent: 'AMI event',
  agi: 'AGI command',
};

/** Everything a user may look for by name: modules first, then libraries, then provided items. */
export function searchEntries(graph: ModuleGraph | undefined): SearchEntry[] {
  if (!graph) return [];
  const entries: SearchEntry[] = [];
  for (const m of Object.values(graph.modules)) {
    entries.push({
      label: m.name,
      detail: m.kind === 'loadable' ? m.category : m.kind,
      selection: { kind: 'module', name: m.name },
    });
  }
  for (const lib of Object.values(graph.libraries)) {
    entries.push({ label: lib.name, detail: 'library', selection: { kind: 'library', name: lib.name } });
  }
  const seen = new Set<string>();
  for (const item of graph.items) {
    const key = `${item.kind}:${item.name.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({
      label: item.name,
      detail: ITEM_DETAIL[item.kind],
      selection: { kind: 'item', itemKind: item.kind, name: item.name },
    });
  }
  return entries;
}

/** Exact names first, then prefixes, then substrings; case-insensitive as Asterisk names are. */
export function findEntries(entries: readonly SearchEntry[], query: string, limit = 12): SearchEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: Array<{ entry: SearchEntry; rank: number }> = [];
  for (const entry of entries) {
    const name = entry.label.toLowerCase();
    const at = name.indexOf(q);
    if (at < 0) continue;
    const kindRank = entry.selection.kind === 'module' ? 0 : entry.selection.kind === 'library' ? 1 : 2;
    const rank = (name === q ? 0 : at === 0 ? 10 : 20) + kindRank;
    scored.push({ entry, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.entry.label.localeCompare(b.entry.label));
  return scored.slice(0, limit).map((s) => s.entry);
}
