import { useExplorer } from '../../store';
import { DatasetSummary } from './DatasetSummary';
import { ItemInspector } from './ItemInspector';
import { LibraryInspector } from './LibraryInspector';
import { ModuleInspector } from './ModuleInspector';
import './inspector.css';

/** Facts about the selection, or about the dataset when nothing is selected. */
export function Inspector() {
  const graph = useExplorer((s) => s.graph);
  const selection = useExplorer((s) => s.selection);
  if (!graph) return <p className="inspector-empty dim">Loading…</p>;
  if (!selection) return <DatasetSummary graph={graph} />;
  switch (selection.kind) {
    case 'module':
      return <ModuleInspector graph={graph} name={selection.name} />;
    case 'library':
      return <LibraryInspector graph={graph} name={selection.name} />;
    case 'item':
      return <ItemInspector graph={graph} itemKind={selection.itemKind} name={selection.name} />;
  }
}
