import type { ModuleGraph } from '../../model';
import { useExplorer } from '../../store';

/**
 * A sentence of an explanation with each module name in it a button that selects the module. Only
 * names with an underscore count: some entries are plain words ("file", "loader", "manager") that
 * a sentence uses in their ordinary sense.
 */
export function LinkedText({ graph, text }: { graph: ModuleGraph; text: string }) {
  const select = useExplorer((s) => s.selectModuleInPlace);
  // Split keeps the separators (odd indexes are the word-like runs).
  const parts = text.split(/([A-Za-z0-9_]+)/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 && part.includes('_') && Object.hasOwn(graph.modules, part) ? (
          <button key={i} type="button" className="linklike" onClick={() => select(part)}>
            {part}
          </button>
        ) : (
          part
        ),
      )}
    </>
  );
}
