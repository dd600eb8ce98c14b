import type { LayoutInput } from './layoutInput';

/** A layering of a layout's nodes: what sits in which row, and the edges made to point down. */
export interface Layering {
  /** Row of each node of `input.nodes` (same index), 0 at the top. */
  layer: number[];
  /** Edges as [upper, lower] node indexes: every one points to a strictly lower row. No duplicates. */
  edges: Array<[number, number]>;
  rows: number;
}

export interface LayeringSpacing {
  /** Horizontal room a node takes beyond its own width. */
  nodeGap: number;
  /** Horizontal room an edge passing through a row takes. */
  edgeGap: number;
  /** Height of a row beyond its nodes' height. */
  rowGap: number;
  /** Width / height the whole picture should approach (a screen's shape). */
  aspect: number;
}

/**
 * Rows for a layered picture, with dependencies above their dependents (input edges point from
 * the dependent to what it needs; the rows are built from what is needed downwards).
 *
 * Network-simplex ranking (dot's own) puts a hub's 150 dependents in the one row under it, which
 * makes a picture ten times wider than high. Here rows are filled by critical-path list scheduling
 * under a width bound chosen so the picture approaches `aspect`: nodes with the longest chain
 * below them go first, and what does not fit waits for the next row. Edges that pass through a row
 * count towards its width. Cycles are broken by reversing the edges a depth-first search finds
 * going back to a node it is still inside. Deterministic: ties go by input order.
 */
export function boundedLayers(input: LayoutInput, spacing: LayeringSpacing): Layering {
  const n = input.nodes.length;
  const index = new Map(input.nodes.map((node, i) => [node.id, i]));
  const down: number[][] = Array.from({ length: n }, () => []);
  const seen = new Set<number>();
  for (const e of input.edges) {
    const upper = index.get(e.target);
    const lower = index.get(e.source);
    if (upper === undefined || lower === undefined || upper === lower) continue;
    const key = upper * n + lower;
    if (seen.has(key)) continue;
    seen.add(key);
    down[upper]?.push(lower);
  }
  const edges = acyclicEdges(down);
  const below: number[][] = Array.from({ length: n }, () => []);
  const aboveCount = new Array<number>(n).fill(0);
  for (const [u, v] of edges) {
    below[u]?.push(v);
    aboveCount[v] = (aboveCount[v] ?? 0) + 1;
  }
  const height = chainHeights(below, aboveCount);

  const footprint = input.nodes.map((node) => node.width + spacing.nodeGap);
  const total = footprint.reduce((a, b) => a + b, 0);
  const rowHeight = Math.max(0, ...input.nodes.map((node) => node.height)) + spacing.rowGap;
  const bound = Math.max(Math.max(0, ...footprint), Math.sqrt(total * rowHeight * spacing.aspect));

  const layer = new Array<number>(n).fill(-1);
  const waitingAbove = [...aboveCount];
  // Longest chain below first; among equals, what has waited longest (so a hub's hundred
  // dependents fill the rows right under it, not rows at the bottom), then input order.
  const readyAt = new Array<number>(n).fill(0);
  const before = (a: number, b: number): boolean => {
    const ha = height[a] ?? 0;
    const hb = height[b] ?? 0;
    if (ha !== hb) return ha > hb;
    const ra = readyAt[a] ?? 0;
    const rb = readyAt[b] ?? 0;
    return ra !== rb ? ra < rb : a < b;
  };
  const ready = new Heap(before);
  for (let i = 0; i < n; i++) if (waitingAbove[i] === 0) ready.push(i);
  let open = 0; // edges from placed nodes to nodes not placed yet: each crosses the row being filled
  let placed = 0;
  let row = 0;
  while (placed < n) {
    let width = open * spacing.edgeGap;
    const next: number[] = [];
    let filled = 0;
    while (ready.size > 0) {
      const v = ready.peek();
      const fits = width + (footprint[v] ?? 0) <= bound;
      if (filled > 0 && !fits) break;
      ready.pop();
      layer[v] = row;
      filled++;
      placed++;
      const incoming = aboveCount[v] ?? 0;
      width += (footprint[v] ?? 0) - incoming * spacing.edgeGap;
      open += (below[v]?.length ?? 0) - incoming;
      for (const w of below[v] ?? []) {
        waitingAbove[w] = (waitingAbove[w] ?? 0) - 1;
        if (waitingAbove[w] === 0) {
          readyAt[w] = row + 1;
          next.push(w);
        }
      }
    }
    for (const w of next) ready.push(w);
    row++;
  }
  settleDown(layer, below, footprint, bound, row);
  return { layer, edges, rows: row };
}

