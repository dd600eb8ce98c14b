import { useId } from 'react';
import type { KeyboardEvent } from 'react';
import { selectFocusCenter, useExplorer } from '../../store';
import { ShownCounts } from './ShownCounts';
import type { FocusMode, OutsideFocus } from '../../store';

const FOCUS_MODES: Array<{ mode: FocusMode; label: string; title: string }> = [
  { mode: 'dependencies', label: 'Dependencies', title: 'Everything the module needs, directly or not' },
  { mode: 'dependents', label: 'Dependents', title: 'Everything that needs the module, directly or not' },
  { mode: 'both', label: 'Both', title: 'What it needs and what needs it' },
  { mode: 'hops', label: 'Hops', title: 'Every module within N steps, either way' },
];

/**
 * How the selected module's neighbourhood is shown: mode, hops, what happens to the rest, and
 * the way back (Back, the breadcrumb of focus steps, Clear focus; Escape clears too).
 */
export function FocusBar() {
  const hopsId = useId();
  const outsideId = useId();
  const focusMode = useExplorer((s) => s.focusMode);
  const focusHops = useExplorer((s) => s.focusHops);
  const outsideFocus = useExplorer((s) => s.outsideFocus);
  const center = useExplorer(selectFocusCenter);
  const modulesView = useExplorer((s) => s.mode === 'modules');
  const setFocusMode = useExplorer((s) => s.setFocusMode);
  const setFocusHops = useExplorer((s) => s.setFocusHops);
  const setOutsideFocus = useExplorer((s) => s.setOutsideFocus);
  const focusBack = useExplorer((s) => s.focusBack);
  const clearFocus = useExplorer((s) => s.clearFocus);
  const focused = center !== undefined;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape' && focused) {
      e.preventDefault();
      clearFocus();
    }
  };

  return (
    <div className="toolbar toolbar-focus" role="toolbar" aria-label="Focus" onKeyDown={onKeyDown}>
      <div className="segmented" role="radiogroup" aria-label="Focus mode">
        {FOCUS_MODES.map((m) => (
          <label key={m.mode} className="segmented-option" title={m.title}>
            <input
              type="radio"
              name="focus-mode"
              checked={focusMode === m.mode}
              disabled={!modulesView}
              onChange={() => setFocusMode(m.mode)}
            />
            <span>{m.label}</span>
          </label>
        ))}
      </div>
      <div className="toolbar-field toolbar-hops">
        <label htmlFor={hopsId} className="visually-hidden">
          Hops
        </label>
        <input
          id={hopsId}
          className="input input-number"
          type="number"
          min={1}
          max={5}
          step={1}
          value={focusHops}
          disabled={focusMode !== 'hops' || !modulesView}
          title="Steps from the selected module, either way (Hops mode)"
          onChange={(e) => setFocusHops(Number(e.target.value))}
        />
      </div>
      <div className="toolbar-field">
        <label htmlFor={outsideId}>Outside focus</label>
        <select
          id={outsideId}
          className="select"
          value={outsideFocus}
          disabled={!modulesView}
          onChange={(e) => setOutsideFocus(e.target.value as OutsideFocus)}
        >
          <option value="hide">Hide</option>
          <option value="dim">Dim</option>
        </select>
      </div>
      <button
        type="button"
        className="btn btn-small"
        disabled={!focused}
        onClick={focusBack}
        title="The previous focus step"
      >
        Back
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={!focused}
        onClick={clearFocus}
        title="The whole graph (Escape)"
      >
        Clear focus
      </button>
      {!focused && (
        <p className="focus-hint">
          {modulesView ? 'Select a module to see its neighbourhood' : 'Focus works in the module view'}
        </p>
      )}
      <ShownCounts />
    </div>
  );
}
