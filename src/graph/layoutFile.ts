import type { ElementView } from './elements';
import type { LayoutAlgorithm, Positions } from './layoutInput';

/**
 * public/datasets/<version>.layout.json, written by scripts/build-layouts.ts: node positions
 * computed ahead of time so the first graph of a built-in dataset is drawn with cytoscape's
 * `preset` layout instead of running ELK in the page.
 */
export interface PrecomputedLayout {
  format: 'asterisk-module-explorer-layout';
  formatVersion: 1;
  /** Dataset version the positions belong to. */
  version: string;
  /** Human-readable origin: which script and which dataset file. */
  generatedBy: string;
  /** Positions by {@link layoutKey}. */
  layouts: Record<string, Positions>;
}

/** Identifies one arrangement: the algorithm plus every view setting that changes the set of nodes. */
export function layoutKey(view: ElementView, algorithm: LayoutAlgorithm): string {
  if (view.mode === 'providers') return `${algorithm}/providers`;
  return `${algorithm}/modules/libraries=${view.showLibraries ? 'on' : 'off'}/non-loadable=${view.showNonLoadable ? 'on' : 'off'}`;
}

function isPoint(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.x === 'number' && typeof p.y === 'number';
}

/** Accepts parsed JSON only when it has the expected shape; a stale or foreign file is ignored. */
export function readPrecomputedLayout(json: unknown, expectedVersion: string): PrecomputedLayout | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const doc = json as Record<string, unknown>;
  if (doc.format !== 'asterisk-module-explorer-layout' || doc.formatVersion !== 1) return undefined;
  if (doc.version !== expectedVersion || typeof doc.layouts !== 'object' || doc.layouts === null)
    return undefined;
  const layouts: Record<string, Positions> = {};
  for (const [key, positions] of Object.entries(doc.layouts as Record<string, unknown>)) {
    if (typeof positions !== 'object' || positions === null) continue;
    const entries = Object.entries(positions as Record<string, unknown>);
    if (!entries.every(([, p]) => isPoint(p))) continue;
    layouts[key] = positions as Positions;
  }
  return {
    format: 'asterisk-module-explorer-layout',
    formatVersion: 1,
    version: expectedVersion,
    generatedBy: typeof doc.generatedBy === 'string' ? doc.generatedBy : '',
    layouts,
  };
}