/**
 * Filling rows from the top leaves a module nothing else needs early (say a codec's only library
 * module) in the top row, far above the one module that uses it. Moving such nodes down next to
 * their highest dependent, where the row has room, removes most of those long edges. Bottom-up, so
 * a node's dependents have settled before it moves.
 */
function settleDown(
  layer: number[],
  below: readonly number[][],
  footprint: readonly number[],
  bound: number,
  rows: number,
): void {
  const rowWidth = new Array<number>(rows).fill(0);
  layer.forEach((r, i) => {
    rowWidth[r] = (rowWidth[r] ?? 0) + (footprint[i] ?? 0);
  });
  const order = layer.map((_, i) => i).sort((a, b) => (layer[b] ?? 0) - (layer[a] ?? 0) || a - b);
  for (const u of order) {
    const under = below[u] ?? [];
    if (under.length === 0) continue;
    const current = layer[u] ?? 0;
    let target = Math.min(...under.map((w) => layer[w] ?? 0)) - 1;
    while (target > current && (rowWidth[target] ?? 0) + (footprint[u] ?? 0) > bound) target--;
    if (target <= current) continue;
    rowWidth[current] = (rowWidth[current] ?? 0) - (footprint[u] ?? 0);
    rowWidth[target] = (rowWidth[target] ?? 0) + (footprint[u] ?? 0);
    layer[u] = target;
  }
}

/** Edges of `down` with those closing a cycle reversed (iterative DFS, nodes in index order). */
function acyclicEdges(down: readonly number[][]): Array<[number, number]> {
  const n = down.length;
  const state = new Uint8Array(n); // 0 unvisited, 1 on the DFS stack, 2 done
  const edges: Array<[number, number]> = [];
  const seen = new Set<number>();
  const add = (u: number, v: number): void => {
    const key = u * n + v;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push([u, v]);
  };
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    const stack: Array<[node: number, next: number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [u, i] = top;
      const targets = down[u] ?? [];
      if (i >= targets.length) {
        state[u] = 2;
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const v = targets[i] as number;
      if (state[v] === 1) add(v, u);
      else {
        add(u, v);
        if (state[v] === 0) {
          state[v] = 1;
          stack.push([v, 0]);
        }
      }
    }
  }
  return edges;
}

/** Longest chain of edges below each node of a DAG. */
function chainHeights(below: readonly number[][], aboveCount: readonly number[]): number[] {
  const n = below.length;
  const order: number[] = [];
  const waiting = [...aboveCount];
  for (let i = 0; i < n; i++) if (waiting[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) {
    for (const w of below[order[k] as number] ?? []) {
      waiting[w] = (waiting[w] ?? 0) - 1;
      if (waiting[w] === 0) order.push(w);
    }
  }
  const height = new Array<number>(n).fill(0);
  for (let k = order.length - 1; k >= 0; k--) {
    const u = order[k] as number;
    for (const w of below[u] ?? []) height[u] = Math.max(height[u] ?? 0, (height[w] ?? 0) + 1);
  }
  return height;
}

/** Binary heap of node indexes; `before(a, b)` is true when a comes out first. */
class Heap {
  private readonly items: number[] = [];
  constructor(private readonly before: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0] as number;
  }

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i] as number, items[parent] as number)) break;
      [items[i], items[parent]] = [items[parent] as number, items[i] as number];
      i = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0] as number;
    const last = items.pop() as number;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.before(items[l] as number, items[best] as number)) best = l;
        if (r < items.length && this.before(items[r] as number, items[best] as number)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best] as number, items[i] as number];
        i = best;
      }
    }
    return top;
  }
}
