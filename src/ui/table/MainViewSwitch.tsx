import type { MainView } from '../../store';
import { useExplorer } from '../../store';

const VIEWS: Array<{ view: MainView; label: string; title: string }> = [
  { view: 'graph', label: 'Graph', title: 'The module graph' },
  { view: 'table', label: 'Table', title: 'Every module in a sortable table, with its dependency counts' },
];

/** Graph | Table: what fills the main area. Both show the same selection. */
export function MainViewSwitch() {
  const mainView = useExplorer((s) => s.mainView);
  const setMainView = useExplorer((s) => s.setMainView);
  return (
    <div className="segmented" role="radiogroup" aria-label="Main view">
      {VIEWS.map((v) => (
        <label key={v.view} className="segmented-option" title={v.title}>
          <input type="radio" name="main-view" checked={mainView === v.view} onChange={() => setMainView(v.view)} />
          <span>{v.label}</span>
        </label>
      ))}
    </div>
  );
}
