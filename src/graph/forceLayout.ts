import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutInput, Positions } from './layoutInput';

let registered = false;

function ensureFcose(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

/**
 * Force-directed positions from fcose, computed on a headless cytoscape so it can run in a worker
 * (or in Node) and the visible graph only receives finished positions.
 */
export function forcePositions(input: LayoutInput): Positions {
  ensureFcose();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...input.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.width, h: n.height } })),
      ...input.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target },
      })),
    ],
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
  });
  try {
    cy.layout({
      name: 'fcose',
      quality: 'default',
      randomize: true,
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: false,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 70,
      nodeSeparation: 90,
      numIter: 2500,
    } as cytoscape.LayoutOptions).run();
    const positions: Positions = {};
    cy.nodes().forEach((node) => {
      const p = node.position();
      positions[node.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
    });
    return positions;
  } finally {
    cy.destroy();
  }
}
