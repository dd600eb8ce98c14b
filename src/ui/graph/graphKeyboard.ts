import { useCallback, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { GraphController } from '../../graph/graphController';
import type { NodeData } from '../../graph/elements';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the live region says about the keyboard-focused node: "app_dial — apps, 3 dependencies, 0 dependents". */
export function describeNode(controller: GraphController, id: string): string {
  const data = controller.nodeData(id);
  if (!data) return '';
  const { dependencies, dependents } = controller.neighbours(id);
  const counts = `${plural(dependencies.length, 'dependency', 'dependencies')}, ${plural(dependents.length, 'dependent', 'dependents')}`;
  switch (data.type) {
    case 'group':
      return `${data.label} — group of ${plural(data.count ?? 0, 'module', 'modules')}, ${counts}; Enter opens it`;
    case 'library':
      return `${data.label} — library, ${plural(dependents.length, 'module uses', 'modules use')} it`;
    case 'item':
      return `${data.label} — ${data.itemKind ?? 'item'}, provided by ${plural(dependencies.length, 'module', 'modules')}`;
    case 'ghost':
      return `${data.label} — removed in the newer version`;
    default:
      return `${data.label} — ${data.category ?? 'module'}, ${counts}`;
  }
}

interface Walk {
  /** The list the last up/down move chose from; left/right step through it. */
  list: string[];
  index: number;
}

/**
 * Keyboard access to the canvas (role=application): arrows walk the drawn edges — up to a
 * dependency, down to a dependent, left/right through the list the last move chose from —,
 * Home returns to the selected module, Enter selects (or opens a group), Escape clears the focus.
 */
export function useGraphKeyboard(
  controller: GraphController | undefined,
  activate: (data: NodeData) => void,
  clear: () => void,
): {
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
  onFocus(): void;
  onBlur(): void;
  announcement: string;
} {
  const [announcement, setAnnouncement] = useState('');
  const walk = useRef<Walk | undefined>(undefined);

  const moveTo = useCallback(
    (id: string | undefined) => {
      if (!controller || id === undefined) return;
      controller.setKeyboardFocus(id);
      setAnnouncement(describeNode(controller, id));
    },
    [controller],
  );

  const onFocus = useCallback(() => {
    if (!controller) return;
    const current = controller.keyboardFocus;
    walk.current = undefined;
    moveTo(
      current !== undefined && controller.visibleNodeIds().includes(current)
        ? current
        : controller.startNode(),
    );
  }, [controller, moveTo]);

  const onBlur = useCallback(() => {
    controller?.setKeyboardFocus(undefined);
  }, [controller]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (!controller) return;
      const current = controller.keyboardFocus ?? controller.startNode();
      if (current === undefined) return;
      const step = (list: string[]): void => {
        if (list.length === 0) {
          setAnnouncement(`${describeNode(controller, current)} — nothing that way`);
          return;
        }
        walk.current = { list, index: 0 };
        moveTo(list[0]);
      };
      switch (e.key) {
        case 'ArrowUp':
          step(controller.neighbours(current).dependencies);
          break;
        case 'ArrowDown':
          step(controller.neighbours(current).dependents);
          break;
        case 'ArrowLeft':
        case 'ArrowRight': {
          const w = walk.current;
          if (!w || w.list.length < 2) break;
          const delta = e.key === 'ArrowRight' ? 1 : -1;
          w.index = (w.index + delta + w.list.length) % w.list.length;
          moveTo(w.list[w.index]);
          break;
        }
        case 'Home':
          walk.current = undefined;
          moveTo(controller.startNode());
          break;
        case 'Enter':
        case ' ': {
          const data = controller.nodeData(current);
          if (data) activate(data);
          break;
        }
        case 'Escape':
          walk.current = undefined;
          clear();
          break;
        default:
          return;
      }
      e.preventDefault();
      e.stopPropagation();
    },
    [controller, moveTo, activate, clear],
  );

  return { onKeyDown, onFocus, onBlur, announcement };
}
