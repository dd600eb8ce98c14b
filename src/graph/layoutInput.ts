import type { EdgeElement, GraphElements, NodeElement } from './elements';
import { hasClass } from './elements';
import { NODE_SIZE } from './stylesheet';

/** What a layout algorithm needs to know: boxes and links, nothing about Asterisk. */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Sort key for the grid of isolated nodes, so it reads as bands of one category. */
  group: string;
  isolated: boolean;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface Point {
  x: number;
  y: number;
}

export type Positions = Record<string, Point>;

export type LayoutAlgorithm = 'layered' | 'force';

export const LAYOUT_ALGORITHMS: readonly LayoutAlgorithm[] = ['layered', 'force'];

function layoutNode(n: NodeElement): LayoutNode {
  const size = NODE_SIZE[n.data.type];
  const width = n.data.type === 'library' ? size * 1.6 : size;
  const group = n.data.category ?? n.data.itemKind ?? n.data.type;
  return { id: n.data.id, width, height: size, group, isolated: hasClass(n, 'isolated') };
}

function layoutEdge(e: EdgeElement): LayoutEdge {
  return { id: e.data.id, source: e.data.source, target: e.data.target };
}

export function toLayoutInput(elements: GraphElements): LayoutInput {
  return { nodes: elements.nodes.map(layoutNode), edges: elements.edges.map(layoutEdge) };
}

/** True when every node of `elements` has a position; precomputed layouts are only used when complete. */
export function coversAll(positions: Positions | undefined, elements: GraphElements): positions is Positions {
  if (!positions) return false;
  return elements.nodes.every((n) => positions[n.data.id] !== undefined);
}
