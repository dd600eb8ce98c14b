/**
 * Which module provides an application, function, channel technology or switch type in a
 * dataset, and which one to plan when several do (app_voicemail and its _imap/_odbc variants
 * register the same applications and cannot load together: the plain one unless asked).
 */
import type { ModuleGraph, ProvidedItemKind } from '../../model';
import { CHANNEL_TECHNOLOGIES, CORE_PROVIDER, SWITCH_TYPES } from '../../model';

export type UsedKind = 'application' | 'function' | 'technology' | 'switch';

const indexes = new WeakMap<ModuleGraph, Map<string, string[]>>();

function itemIndex(graph: ModuleGraph): Map<string, string[]> {
  let index = indexes.get(graph);
  if (!index) {
    index = new Map();
    for (const item of graph.items) {
      if (item.kind !== 'application' && item.kind !== 'function') continue;
      const module = item.module;
      const info = graph.modules[module];
      if (module !== CORE_PROVIDER && info?.kind !== 'loadable' && info?.kind !== 'builtin') continue;
      const key = `${item.kind}:${item.name.toLowerCase()}`;
      const list = index.get(key) ?? [];
      if (!list.includes(module)) list.push(module);
      index.set(key, list);
    }
    indexes.set(graph, index);
  }
  return index;
}

/**
 * Every module that provides a used name (`core` for the Asterisk core and built-in modules),
 * compared case-insensitively as Asterisk does; empty when the dataset knows no provider.
 */
export function providersOf(graph: ModuleGraph, kind: UsedKind, name: string): string[] {
  const lower = name.toLowerCase();
  if (kind === 'technology' || kind === 'switch') {
    const module = (kind === 'technology' ? CHANNEL_TECHNOLOGIES : SWITCH_TYPES)[lower];
    if (module === undefined) return [];
    if (module === CORE_PROVIDER) return [CORE_PROVIDER];
    return graph.modules[module]?.kind === 'loadable' ? [module] : [];
  }
  const providers = itemIndex(graph).get(`${kind satisfies ProvidedItemKind}:${lower}`) ?? [];
  return providers.map((p) => (graph.modules[p]?.kind === 'builtin' ? CORE_PROVIDER : p));
}

/**
 * The provider to plan among several: one already in the plan, else one not deprecated, else
 * the plain one whose name the others extend (app_voicemail before app_voicemail_imap), else
 * the shortest name.
 */
export function chooseProvider(
  graph: ModuleGraph,
  providers: readonly string[],
  planned: ReadonlySet<string>,
): string | undefined {
  if (providers.includes(CORE_PROVIDER)) return CORE_PROVIDER;
  const inPlan = providers.find((p) => planned.has(p));
  if (inPlan) return inPlan;
  const current = providers.filter((p) => graph.modules[p]?.supportLevel !== 'deprecated');
  const pool = current.length > 0 ? current : [...providers];
  const plain = pool.find((p) => pool.every((q) => q === p || q.startsWith(p)));
  return plain ?? [...pool].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
}
