import type { LayoutInput, LayoutNode, Positions } from './layoutInput';

const NODE_GAP = 64;
const ROW_GAP = 84;
const SWEEPS = 6;

/**
 * A layered picture of a handful of nodes (the category groups of the first screen) computed on
 * the main thread in well under a millisecond, so the first graph never waits for the layout
 * worker to start. Dependencies above their dependents as in the full layered layout; cycles
 * between categories (res <-> channels) are broken by the greedy feedback-arc heuristic of
 * Eades, Lin and Smyth; rows are ordered by barycentre sweeps. Meant for tens of nodes, not hundreds.
 */
export function smallLayeredPositions(input: LayoutInput): Positions {
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const count = input.nodes.length;
  const out: number[][] = Array.from({ length: count }, () => []);
  const inc: number[][] = Array.from({ length: count }, () => []);
  for (const e of input.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    if (!out[a]?.includes(b)) {
      out[a]?.push(b);
      inc[b]?.push(a);
    }
  }
  const connected: number[] = [];
  const isolated: number[] = [];
  for (let i = 0; i < count; i++) {
    if ((out[i]?.length ?? 0) + (inc[i]?.length ?? 0) === 0) isolated.push(i);
    else connected.push(i);
  }

  const order = feedbackArcOrder(connected, out, inc);
  const rank = new Map(order.map((n, i) => [n, i]));
  // Keep u -> v (u needs v) when u comes first in the order; the others are drawn against the grain.
  const needs: number[][] = Array.from({ length: count }, () => []);
  for (const u of connected) {
    for (const v of out[u] ?? []) {
      if ((rank.get(u) ?? 0) < (rank.get(v) ?? 0)) needs[u]?.push(v);
      else needs[v]?.push(u);
    }
  }
  // Longest path from what needs nothing: row 0 holds what everything builds on.
  const layer = new Map<number, number>();
  for (const n of [...order].reverse()) {
    let row = 0;
    for (const v of needs[n] ?? []) row = Math.max(row, (layer.get(v) ?? 0) + 1);
    layer.set(n, row);
  }
  const rows: number[][] = [];
  for (const n of order) {
    const row = layer.get(n) ?? 0;
    (rows[row] ??= []).push(n);
  }
  for (const row of rows) row.sort((a, b) => compareIds(input.nodes[a], input.nodes[b]));

  const neighbours = (n: number): number[] => [...(out[n] ?? []), ...(inc[n] ?? [])];
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    const sequence = down ? rows.map((_, i) => i) : rows.map((_, i) => rows.length - 1 - i);
    for (const r of sequence) {
      const row = rows[r];
      if (!row) continue;
      const place = new Map<number, number>();
      rows.forEach((other, ri) => {
        if (ri !== r) other.forEach((n, i) => place.set(n, i / Math.max(1, other.length - 1)));
      });
      const centre = (n: number): number => {
        const xs = neighbours(n)
          .map((m) => place.get(m))
          .filter((x): x is number => x !== undefined);
        return xs.length === 0
          ? row.indexOf(n) / Math.max(1, row.length - 1)
          : xs.reduce((a, b) => a + b) / xs.length;
      };
      const keys = new Map(row.map((n) => [n, centre(n)]));
      row.sort(
        (a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0) || compareIds(input.nodes[a], input.nodes[b]),
      );
    }
  }

  const positions: Positions = {};
  let y = 0;
  const placeRow = (row: readonly number[]): void => {
    const nodes = row.map((n) => input.nodes[n]).filter((n): n is LayoutNode => n !== undefined);
    const height = Math.max(...nodes.map((n) => n.height));
    const width = nodes.reduce((sum, n) => sum + n.width, 0) + NODE_GAP * (nodes.length - 1);
    let x = -width / 2;
    for (const n of nodes) {
      positions[n.id] = { x: Math.round(x + n.width / 2), y: Math.round(y + height / 2) };
      x += n.width + NODE_GAP;
    }
    y += height + ROW_GAP;
  };
  for (const row of rows) if (row.length > 0) placeRow(row);
  // Nodes without edges (the isolated-modules group) stand in a column to the right of the picture.
  if (isolated.length > 0) {
    const right = Math.max(0, ...Object.values(positions).map((p) => p.x)) + NODE_GAP * 2;
    const nodes = isolated.map((n) => input.nodes[n]).filter((n): n is LayoutNode => n !== undefined);
    const total = nodes.reduce((sum, n) => sum + n.height, 0) + NODE_GAP * (nodes.length - 1);
    let top = Math.max(0, y - ROW_GAP) / 2 - total / 2;
    const width = Math.max(...nodes.map((n) => n.width));
    for (const n of nodes) {
      positions[n.id] = { x: Math.round(right + width / 2), y: Math.round(top + n.height / 2) };
      top += n.height + NODE_GAP;
    }
  }
  return positions;
}

function compareIds(a: LayoutNode | undefined, b: LayoutNode | undefined): number {
  const x = a?.id ?? '';
  const y = b?.id ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Eades-Lin-Smyth: sinks to the back, sources to the front, else the node with most out minus in. */
function feedbackArcOrder(nodes: readonly number[], out: number[][], inc: number[][]): number[] {
  const alive = new Set(nodes);
  const outDeg = new Map(nodes.map((n) => [n, out[n]?.length ?? 0]));
  const inDeg = new Map(nodes.map((n) => [n, inc[n]?.length ?? 0]));
  const front: number[] = [];
  const back: number[] = [];
  const remove = (n: number): void => {
    alive.delete(n);
    for (const m of out[n] ?? []) if (alive.has(m)) inDeg.set(m, (inDeg.get(m) ?? 0) - 1);
    for (const m of inc[n] ?? []) if (alive.has(m)) outDeg.set(m, (outDeg.get(m) ?? 0) - 1);
  };
  while (alive.size > 0) {
    let progressed = true;
    while (progressed) {
      progressed = false;
      for (const n of [...alive].sort((a, b) => a - b)) {
        if ((outDeg.get(n) ?? 0) === 0) {
          back.unshift(n);
          remove(n);
          progressed = true;
        } else if ((inDeg.get(n) ?? 0) === 0) {
          front.push(n);
          remove(n);
          progressed = true;
        }
      }
    }
    if (alive.size === 0) break;
    let best = -1;
    let bestScore = -Infinity;
    for (const n of [...alive].sort((a, b) => a - b)) {
      const score = (outDeg.get(n) ?? 0) - (inDeg.get(n) ?? 0);
      if (score > bestScore) {
        best = n;
        bestScore = score;
      }
    }
    front.push(best);
    remove(best);
  }
  return [...front, ...back];
}
