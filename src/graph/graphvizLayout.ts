import { boundedLayers } from './boundedLayers';
import type { LayeringSpacing } from './boundedLayers';
import type { LayeredLayout } from './computeLayout';
import type { LayoutInput, Positions } from './layoutInput';

/** The one Graphviz call we make; satisfied by @hpcc-js/wasm-graphviz's `Graphviz` (and by `dot -Tplain`). */
export interface GraphvizEngine {
  layout(dotSource: string, outputFormat: 'plain', layoutEngine: 'dot'): string;
}

/** Graphviz measures in inches, cytoscape in pixels at 72 per inch. */
const PX_PER_INCH = 72;

/**
 * The same spacing as the ELK layered picture (src/graph/layeredLayout.ts): 22 px between nodes,
 * 46 px between rows, edges 2 px apart. dot has one `nodesep` for real nodes and the virtual nodes
 * long edges pass through, so node boxes are widened by the node gap and `nodesep` is the edge gap.
 */
export const GRAPHVIZ_SPACING: LayeringSpacing = { nodeGap: 22, edgeGap: 2, rowGap: 46, aspect: 1.6 };

const inches = (px: number): string => String(Math.round((px / PX_PER_INCH) * 10_000) / 10_000);

/**
 * DOT for a layered picture of `input` with dependencies above their dependents. Rows come from
 * `boundedLayers` (so hubs with a hundred dependents do not make one endless row) and are pinned
 * with `rank=same` plus an invisible spine that keeps them in order; dot orders the nodes within
 * rows and places them. Nodes are named by index (`n0`, `n1`, ...) so no id needs quoting and the
 * `plain` output can be read back by splitting on spaces. Edges are not routed (`splines=""`):
 * cytoscape draws them.
 */
export function layeredDot(input: LayoutInput, spacing: LayeringSpacing = GRAPHVIZ_SPACING): string {
  const { layer, edges, rows } = boundedLayers(input, spacing);
  const members: string[][] = Array.from({ length: rows }, () => []);
  const rowHeight = Math.max(0, ...input.nodes.map((node) => node.height)) + spacing.rowGap;
  const width = rows * rowHeight * spacing.aspect;
  const lines = [
    'digraph layered {',
    `graph [nodesep=${inches(spacing.edgeGap)}, ranksep=${inches(spacing.rowGap)}, splines=""];`,
    // dot spreads rows to straighten long edges; compressing towards a screen-shaped width and
    // merging edges that leave one node (as ELK's mergeEdges) keeps the picture near `aspect`.
    `graph [concentrate=true, ratio=compress, size="${inches(width)},${inches(width * 100)}"];`,
    'node [shape=box, fixedsize=true, label=""];',
  ];
  input.nodes.forEach((node, i) => {
    lines.push(`n${i} [width=${inches(node.width + spacing.nodeGap)}, height=${inches(node.height)}];`);
    members[layer[i] ?? 0]?.push(`n${i}`);
  });
  members.forEach((names, row) => {
    lines.push(`{rank=same; r${row} [width=0.01, height=0.01, style=invis]; ${names.join('; ')}}`);
    if (row > 0) lines.push(`r${row - 1} -> r${row} [style=invis, weight=0];`);
  });
  for (const [upper, lower] of edges) lines.push(`n${upper} -> n${lower};`);
  lines.push('}');
  return lines.join('\n');
}

/**
 * Node centres from dot's `plain` output (`node <name> <x> <y> ...` in inches, y growing upwards),
 * in pixels with y growing downwards as cytoscape has it.
 */
export function plainPositions(plain: string, input: LayoutInput): Positions {
  const positions: Positions = {};
  let height = 0;
  for (const line of plain.split('\n')) {
    const [kind, name, a, b] = line.split(' ');
    // The graph line's scale only says how much `size` would shrink the drawing; coordinates are unscaled.
    if (kind === 'graph') {
      height = Number(b);
    } else if (kind === 'node' && name?.startsWith('n')) {
      const node = input.nodes[Number(name.slice(1))];
      if (!node) continue;
      positions[node.id] = {
        x: Math.round(Number(a) * PX_PER_INCH),
        y: Math.round((height - Number(b)) * PX_PER_INCH),
      };
    }
  }
  const missing = input.nodes.filter((node) => positions[node.id] === undefined);
  if (missing.length > 0) {
    throw new Error(`Graphviz placed ${input.nodes.length - missing.length} of ${input.nodes.length} nodes`);
  }
  return positions;
}

/**
 * Layered positions from Graphviz `dot`: the same picture as ELK's (dependencies above dependents,
 * rows no wider than a screen-shaped picture allows) in a tenth of ELK's time on the real datasets.
 */
export function graphvizPositions(engine: GraphvizEngine, input: LayoutInput): Positions {
  if (input.nodes.length === 0) return {};
  const dot = layeredDot(input);
  let plain: string;
  try {
    plain = engine.layout(dot, 'plain', 'dot');
  } catch {
    // Edge concentration has had crashing bugs in dot on unusual graphs; it only saves room.
    plain = engine.layout(dot.replace('concentrate=true, ', ''), 'plain', 'dot');
  }
  return plainPositions(plain, input);
}

/** Graphviz as the layered layout of `computeLayout` (the layout worker uses it). */
export function graphvizLayered(engine: GraphvizEngine | Promise<GraphvizEngine>): LayeredLayout {
  return async (connected) => graphvizPositions(await engine, connected);
}
