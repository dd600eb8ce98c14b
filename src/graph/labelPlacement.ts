import { LABEL_FONT, labelHeight, labelWidth } from './labelMetrics';

/**
 * Which node labels to draw at the current zoom: the ones that matter first (selection, direct
 * neighbours of a focus, then hubs by degree), each only if its box overlaps no label already
 * placed and no other node. Greedy, in rendered (screen) coordinates, with a bucket grid for the
 * collision test so 500 candidates take well under 5 ms.
 */

export interface LabelCandidate {
  id: string;
  text: string;
  /** Rendered centre of the node. */
  x: number;
  y: number;
  /** Rendered half width / half height of the node body. */
  halfWidth: number;
  halfHeight: number;
  /** Drawn whatever it overlaps (the selection, the hovered node). */
  forced: boolean;
  /** Base font size of this label (group labels are bigger); default {@link LABEL_FONT}. */
  font?: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** Gap between a node and its label (the stylesheet's text-margin-y), in model units. */
export const LABEL_MARGIN = 3;
const CELL = 64;

/** Labels are never drawn smaller than this share of their size on screen. */
export const MIN_LABEL_SCALE = 0.9;

/**
 * Labels grow with the picture when zoomed in and never shrink below 90 % of their size on screen
 * when zoomed out (their model size grows instead). Layouts leave room for labels at model size,
 * so from zoom 0.9 up a laid-out focus has no overlapping labels by construction; below that the
 * placement drops the ones that would collide.
 */
export function labelFont(zoom: number, base: number = LABEL_FONT): { px: number; model: number } {
  const px = Math.max(base * MIN_LABEL_SCALE, base * zoom);
  return { px, model: px / zoom };
}

export function labelBox(c: LabelCandidate, fontPx: number, zoom: number): Box {
  const width = labelWidth(c.text, fontPx);
  const top = c.y + c.halfHeight + LABEL_MARGIN * zoom;
  return { x1: c.x - width / 2, y1: top, x2: c.x + width / 2, y2: top + labelHeight(fontPx) };
}

function intersects(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Boxes bucketed by grid cell; a box is listed in every cell it touches. */
class BoxGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly boxes: Box[] = [];
  private readonly owners: string[] = [];

  // Cells are keyed by a pair packed into one number (screen coordinates stay far below 2^15 cells).
  private static key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }

  collides(box: Box, owner: string): boolean {
    const cx2 = Math.floor(box.x2 / CELL);
    const cy2 = Math.floor(box.y2 / CELL);
    for (let cx = Math.floor(box.x1 / CELL); cx <= cx2; cx++) {
      for (let cy = Math.floor(box.y1 / CELL); cy <= cy2; cy++) {
        const list = this.cells.get(BoxGrid.key(cx, cy));
        if (!list) continue;
        for (const i of list) {
          const other = this.boxes[i];
          if (other && this.owners[i] !== owner && intersects(other, box)) return true;
        }
      }
    }
    return false;
  }

  add(box: Box, owner: string): void {
    const index = this.boxes.length;
    this.boxes.push(box);
    this.owners.push(owner);
    const cx2 = Math.floor(box.x2 / CELL);
    const cy2 = Math.floor(box.y2 / CELL);
    for (let cx = Math.floor(box.x1 / CELL); cx <= cx2; cx++) {
      for (let cy = Math.floor(box.y1 / CELL); cy <= cy2; cy++) {
        const key = BoxGrid.key(cx, cy);
        const list = this.cells.get(key);
        if (list) list.push(index);
        else this.cells.set(key, [index]);
      }
    }
  }
}

/**
 * Ids of the candidates whose label is drawn, in the order given (the caller sorts by
 * importance). Labels outside the viewport are skipped unless forced.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  viewport: Viewport,
  zoom: number,
  max = 400,
): string[] {
  const grid = new BoxGrid();
  const screen: Box = { x1: 0, y1: 0, x2: viewport.width, y2: viewport.height };
  for (const c of candidates) {
    if (!Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    const body: Box = {
      x1: c.x - c.halfWidth,
      y1: c.y - c.halfHeight,
      x2: c.x + c.halfWidth,
      y2: c.y + c.halfHeight,
    };
    if (intersects(body, screen)) grid.add(body, c.id);
  }
  const placed: string[] = [];
  for (const c of candidates) {
    if (!Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    const box = labelBox(c, labelFont(zoom, c.font).px, zoom);
    if (c.forced) {
      grid.add(box, c.id);
      placed.push(c.id);
      continue;
    }
    if (placed.length >= max || !intersects(box, screen) || grid.collides(box, c.id)) continue;
    grid.add(box, c.id);
    placed.push(c.id);
  }
  return placed;
}
