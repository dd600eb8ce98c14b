import type { ElkNode } from 'elkjs/lib/elk-api';
import type { LayoutInput, Positions } from './layoutInput';

/** The one ELK call we make; satisfied by elkjs's bundled build (Node, workers) and its worker API. */
export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Layer spacing leaves room for a module name under each node; see NODE_SIZE in the stylesheet. */
export const LAYERED_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.spacing.nodeNode': '26',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.componentComponent': '60',
  'elk.separateConnectedComponents': 'true',
  'elk.aspectRatio': '1.6',
  'elk.layered.cycleBreaking.strategy': 'GREEDY',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.thoroughness': '5',
  'elk.randomSeed': '1',
};

/**
 * Layered (Sugiyama) positions from ELK. Edges are handed to ELK reversed (from what is needed to
 * what needs it) so the modules everything builds on sit in the top layer and dependents hang
 * below them. cytoscape draws the edges itself; only node centres are kept.
 */
export async function layeredPositions(elk: ElkEngine, input: LayoutInput): Promise<Positions> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: LAYERED_OPTIONS,
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
