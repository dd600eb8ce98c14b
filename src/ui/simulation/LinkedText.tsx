import type { ReactNode } from 'react';
import type { ModuleGraph } from '../../model';
import { useExplorer } from '../../store';

/**
 * Module names inside an explanation become links that select the module (graph and inspector).
 * `self`, the module being explained, stays plain text.
 */
export function LinkedText({ text, graph, self }: { text: string; graph: ModuleGraph; self?: string }) {
  const inspect = useExplorer((s) => s.inspectModule);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)) {
    const word = m[0];
    if (word === self || !graph.modules[word] || !word.includes('_')) continue;
    parts.push(text.slice(last, m.index));
    parts.push(
      <button key={m.index} type="button" className="linklike" onClick={() => inspect(word)}>
        {word}
      </button>,
    );
    last = m.index + word.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
