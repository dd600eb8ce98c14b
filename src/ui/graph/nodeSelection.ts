import type { NodeData } from '../../graph/elements';
import { itemNodeId, libraryNodeId, moduleNodeId } from '../../graph/elements';
import type { Selection } from '../../store';

/** What clicking a node selects. */
export function selectionOfNode(data: NodeData): Selection {
  if (data.type === 'library') return { kind: 'library', name: data.name };
  if (data.type === 'item' && data.itemKind)
    return { kind: 'item', itemKind: data.itemKind, name: data.name };
  return { kind: 'module', name: data.name };
}

/** The node that shows a selection (it may not be drawn in the current view). */
export function nodeIdOfSelection(selection: Selection | undefined): string | undefined {
  if (!selection) return undefined;
  switch (selection.kind) {
    case 'module':
      return moduleNodeId(selection.name);
    case 'library':
      return libraryNodeId(selection.name);
    case 'item':
      return itemNodeId(selection.itemKind, selection.name);
  }
}
