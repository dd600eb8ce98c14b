import { edgesFrom, edgesTo, EDGE_KINDS, PROVIDED_ITEM_KINDS } from '../../model';
import type {
  DependencyEdge,
  EdgeKind,
  ModuleGraph,
  ModuleInfo,
  ProvidedItem,
  ProvidedItemKind,
  SourceRef,
} from '../../model';
import { formatProblemLocation } from '../../model';

export interface EdgeGroup {
  kind: EdgeKind;
  edges: DependencyEdge[];
}

/** Edges grouped by kind in the model's order (depends, requires, optional, ...), names sorted. */
export function groupEdges(edges: readonly DependencyEdge[], by: 'to' | 'from'): EdgeGroup[] {
  return EDGE_KINDS.map((kind) => ({
    kind,
    edges: edges.filter((e) => e.kind === kind).sort((a, b) => a[by].localeCompare(b[by])),
  })).filter((g) => g.edges.length > 0);
}

export function dependencyGroups(graph: ModuleGraph, name: string): EdgeGroup[] {
  return groupEdges(
    edgesFrom(graph, name).filter((e) => e.to !== name),
    'to',
  );
}

export function dependentGroups(graph: ModuleGraph, name: string): EdgeGroup[] {
  return groupEdges(
    edgesTo(graph, name).filter((e) => e.from !== name),
    'from',
  );
}

export interface ItemGroup {
  kind: ProvidedItemKind;
  names: string[];
}

/** What a module registers, by kind, each name once (case-insensitively), sorted. */
export function providedBy(items: readonly ProvidedItem[], module: string): ItemGroup[] {
  return PROVIDED_ITEM_KINDS.map((kind) => {
    const names = new Map<string, string>();
    for (const item of items) {
      if (item.module === module && item.kind === kind && !names.has(item.name.toLowerCase())) {
        names.set(item.name.toLowerCase(), item.name);
      }
    }
    return { kind, names: [...names.values()].sort((a, b) => a.localeCompare(b)) };
  }).filter((g) => g.names.length > 0);
}

/** Short form for the inspector: the file's base name and line (`runtime.json:5016`). */
export function describeSource(ref: SourceRef): string {
  const base = ref.file.split('/').pop() ?? ref.file;
  return ref.line === undefined ? base : `${base}:${ref.line}`;
}

/** Long form for tooltips: kind, full path, line and column. */
export function describeSourceFully(ref: SourceRef): string {
  return `${ref.kind}: ${formatProblemLocation(ref) || ref.file}`;
}

/** Load priority as the loader's comparator sees it (main/loader.c: module_vector_cmp). */
export function describeLoadPriority(module: ModuleInfo): string {
  if (module.loadPriority === undefined) return 'unknown';
  return module.loadPriority === 128 && !module.flags.includes('AST_MODFLAG_LOAD_ORDER')
    ? '128 (default: no AST_MODFLAG_LOAD_ORDER)'
    : String(module.loadPriority);
}

export function describeDefaultEnabled(module: ModuleInfo): string {
  if (module.defaultEnabled === undefined) return 'not stated (menuselect builds it)';
  return module.defaultEnabled ? 'yes' : 'no';
}

export const KIND_LABELS: Record<ModuleInfo['kind'], string> = {
  loadable: 'Loadable module (.so)',
  builtin: 'Built into the core (always loaded)',
  'non-loadable': 'Not a loadable module (helper or core source file)',
  'build-option': 'Build option or downloadable binary',
};

export const EDGE_GROUP_LABELS: Record<EdgeKind, { out: string; in: string }> = {
  depends: { out: 'Depends on (MODULEINFO)', in: 'Depended on by (MODULEINFO)' },
  requires: { out: 'Requires (loader)', in: 'Required by (loader)' },
  optional: { out: 'Uses if present', in: 'Optionally used by' },
  enhances: { out: 'Enhances', in: 'Enhanced by' },
  conflicts: { out: 'Conflicts with', in: 'Conflicted by' },
  'uses-library': { out: 'Libraries', in: 'Used by' },
  links: { out: 'Links against', in: 'Linked against by' },
};

export const ITEM_GROUP_LABELS: Record<ProvidedItemKind, string> = {
  application: 'Applications',
  function: 'Functions',
  manager: 'Manager actions',
  managerEvent: 'Manager events',
  agi: 'AGI commands',
};
