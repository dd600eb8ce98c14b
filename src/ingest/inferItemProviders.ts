import { CORE_PROVIDER, type ModuleGraph, type ProvidedItem } from '../model';

/**
 * Before Asterisk 20 the xmldoc did not say which module provides an application or function, and
 * parseXmldoc guesses the last `<module>` above it (the file is written one source file at a time).
 * That guess fails for source files without MODULEINFO (res_pjsip's helpers, app_voicemail in 18,
 * most of main/), so where a reference dataset with explicit `module` attributes names providers for
 * the same item, and those providers exist in this graph, they replace the guess (still marked
 * `inferred`). `references` are tried in order, closest version first.
 */
export function inferItemProviders(
  graph: ModuleGraph,
  references: readonly ModuleGraph[],
): { graph: ModuleGraph; changed: number } {
  const isProvider = (name: string): boolean =>
    name === CORE_PROVIDER ||
    graph.modules[name]?.kind === 'loadable' ||
    graph.modules[name]?.kind === 'builtin';
  const explicit = references.map((ref) => {
    const byItem = new Map<string, string[]>();
    for (const item of ref.items) {
      if (item.source?.kind === 'inferred') continue;
      const key = `${item.kind}\u0000${item.name.toLowerCase()}`;
      const list = byItem.get(key);
      if (list) {
        if (!list.includes(item.module)) list.push(item.module);
      } else byItem.set(key, [item.module]);
    }
    return byItem;
  });
  let changed = 0;
  const items: ProvidedItem[] = [];
  const seen = new Set<string>();
  const push = (item: ProvidedItem): void => {
    const key = `${item.kind}\u0000${item.name}\u0000${item.module}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  for (const item of graph.items) {
    if (item.source?.kind !== 'inferred') {
      push(item);
      continue;
    }
    const key = `${item.kind}\u0000${item.name.toLowerCase()}`;
    let providers: string[] | undefined;
    for (const byItem of explicit) {
      const found = byItem.get(key)?.filter(isProvider);
      if (found && found.length > 0) {
        providers = found;
        break;
      }
    }
    if (!providers || (providers.length === 1 && providers[0] === item.module)) {
      push(item);
      continue;
    }
    changed++;
    for (const module of providers) push({ ...item, module });
  }
  return { graph: { ...graph, items }, changed };
}
