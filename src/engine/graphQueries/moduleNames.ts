/**
 * Finding a module by the name a person typed: the loader compares names case-insensitively and
 * with or without `.so`, so the questions do too; an unknown name gets the nearest real one.
 */
import type { ModuleGraph } from '../../model';
import { moduleKey } from '../names';

const keyIndexes = new WeakMap<ModuleGraph, Map<string, string>>();

function keyIndex(graph: ModuleGraph): Map<string, string> {
  let index = keyIndexes.get(graph);
  if (!index) {
    index = new Map();
    // First spelling wins, so two entries differing only in case resolve the same way every time.
    for (const name of Object.keys(graph.modules)) {
      const key = moduleKey(name);
      if (!index.has(key)) index.set(key, name);
    }
    keyIndexes.set(graph, index);
  }
  return index;
}

/** The graph's spelling of a module name, or undefined when the graph has no such entry. */
export function resolveModule(graph: ModuleGraph, name: string): string | undefined {
  if (Object.hasOwn(graph.modules, name)) return name;
  return keyIndex(graph).get(moduleKey(name.trim()));
}

/** Edit distance, two rows at a time (names are short). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The loadable or built-in module whose name is nearest to an unknown one ("did you mean"), or
 * undefined when nothing is close enough to be a plausible typo.
 */
export function suggestModule(graph: ModuleGraph, name: string): string | undefined {
  const wanted = moduleKey(name.trim());
  let best: string | undefined;
  let bestScore = Infinity;
  for (const m of Object.values(graph.modules)) {
    if (m.kind !== 'loadable' && m.kind !== 'builtin') continue;
    const key = moduleKey(m.name);
    // A name that contains what was typed ("pjsip" -> chan_pjsip) is nearer than any typo.
    const score = key.includes(wanted) ? (key.length - wanted.length) / 100 : editDistance(wanted, key);
    if (score < bestScore || (score === bestScore && best !== undefined && m.name < best)) {
      best = m.name;
      bestScore = score;
    }
  }
  return bestScore <= Math.max(2, Math.ceil(wanted.length / 2)) ? best : undefined;
}
