import cytoscape from 'cytoscape';
import type { Core, ElementDefinition, SingularElementReturnValue } from 'cytoscape';
import type { EdgeElement, GraphElements, NodeElement } from './elements';
import type { Positions } from './layoutInput';
import { buildStylesheet } from './stylesheet';

/** Classes that describe the user's focus; recomputed from the selection, never part of the model. */
export const STATE_CLASSES = ['selected', 'focused', 'dimmed'] as const;

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

export interface PatchResult {
  added: number;
  removed: number;
  updated: number;
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

function baseClassesOf(ele: SingularElementReturnValue): string {
  return ele
    .classes()
    .filter((c) => !(STATE_CLASSES as readonly string[]).includes(c))
    .join(' ');
}

/**
 * Brings cytoscape in line with `next` by element id inside one batch: removes what is gone, adds
 * what is new, updates data and classes of what changed and leaves the rest (and its position)
 * alone. State classes are dropped from changed elements; reapply them with {@link applySelection}.
 */
export function patchElements(cy: Core, next: GraphElements): PatchResult {
  const result: PatchResult = { added: 0, removed: 0, updated: 0 };
  const wanted = new Map<string, NodeElement | EdgeElement>();
  for (const n of next.nodes) wanted.set(n.data.id, n);
  for (const e of next.edges) wanted.set(e.data.id, e);

  cy.batch(() => {
    const gone = cy.elements().filter((ele) => {
      const want = wanted.get(ele.id());
      // An edge whose endpoints changed is a different edge that happens to share an id.
      if (!want) return true;
      return ele.isEdge() ? !sameEnds(ele, want) : want.group !== 'nodes';
    });
    result.removed = gone.length;
    cy.remove(gone);

    const toAdd: ElementDefinition[] = [];
    for (const [id, want] of wanted) {
      const ele = cy.getElementById(id);
      if (ele.empty()) {
        toAdd.push({ group: want.group, data: { ...want.data }, classes: want.classes });
        continue;
      }
      const dataChanged = !sameData(
        ele.data() as Record<string, unknown>,
        want.data as unknown as Record<string, unknown>,
      );
      const classesChanged = baseClassesOf(ele) !== want.classes.split(' ').filter(Boolean).join(' ');
      if (dataChanged) ele.data({ ...want.data });
      if (classesChanged) ele.classes(want.classes);
      if (dataChanged || classesChanged) result.updated += 1;
    }
    // Nodes before edges so every edge finds its endpoints.
    toAdd.sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
    result.added = toAdd.length;
    if (toAdd.length > 0) cy.add(toAdd);
  });
  return result;
}

function sameEnds(ele: { data(key: string): unknown }, want: NodeElement | EdgeElement): boolean {
  if (want.group !== 'edges') return false;
  return ele.data('source') === want.data.source && ele.data('target') === want.data.target;
}

/** Moves nodes to `positions` (nodes without one keep theirs) and optionally fits the view. */
export function applyPositions(cy: Core, positions: Positions, fit: boolean): void {
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const p = positions[node.id()];
      if (p) node.position({ x: p.x, y: p.y });
    });
  });
  if (fit) fitToPositions(cy, positions);
}

/**
 * Fits the viewport to node centres plus a margin. cytoscape's own fit measures every label's
 * bounding box, which costs hundreds of milliseconds on the first draw of a large graph.
 */
export function fitToPositions(cy: Core, positions: Positions, padding = 40): void {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  cy.nodes().forEach((node) => {
    const p = positions[node.id()] ?? node.position();
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  });
  const width = cy.width();
  const height = cy.height();
  if (!Number.isFinite(x1) || width === 0 || height === 0) return;
  // Half a node and a label line around the outermost centres.
  const w = x2 - x1 + 60;
  const h = y2 - y1 + 60;
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(cy.minZoom(), Math.min((width - 2 * padding) / w, (height - 2 * padding) / h)),
  );
  cy.viewport({
    zoom,
    pan: { x: width / 2 - zoom * ((x1 + x2) / 2), y: height / 2 - zoom * ((y1 + y2) / 2) },
  });
}

/**
 * Highlights the selected node and its direct neighbourhood and dims the rest, so a dependency
 * chain stands out in a graph of hundreds of modules.
 */
export function applySelection(cy: Core, selectedId: string | undefined): void {
  cy.batch(() => {
    // Only touch elements that carry a state class: restyling all of them costs a frame.
    cy.elements(STATE_CLASSES.map((c) => `.${c}`).join(', ')).removeClass(STATE_CLASSES.join(' '));
    if (selectedId === undefined) return;
    const node = cy.getElementById(selectedId);
    if (node.empty() || !node.isNode()) return;
    const hood = node.closedNeighborhood();
    cy.elements().difference(hood).addClass('dimmed');
    hood.addClass('focused');
    node.removeClass('focused').addClass('selected');
  });
}

/** Brings a node into view (centred) unless it is already comfortably inside the viewport. */
export function revealNode(cy: Core, id: string): void {
  const node = cy.getElementById(id);
  if (node.empty() || !node.isNode()) return;
  const extent = cy.extent();
  const p = node.position();
  const marginX = extent.w * 0.1;
  const marginY = extent.h * 0.1;
  const inside =
    p.x > extent.x1 + marginX &&
    p.x < extent.x2 - marginX &&
    p.y > extent.y1 + marginY &&
    p.y < extent.y2 - marginY;
  const readable = cy.zoom() >= 0.6;
  if (inside && readable) return;
  cy.stop(true, false);
  cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: 350 });
}

/** Zooms by `factor` around the centre of the viewport, as the +/- buttons do. */
export function zoomBy(cy: Core, factor: number): void {
  const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
  cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}
