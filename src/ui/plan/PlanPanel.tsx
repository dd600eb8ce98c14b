import { useExplorer } from '../../store';
import type { PlanTask } from '../../store';
import { SlimSection } from './SlimSection';
import { UpgradeSection } from './UpgradeSection';
import '../simulation/simulation.css';
import './plan.css';

const TASKS: Array<{ task: PlanTask; label: string; title: string }> = [
  {
    task: 'slim',
    label: 'Slim from dialplan',
    title: 'A minimal modules.conf with only what your dialplan and declared needs use',
  },
  { task: 'upgrade', label: 'Upgrade', title: 'Carry a modules.conf to another Asterisk version' },
];

/** The "Plan" tab: slim a modules.conf from the dialplan, or carry one to another version. */
export function PlanPanel() {
  const graph = useExplorer((s) => s.graph);
  const task = useExplorer((s) => s.planTask);
  const setTask = useExplorer((s) => s.setPlanTask);
  if (!graph) return <p className="inspector-empty dim">Loading…</p>;

  return (
    <section className="sim plan" aria-label="Plan">
      <div className="sim-section">
        <div className="segmented plan-tasks" role="radiogroup" aria-label="Plan task">
          {TASKS.map((t) => (
            <label key={t.task} className="segmented-option" title={t.title}>
              <input
                type="radio"
                name="plan-task"
                checked={task === t.task}
                onChange={() => setTask(t.task)}
              />
              <span>{t.label}</span>
            </label>
          ))}
        </div>
      </div>
      {task === 'slim' ? <SlimSection graph={graph} /> : <UpgradeSection graph={graph} />}
    </section>
  );
}
