import { useEffect, useRef } from 'react';
import { MODULE_FAULTS } from '../../model';
import { useExplorer } from '../../store';
import { FAULT_LABELS } from './describeEvent';
import './simulation.css';

export interface FaultMenuTarget {
  module: string;
  /** Where to open, relative to the graph section. */
  x: number;
  y: number;
}

/** The context menu of a module node: inject a fault or clear it. Arrow keys move, Escape closes. */
export function FaultMenu({ target, onClose }: { target: FaultMenuTarget; onClose: () => void }) {
  const menu = useRef<HTMLDivElement>(null);
  const current = useExplorer((s) => s.faults[target.module]);
  const setFault = useExplorer((s) => s.setFault);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitemradio"], [role="menuitem"]')?.focus();
    const away = (e: PointerEvent): void => {
      if (menu.current && !menu.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [target, onClose]);

  const choose = (fault: (typeof MODULE_FAULTS)[number] | undefined): void => {
    setFault(target.module, fault);
    onClose();
  };

  return (
    <div
      ref={menu}
      className="fault-menu"
      role="menu"
      aria-label={`Fault for ${target.module}`}
      style={{ left: target.x, top: target.y }}
      onKeyDown={(e) => {
        const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const i = items.indexOf(document.activeElement as HTMLButtonElement);
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const next = items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
          next?.focus();
        }
      }}
    >
      <div className="fault-menu-title mono">{target.module}</div>
      {MODULE_FAULTS.map((f) => (
        <button
          key={f}
          type="button"
          role="menuitemradio"
          aria-checked={current === f}
          className="fault-menu-item"
          onClick={() => choose(f)}
        >
          {FAULT_LABELS[f]}
        </button>
      ))}
      <button
        type="button"
        role="menuitem"
        className="fault-menu-item"
        disabled={current === undefined}
        onClick={() => choose(undefined)}
      >
        Clear fault
      </button>
    </div>
  );
}
