import { useExplorer } from '../../store';

/** Module names joined by arrows, each one a button that selects it without leaving the tab. */
export function ModuleChain({ modules, label }: { modules: readonly string[]; label: string }) {
  const select = useExplorer((s) => s.selectModuleInPlace);
  return (
    <ol className="explain-chain" aria-label={label}>
      {modules.map((m, i) => (
        <li key={`${i}:${m}`}>
          {i > 0 && (
            <span className="explain-arrow" aria-hidden="true">
              →
            </span>
          )}
          <button type="button" className="linklike" onClick={() => select(m)}>
            {m}
          </button>
        </li>
      ))}
    </ol>
  );
}
