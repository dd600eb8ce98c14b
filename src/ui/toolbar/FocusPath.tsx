import { selectFocusCenter, selectFocusTrail, useExplorer } from '../../store';

/**
 * The breadcrumb of focus steps, drawn over the top of the canvas: each step is a button that goes
 * back to it (the steps after it are dropped); the last one is the current focus.
 */
export function FocusPath() {
  const center = useExplorer(selectFocusCenter);
  const trail = useExplorer(selectFocusTrail);
  const focusStep = useExplorer((s) => s.focusStep);
  if (center === undefined) return null;
  // The selection can change without a focus step (a version switch keeps it): the path ends at the focus.
  const steps = trail.at(-1) === center ? trail : [...trail, center];
  return (
    <nav className="focus-path" aria-label="Focus path">
      <ol>
        {steps.map((name, i) => (
          <li key={`${i}:${name}`}>
            <button
              type="button"
              className="focus-step"
              aria-current={i === steps.length - 1 ? 'step' : undefined}
              onClick={() => focusStep(i)}
            >
              {name}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
