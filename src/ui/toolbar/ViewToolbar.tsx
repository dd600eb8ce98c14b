import { useId } from 'react';
import type { ViewMode } from '../../graph/elements';
import type { LayoutAlgorithm } from '../../graph/layoutInput';
import { useExplorer } from '../../store';
import { MainViewSwitch } from '../table/MainViewSwitch';
import './toolbar.css';

const MODES: Array<{ mode: ViewMode; label: string; title: string }> = [
  { mode: 'modules', label: 'Modules', title: 'Modules and their dependencies' },
  {
    mode: 'providers',
    label: 'Providers',
    title: 'Applications, functions, AMI actions and AGI commands linked to the modules that provide them',
  },
];

/** View settings of the graph: which picture, which layout, which kinds of nodes. */
export function ViewToolbar() {
  const layoutId = useId();
  const mode = useExplorer((s) => s.mode);
  const layout = useExplorer((s) => s.layout);
  const showLibraries = useExplorer((s) => s.showLibraries);
  const showNonLoadable = useExplorer((s) => s.showNonLoadable);
  const setViewMode = useExplorer((s) => s.setViewMode);
  const setLayout = useExplorer((s) => s.setLayout);
  const setShowLibraries = useExplorer((s) => s.setShowLibraries);
  const setShowNonLoadable = useExplorer((s) => s.setShowNonLoadable);
  const moduleView = mode === 'modules';

  return (
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
          onChange={(e) => setLayout(e.target.value as LayoutAlgorithm)}
        >
          <option value="layered">Layered (dependencies above)</option>
          <option value="force">Force-directed</option>
        </select>
      </div>
      <label className="toolbar-check" title={moduleView ? undefined : 'Only in the module view'}>
        <input
          type="checkbox"
          checked={showLibraries}
          disabled={!moduleView}
          onChange={(e) => setShowLibraries(e.target.checked)}
        />
        Show libraries
      </label>
      <label
        className="toolbar-check"
        title="Helper and core source files with a MODULEINFO block, build options"
      >
        <input
          type="checkbox"
          checked={showNonLoadable}
          disabled={!moduleView}
          onChange={(e) => setShowNonLoadable(e.target.checked)}
        />
        Show non-loadable entries
      </label>
    </div>
  );
}
