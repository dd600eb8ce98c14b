import type { LayoutNode, Point, Positions } from './layoutInput';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Grid cell: wide enough for a typical module name under its node at readable zoom. */
export const GRID_CELL = { width: 130, height: 44 } as const;
const GAP = 120;
/** Screen-like aspect the whole picture should approach (the app is used at about 1400x900). */
const TARGET_ASPECT = 1.6;

export function boundingBox(positions: Positions, ids: Iterable<string>): Box | undefined {
  let box: Box | undefined;
  for (const id of ids) {
    const p = positions[id];
    if (!p) continue;
    if (!box) box = { x1: p.x, y1: p.y, x2: p.x, y2: p.y };
    else {
      box.x1 = Math.min(box.x1, p.x);
      box.y1 = Math.min(box.y1, p.y);
      box.x2 = Math.max(box.x2, p.x);
      box.y2 = Math.max(box.y2, p.y);
    }
  }
  return box;
}

function gridPositions(nodes: readonly LayoutNode[], columns: number, origin: Point): Positions {
  const out: Positions = {};
  nodes.forEach((n, i) => {
    out[n.id] = {
      x: origin.x + (i % columns) * GRID_CELL.width,
      y: origin.y + Math.floor(i / columns) * GRID_CELL.height,
    };
  });
  return out;
}

/** Columns that make a grid of `n` cells about as wide as a screen is. */
function balancedColumns(n: number): number {
  return Math.max(1, Math.ceil(Math.sqrt((n * TARGET_ASPECT * GRID_CELL.height) / GRID_CELL.width)));
}

function aspectScore(width: number, height: number): number {
  return Math.abs(Math.log(Math.max(width, 1) / Math.max(height, 1) / TARGET_ASPECT));
}

/**
 * Places nodes that have no drawn edges in a grid beside the laid-out part (right of it or under
 * it, whichever keeps the whole picture closer to a screen's shape), sorted by group then id, so
 * hundreds of unconnected modules do not swamp the structure.
 */
export function packIsolated(isolated: readonly LayoutNode[], placed: Positions): Positions {
  if (isolated.length === 0) return {};
  const sorted = [...isolated].sort((a, b) =>
    a.group === b.group ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.group < b.group ? -1 : 1,
  );
  const box = boundingBox(placed, Object.keys(placed));
  if (!box) {
    return gridPositions(sorted, balancedColumns(sorted.length), { x: 0, y: 0 });
  }
  const width = box.x2 - box.x1;
  const height = box.y2 - box.y1;
  const n = sorted.length;
  const balanced = balancedColumns(n);
  const fitBeside = Math.ceil(n / Math.max(1, Math.floor(height / GRID_CELL.height) + 1));
  const fitBelow = Math.max(1, Math.floor(width / GRID_CELL.width) + 1);

  interface Candidate {
    columns: number;
    origin: Point;
    score: number;
  }
  const candidates: Candidate[] = [];
  for (const columns of new Set([fitBeside, balanced])) {
    const gridH = Math.ceil(n / columns) * GRID_CELL.height;
    candidates.push({
      columns,
      origin: { x: box.x2 + GAP, y: box.y1 },
      score: aspectScore(width + GAP + columns * GRID_CELL.width, Math.max(height, gridH)),
    });
  }
  for (const columns of new Set([fitBelow, balanced])) {
    const gridH = Math.ceil(n / columns) * GRID_CELL.height;
    candidates.push({
      columns,
      origin: { x: box.x1, y: box.y2 + GAP },
      score: aspectScore(Math.max(width, columns * GRID_CELL.width), height + GAP + gridH),
    });
  }
  const best = candidates.reduce((a, b) => (b.score < a.score ? b : a));
  return gridPositions(sorted, best.columns, best.origin);
}
