import type { GraphController } from '../../graph/graphController';

/**
 * The controller of the canvas on screen, for features outside the graph view that read what is
 * drawn (the Export menu's pictures). One page, one graph view.
 */
let active: GraphController | undefined;

export function setActiveGraph(controller: GraphController | undefined): void {
  active = controller;
}

export function activeGraph(): GraphController | undefined {
  return active;
}
