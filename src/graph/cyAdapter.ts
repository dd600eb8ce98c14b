import cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import { buildStylesheet } from './stylesheet';

export interface CreateCyOptions {
  container?: HTMLElement;
  headless?: boolean;
}

/** A cytoscape instance tuned for a few thousand elements: panning moves a bitmap, not the scene. */
export function createCy(options: CreateCyOptions): Core {
  return cytoscape({
    ...(options.container ? { container: options.container } : {}),
    headless: options.headless ?? false,
    style: buildStylesheet(),
    layout: { name: 'preset' },
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    autoungrabify: false,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    motionBlur: false,
  });
}

/** Zooms by `factor` around the centre of the viewport, as the +/- buttons do. */
export function zoomBy(cy: Core, factor: number): void {
  const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
  cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}
