import { useExplorer } from '../../store';
import { selectBuiltinModuleCount, selectLoadableModuleCount } from '../../store';

/** Loadable modules (`.so` files) of the graph on screen, with the built-in ones counted apart. */
export function ModuleCount() {
  const hasGraph = useExplorer((s) => s.graph !== undefined);
  const loadable = useExplorer(selectLoadableModuleCount);
  const builtin = useExplorer(selectBuiltinModuleCount);
  const loading = useExplorer((s) => s.loading);
  return (
    <div className="header-count" aria-live="polite">
      {hasGraph ? (
        <>
          <strong data-testid="module-count">{loadable} modules</strong>
          {builtin > 0 && <span className="dim">+ {builtin} built-in</span>}
        </>
      ) : (
        <span className="dim">No graph yet</span>
      )}
      {loading?.kind === 'builtin' && <span className="dim">· loading {loading.version}…</span>}
    </div>
  );
}
