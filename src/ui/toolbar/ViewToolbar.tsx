import { useId } from 'react';
import type { ViewMode } from '../../graph/elements';
import type { LayoutAlgorithm } from '../../graph/layoutInput';
import { LARGE_GRAPH_MODULES } from '../../graph/scene';
import { countModules, useExplorer } from '../../store';
import { MainViewSwitch } from '../table/MainViewSwitch';
import { FiltersMenu } from './FiltersMenu';
import { FocusBar } from './FocusBar';
import './toolbar.css';

const MODES: Array<{ mode: ViewMode; label: string; title: string }> = [
  { mode: 'modules', label: 'Modules', title: 'Modules and their dependencies' },
  {
    mode: 'providers',
    label: 'Providers',
    title: 'Applications, functions, AMI actions and AGI commands linked to the modules that provide them',
  },
];

/** View settings of the graph: which picture, which layout, grouping, filters; then the focus bar. */
export function ViewToolbar() {
  const layoutId = useId();
  const mode = useExplorer((s) => s.mode);
  const layout = useExplorer((s) => s.layout);
  const groupByCategory = useExplorer((s) => s.groupByCategory);
  const anyExpanded = useExplorer((s) => s.expandedGroups.length > 0 || s.isolatedExpanded);
  const large = useExplorer((s) => {
    const counts = countModules(s.graph);
    return counts.loadable + counts.builtin > LARGE_GRAPH_MODULES;
  });
  const comparing = useExplorer((s) => s.compareOverlay !== undefined);
  const setViewMode = useExplorer((s) => s.setViewMode);
  const setLayout = useExplorer((s) => s.setLayout);
  const setGroupByCategory = useExplorer((s) => s.setGroupByCategory);
  const collapseAllGroups = useExplorer((s) => s.collapseAllGroups);
  const moduleView = mode === 'modules';

  return (
    <div className="toolbars">
      <div className="toolbar" role="toolbar" aria-label="Graph view settings">
        <MainViewSwitch />
        <div className="segmented" role="radiogroup" aria-label="View">
          {MODES.map((m) => (
            <label key={m.mode} className="segmented-option" title={m.title}>
              <input
                type="radio"
                name="view-mode"
                checked={mode === m.mode}
                onChange={() => setViewMode(m.mode)}
              />
              <span>{m.label}</span>
            </label>
          ))}
        </div>
        <div className="toolbar-field">
          <label htmlFor={layoutId}>Layout</label>
          <select
            id={layoutId}
            className="select"
            value={layout}
            title="Layered: dependencies above their dependents. Force-directed: related modules pulled together."
            onChange={(e) => setLayout(e.target.value as LayoutAlgorithm)}
          >
            <option value="layered">Layered</option>
            <option value="force">Force-directed</option>
          </select>
        </div>
        <label
          className="toolbar-check"
          title={
            large
              ? `More than ${LARGE_GRAPH_MODULES.toLocaleString('en-US')} modules are always drawn grouped`
              : comparing
                ? 'A comparison is drawn on the whole graph, ungrouped'
                : 'The whole graph as one node per category; click a category to open it'
          }
        >
          <input
            type="checkbox"
            checked={(groupByCategory && !comparing) || large}
            disabled={!moduleView || large || comparing}
            onChange={(e) => setGroupByCategory(e.target.checked)}
          />
          Group by category
        </label>
        {moduleView && (groupByCategory || large) && !comparing && anyExpanded && (
          <button type="button" className="btn btn-small" disabled={!anyExpanded} onClick={collapseAllGroups}>
            Collapse all
          </button>
        )}
        <FiltersMenu />
      </div>
      <FocusBar />
    </div>
  );
}
