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
    wheelSensitivity: 0.25,
    boxSelectionEnabled: false,
    selectionType: 'single',
    autoungrabify: false,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    motionBlur: false,
    pixelRatio: 1,
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
      const dataChanged = !sameData(ele.data() as Record<string, unknown>, want.data as unknown as Record<string, unknown>);
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
  if (fit) cy.fit(undefined, 30);
}

/**
 * Highlights the selected node and its direct neighbourhood and dims the rest, so a dependency
 * chain stands out in a graph of hundreds of modules.
 */
export function applySelection(cy: Core, selectedId: string | undefined): void {
  cy.batch(() => {
    cy.elements().removeClass(STATE_CLASSES.join(' '));
    if (selectedId === undefined) return;
    const node = cy.getElementById(selectedId);
    if (node.empty() || !node.isNode()) return;
    const hood = node.closedNeighborhood();
    cy.elements().difference(hood).addClass('dimmed');
    hood.addClass('focused');
    node.removeClass('focused').addClass('selected');
  });
}
