import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { allProblems, useExplorer } from '../../store';
import type { SidePanelTab } from '../../store';
import { Inspector } from '../inspector/Inspector';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { countedProblems } from '../problems/problemGroups';
import { SimulationPanel } from '../simulation/SimulationPanel';
import { ExplainPanel } from '../explain/ExplainPanel';
import { ComparePanel } from '../compare/ComparePanel';
import { PlanPanel } from '../plan/PlanPanel';
import { ServerPanel } from '../server/ServerPanel';
import './sidePanel.css';

interface TabSpec {
  id: SidePanelTab;
  label: ReactNode;
  /** Accessible name; includes the count so "Problems (3 errors and warnings; …)" reads as one name. */
  name: string;
  render: () => ReactNode;
}

/** Tabs beside the graph. Features add a tab here (the loader simulation will). */
export function SidePanel() {
  const baseId = useId();
  const tab = useExplorer((s) => s.sidePanelTab);
  const setTab = useExplorer((s) => s.setSidePanelTab);
  // Informational notes (non-loadable entries, borrowed facts) are listed but not counted as problems.
  const problemCount = useExplorer((s) => countedProblems(allProblems(s)));
  const hasErrors = useExplorer((s) => allProblems(s).some((p) => p.severity === 'error'));
  const strip = useRef<HTMLDivElement>(null);
  // The strip scrolls when the tabs are wider than the panel; a tab opened from elsewhere (the
  // inspector's Impact links) must not stay out of sight.
  useEffect(() => {
    strip.current
      ?.querySelector('[aria-selected="true"]')
      ?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [tab]);

  const tabs: TabSpec[] = [
    { id: 'inspector', label: 'Inspector', name: 'Inspector', render: () => <Inspector /> },
    {
      id: 'problems',
      label: (
        <>
          Problems <span className={`tab-count ${hasErrors ? 'tab-count-error' : ''}`}>{problemCount}</span>
        </>
      ),
      name: `Problems (${problemCount} ${problemCount === 1 ? 'error or warning' : 'errors and warnings'}; notes not counted)`,
      render: () => <ProblemsPanel />,
    },
    { id: 'simulate', label: 'Simulate', name: 'Simulate', render: () => <SimulationPanel /> },
    { id: 'explain', label: 'Explain', name: 'Explain', render: () => <ExplainPanel /> },
    { id: 'compare', label: 'Compare', name: 'Compare', render: () => <ComparePanel /> },
    { id: 'plan', label: 'Plan', name: 'Plan', render: () => <PlanPanel /> },
    { id: 'server', label: 'Server', name: 'Server', render: () => <ServerPanel /> },
  ];
  const active = tabs.find((t) => t.id === tab) ?? tabs[0];

  return (
    <aside className="side-panel" aria-label="Details">
      <div className="tabs" role="tablist" aria-label="Details" ref={strip}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${baseId}-tab-${t.id}`}
            aria-label={t.name}
            aria-selected={t.id === active?.id}
            aria-controls={`${baseId}-panel-${t.id}`}
            tabIndex={t.id === active?.id ? 0 : -1}
            className="tab"
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const i = tabs.findIndex((x) => x.id === t.id);
              const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
              if (next) setTab(next.id);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {active && (
        <div
          className="tab-panel"
          role="tabpanel"
          id={`${baseId}-panel-${active.id}`}
          aria-labelledby={`${baseId}-tab-${active.id}`}
        >
          {active.render()}
        </div>
      )}
    </aside>
  );
}
