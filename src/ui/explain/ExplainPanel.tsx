import { useId, useMemo, useState } from 'react';
import { moduleNameSuggestions, useExplorer } from '../../store';
import { CyclesSection } from './CyclesSection';
import { ExplainSection } from './ExplainSection';
import { ImpactSection } from './ImpactSection';
import { ModuleNameList } from './ModuleNameInput';
import { PathFinder } from './PathFinder';
import './explain.css';

type SectionName = 'paths' | 'impact' | 'cycles';

/** The "Explain" tab: path finder, impact and cycles of the graph on screen, answered by the worker. */
export function ExplainPanel() {
  const suggestions = useId();
  const graph = useExplorer((s) => s.graph);
  const names = useMemo(() => moduleNameSuggestions(graph), [graph]);
  const [open, setOpen] = useState<Record<SectionName, boolean>>({ paths: true, impact: true, cycles: true });
  const toggle = (name: SectionName) => () => setOpen((o) => ({ ...o, [name]: !o[name] }));

  if (!graph) return <p className="inspector-empty dim">Loading…</p>;
  return (
    <div className="explain" role="region" aria-label="Explain">
      <ModuleNameList id={suggestions} names={names} />
      <ExplainSection title="Path finder" open={open.paths} onToggle={toggle('paths')}>
        <PathFinder suggestions={suggestions} />
      </ExplainSection>
      <ExplainSection title="Impact" open={open.impact} onToggle={toggle('impact')}>
        <ImpactSection suggestions={suggestions} />
      </ExplainSection>
      <ExplainSection title="Cycles" open={open.cycles} onToggle={toggle('cycles')}>
        <CyclesSection />
      </ExplainSection>
    </div>
  );
}
