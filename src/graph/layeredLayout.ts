import type { ElkNode } from 'elkjs/lib/elk-api';
import type { LayeredLayout } from './computeLayout';
import type { LayoutInput, Positions } from './layoutInput';

/** The one ELK call we make; satisfied by elkjs's bundled build (Node, workers) and its worker API. */
export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/**
 * Tuned on the real datasets (about 350 connected modules, hubs such as res_pjsip with 100+
 * dependents): Coffman-Graham layering caps the width of a layer, merged edges and tight edge
 * spacing stop long edges from widening the picture, and a low thoroughness keeps it to seconds.
 */
export const LAYERED_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.spacing.nodeNode': '22',
  'elk.layered.spacing.nodeNodeBetweenLayers': '46',
  'elk.spacing.edgeEdge': '2',
  'elk.spacing.edgeNode': '4',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '2',
  'elk.layered.spacing.edgeNodeBetweenLayers': '4',
  'elk.layered.mergeEdges': 'true',
  'elk.layered.layering.strategy': 'COFFMAN_GRAHAM',
  'elk.layered.layering.coffmanGraham.layerBound': '40',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.thoroughness': '2',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '50',
  'elk.aspectRatio': '1.6',
  'elk.randomSeed': '1',
};

/**
 * Layered (Sugiyama) positions from ELK. Edges are handed to ELK reversed (from what is needed to
 * what needs it) so the modules everything builds on sit in the top layer and dependents hang
 * below them. cytoscape draws the edges itself; only node centres are kept.
 */
export async function layeredPositions(
  elk: ElkEngine,
  input: LayoutInput,
  options: Readonly<Record<string, string>> = LAYERED_OPTIONS,
): Promise<Positions> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: { ...options },
    children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: input.edges.map((e) => ({ id: e.id, sources: [e.target], targets: [e.source] })),
  };
  const result = await elk.layout(graph);
  const positions: Positions = {};
  for (const child of result.children ?? []) {
    positions[child.id] = {
      x: Math.round((child.x ?? 0) + (child.width ?? 0) / 2),
      y: Math.round((child.y ?? 0) + (child.height ?? 0) / 2),
    };
  }
  return positions;
}

/** ELK as the layered layout of `computeLayout` (the precomputed built-in layouts use it). */
export function elkLayered(elk: ElkEngine): LayeredLayout {
  return (connected) => layeredPositions(elk, connected);
}
