import type { Core, ElementDefinition, EventObject, NodeSingular } from 'cytoscape';
import { createCy } from './cyAdapter';
import { diffClasses, mergeClasses } from './classDiff';
import { toElements } from './elements';
import type { EdgeElement, ElementView, NodeData, NodeElement } from './elements';
import { smallLayeredPositions } from './groupLayout';
import { layoutKey } from './layoutFile';
import type { PrecomputedLayout } from './layoutFile';
import { coversAll, toLayoutInput } from './layoutInput';
import type { Point, Positions } from './layoutInput';
import type { LayoutService } from './layoutService';
import { MIN_LABEL_SCALE, labelFont, placeLabels } from './labelPlacement';
import { GROUP_LABEL_FONT, LABEL_FONT } from './labelMetrics';
import type { LabelCandidate } from './labelPlacement';
import { boundingBox, packIsolated } from './packIsolated';
import { adjacencyOf, directNeighbours, reachClasses } from './reach';
import type { Adjacency } from './reach';
import type { LayoutPlan, Scene } from './scene';
import { sceneLayoutNode } from './scene';
import { NODE_SIZE } from './stylesheet';
import { ISOLATED_GROUP_ID, LARGE_UNIVERSE_NODES, providerElements } from './universe';
import type { GraphUniverse } from './universe';

/**
 * Owns the cytoscape instance for one canvas. A dataset's elements are added once (hidden);
 * every later state (view mode, filters, focus, grouping, selection, hover, overlays) is a
 * {@link Scene} applied as a diff of state classes inside one batch, then positions: from the
 * precomputed or cached layout at once, or from the layout worker (the picture animates there
 * when it arrives). Labels are placed after every change of state or viewport.
 */

export interface GraphControllerEvents {
  tapNode?(data: NodeData): void;
  tapBackground?(): void;
  contextNode?(data: NodeData, rendered: Point): void;
  viewport?(): void;
  /** A layout is being computed in the worker (true) or the picture is complete (false). */
  busy?(busy: boolean, failed: boolean): void;
  /** The scene (and, if it was ready, its layout) is on the canvas. */
  painted?(info: { layoutKey: string; visibleNodes: number }): void;
}

export interface GraphControllerOptions {
  container?: HTMLElement;
  /**
   * Where the page-level paint state goes (`data-graph-ready`, `data-paint-serial`); defaults to
   * `container`. Several controllers (one per view) share one status element.
   */
  statusElement?: HTMLElement;
  /**
   * Whether the elements of the provider view are added in idle time by `prefill` too. Off when
   * another controller draws the provider view.
   */
  prefillProviders?: boolean;
  /**
   * While off screen, asked before each frame of work: false puts the frame off (the user is
   * interacting with the canvas on screen), so background drawing never delays an answer.
   */
  mayWorkInBackground?: () => boolean;
  headless?: boolean;
  /** Created on first need, so the first graph never waits for a worker. */
  layoutService?: () => LayoutService;
  /** Animations off for tests and for reduced motion. */
  animate?: boolean;
  events?: GraphControllerEvents;
}

const ANIMATION_MS = 300;
/** More moving nodes than this jump instead of animating: a frame must stay a frame. */
const MAX_ANIMATED = 600;
/** Scenes with more visible elements than this change without animation. */
const MAX_ANIMATED_SCENE = 700;
const HOVER_DELAY_MS = 60;
/**
 * How many element changes (adds, restyles) one frame applies. A change costs more than its own
 * call: cytoscape restyles and measures the element in the frame's redraw. So the count is steered
 * by the length of whole frames, measured between consecutive drain frames: a frame longer than
 * SLOW_FRAME_MS halves the count, one shorter than FAST_FRAME_MS lets it grow. That keeps every
 * frame under the 50 ms long-task line on a slow machine and spends few frames on a fast one.
 */
const INITIAL_OPS_PER_FRAME = 50;
/** What hiding an element counts for against the frame's budget. */
const HIDE_COST = 0.25;
const MIN_OPS_PER_FRAME = 15;
const MAX_OPS_PER_FRAME = 600;
const SLOW_FRAME_MS = 40;
/** How long a canvas off screen waits before asking again whether it may work. */
const BACKGROUND_RETRY_MS = 150;
const FAST_FRAME_MS = 28;

/** One step of bringing the canvas to a scene: add an element, or change its state classes. */
type Op =
  | { kind: 'add'; def: NodeElement | EdgeElement; state: string }
  | { kind: 'class'; id: string; add: string[]; remove: string[]; state: string };

interface Applied {
  layoutKey: string | undefined;
  highlightSignature: string;
  selection: string | undefined;
}

export class GraphController {
  readonly cy: Core;
  private readonly options: GraphControllerOptions;
  private service: LayoutService | undefined;
  private universe: GraphUniverse | undefined;
  private precomputed: PrecomputedLayout | undefined;
  private readonly present = new Set<string>();
  /** State classes each element carries on the canvas right now (`hidden` included). */
  private applied = new Map<string, string>();
  private edgeById = new Map<string, EdgeElement>();
  private providerById: Map<string, NodeElement | EdgeElement> | undefined;
  private queue: Op[] = [];
  private queueAt = 0;
  private drainFrame = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private drained: Array<() => void> = [];
  /** Where nodes go in the current picture; nodes added later by the queue are placed there. */
  private targetsNow: Positions = {};
  /** Where nodes appear while their layout is being computed. */
  private startAt = new Map<string, Point>();
  private outcomes: ReadonlyMap<string, string> | undefined;
  private scene: Scene | undefined;
  private adjacency: Adjacency = { out: new Map(), in: new Map() };
  private readonly layouts = new Map<string, Positions>();
  private readonly wholeElements = new Map<string, ReturnType<typeof toElements>>();
  private readonly positioned = new Set<string>();
  private visibleBefore = new Set<string>();
  private memberOfBefore = new Map<string, string>();
  private last: Applied = { layoutKey: undefined, highlightSignature: '', selection: undefined };
  private token = 0;
  private hoverId: string | undefined;
  private keyboardId: string | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private labelFrame = 0;
  private labelTimer: ReturnType<typeof setTimeout> | undefined;
  private labelled = new Map<string, number>();
  private paintSerial = 0;
  /** Element changes per frame, steered by measured frame lengths (see INITIAL_OPS_PER_FRAME). */
  private opsPerFrame = INITIAL_OPS_PER_FRAME;
  /** When the last frame that applied changes started; undefined after an idle gap. */
  private lastBusyFrameAt: number | undefined;
  /** Whether that frame used its whole budget: only a full frame that was fast says "more fits". */
  private lastFrameFull = false;
  private drawnOnce = false;
  private destroyed = false;
  /**
   * Whether this controller's canvas is the one on screen. A controller drawing a view in the
   * background keeps its picture up to date but says nothing about painting: the page's paint
   * marks and state belong to the canvas the user sees.
   */
  private active = true;
  private paintPending = false;

  constructor(options: GraphControllerOptions) {
    this.options = options;
    this.cy = createCy({
      ...(options.container ? { container: options.container } : {}),
      headless: options.headless ?? false,
    });
    const cy = this.cy;
    cy.on('tap', 'node', (e: EventObject) => options.events?.tapNode?.(e.target.data() as NodeData));
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) options.events?.tapBackground?.();
    });
    cy.on('cxttap', 'node', (e: EventObject) => {
      const node = e.target as NodeSingular;
      const p = e.renderedPosition ?? node.renderedPosition();
      options.events?.contextNode?.(node.data() as NodeData, { x: p.x, y: p.y });
    });
    cy.on('viewport', () => {
      options.events?.viewport?.();
      this.scheduleLabels();
    });
    cy.on('mouseover', 'node', (e: EventObject) => this.hoverSoon((e.target as NodeSingular).id()));
    cy.on('mouseout', 'node', () => this.hoverSoon(undefined));
  }

  private get animate(): boolean {
    return this.options.animate ?? !this.options.headless;
  }

  /**
   * Replaces every element with the new dataset's. Nothing is added yet: each scene adds what it
   * shows, and the rest is added (hidden) in idle time, a slice at a time.
   */
  setDataset(universe: GraphUniverse, precomputed: PrecomputedLayout | undefined): void {
    this.token += 1;
    this.universe = universe;
    this.precomputed = precomputed;
    this.edgeById = new Map(universe.edges.map((e) => [e.id, e.element]));
    this.layouts.clear();
    this.wholeElements.clear();
    this.positioned.clear();
    this.present.clear();
    this.applied = new Map();
    this.labelled = new Map();
    this.queue = [];
    this.queueAt = 0;
    this.targetsNow = {};
    this.scene = undefined;
    this.visibleBefore = new Set();
    this.memberOfBefore = new Map();
    this.hoverId = undefined;
    this.keyboardId = undefined;
    this.last = { layoutKey: undefined, highlightSignature: '', selection: undefined };
    this.cy.stop(true, false);
    this.cy.elements().stop(true, false);
    this.cy.batch(() => this.cy.elements().remove());
  }

  /** Starts the layout worker with a trivial layout so the first focus does not pay its start-up. */
  prewarmLayout(): void {
    this.service ??= this.options.layoutService?.();
    this.service
      ?.compute(
        { nodes: [{ id: 'warm-up', width: 20, height: 20, group: 'warm-up', isolated: false }], edges: [] },
        'layered',
      )
      .catch(() => undefined);
  }

  /**
   * Adds up to `budget` elements that no scene has needed yet (modules, then the provider view),
   * hidden, so later view changes are class changes. Returns false when nothing is left to add.
   * Without `budget`, a slice is sized to the frame time from the measured cost of a change.
   */
  prefill(budget = this.frameBudget()): boolean {
    const universe = this.universe;
    if (this.destroyed) return false;
    if (!universe || universe.nodes.size > LARGE_UNIVERSE_NODES || this.queueAt < this.queue.length) {
      return universe !== undefined && this.queueAt < this.queue.length;
    }
    const defs: ElementDefinition[] = [];
    const take = (element: NodeElement | EdgeElement): void => {
      if (defs.length >= budget || this.present.has(element.data.id)) return;
      if (
        element.group === 'edges' &&
        (!this.present.has(element.data.source) || !this.present.has(element.data.target))
      )
        return;
      const state = mergeClasses(
        'hidden',
        this.outcomes?.get(element.data.id),
        this.scene?.persistent.get(element.data.id),
      );
      this.present.add(element.data.id);
      this.applied.set(element.data.id, state);
      defs.push({ group: element.group, data: { ...element.data }, classes: `${element.classes} ${state}` });
    };
    for (const n of universe.nodes.values()) take(n.element);
    for (const e of universe.edges) take(e.element);
    if (this.options.prefillProviders ?? true) {
      const providers = providerElements(universe);
      for (const n of providers.nodes) take(n);
      for (const e of providers.edges) take(e);
    }
    if (defs.length > 0) this.cy.batch(() => this.cy.add(defs));
    return defs.length > 0;
  }

  private definitionOf(id: string): NodeElement | EdgeElement | undefined {
    const universe = this.universe;
    const v = this.scene?.virtual.get(id);
    if (v) return v;
    const n = universe?.nodes.get(id);
    if (n) return n.element;
    const e = this.edgeById.get(id);
    if (e) return e;
    if (!universe) return undefined;
    const providers = providerElements(universe);
    this.providerById ??= new Map(
      [...providers.nodes, ...providers.edges].map(
        (el) => [el.data.id, el] as [string, NodeElement | EdgeElement],
      ),
    );
    return this.providerById.get(id);
  }

  private updateData(id: string, data: Record<string, unknown>): void {
    const ele = this.cy.getElementById(id);
    const current = ele.data() as Record<string, unknown>;
    const changed: Record<string, unknown> = {};
    let any = false;
    for (const [key, value] of Object.entries(data)) {
      // The label size belongs to the label placement, which keeps it in step with the zoom.
      if (key === 'id' || key === 'source' || key === 'target' || key === 'fs') continue;
      if (current[key] !== value) {
        changed[key] = value;
        any = true;
      }
    }
    if (any) ele.data(changed);
  }

  /**
   * Shows a scene: the class changes (and the elements it adds) go through a queue applied a
   * frame's budget at a time, so a view switch touching thousands of elements never blocks the
   * page; positions come at once when known, else from the layout worker.
   */
  show(scene: Scene): void {
    if (!this.universe || this.destroyed) return;
    this.scene = scene;
    this.providerById = undefined;
    this.adjacency = adjacencyOf(scene.edges);
    if (this.keyboardId !== undefined && !scene.nodeClasses.has(this.keyboardId)) this.keyboardId = undefined;
    if (this.hoverId !== undefined && !scene.nodeClasses.has(this.hoverId)) this.hoverId = undefined;

    const token = ++this.token;
    // A new picture starts from a cautious budget: what fitted while hiding says little about showing.
    this.opsPerFrame = Math.min(this.opsPerFrame, INITIAL_OPS_PER_FRAME);
    this.lastBusyFrameAt = undefined;
    const plan = scene.layout;
    const known = this.knownPositions(plan);
    const highlightSignature = [...scene.nodeClasses]
      .filter(([, c]) => c.split(' ').includes('hl'))
      .map(([id]) => id)
      .join(',');
    const selection = scene.selected;
    this.targetsNow = known ? this.targets(scene, known) : {};
    if (!known) this.startPositions(scene);
    this.cy.batch(() => {
      for (const v of scene.virtual.values()) {
        if (this.present.has(v.data.id))
          this.updateData(v.data.id, v.data as unknown as Record<string, unknown>);
      }
    });
    this.rebuildQueue();
    this.drain(this.frameBudget());
    // Busy until the queue is applied and the positions are known (aria-busy, "Laying out…").
    let layoutPending = !known;
    this.paintPending = layoutPending;
    let failed = false;
    const report = (): void => {
      if (token !== this.token || this.destroyed || !this.active) return;
      this.options.events?.busy?.(layoutPending || this.queueAt < this.queue.length, failed);
    };
    const settle = (): void => {
      this.whenDrained(() => {
        report();
        if (!layoutPending && token === this.token) this.finishPaint();
      });
    };
    if (known) this.place(scene, this.targetsNow, highlightSignature, selection);
    report();
    settle();
    if (known) return;
    // The part already drawn is painted now; the layout follows.
    this.whenDrained(() => {
      if (token === this.token) this.painted();
    });
    this.computePositions(plan).then(
      (positions) => {
        if (token !== this.token || this.destroyed) return;
        this.targetsNow = this.targets(scene, positions);
        this.place(scene, this.targetsNow, highlightSignature, selection);
        layoutPending = false;
        this.paintPending = false;
        report();
        settle();
      },
      () => {
        if (token !== this.token || this.destroyed) return;
        // A grid is a poor picture but a correct one: every node can still be inspected.
        const input = plan.kind === 'whole' ? toLayoutInput(this.elementsOf(plan.view)) : plan.input;
        const grid = packIsolated(input.nodes, {});
        this.layouts.set(plan.key, grid);
        this.targetsNow = this.targets(scene, grid);
        this.place(scene, this.targetsNow, highlightSignature, selection);
        layoutPending = false;
        this.paintPending = false;
        failed = true;
        report();
        settle();
      },
    );
  }

  /** What every element should carry now: scene classes plus the hover / keyboard overlay, or `hidden`. */
  private rebuildQueue(): void {
    const scene = this.scene;
    if (!scene) return;
    const overlay = this.overlayClasses();
    const outcomes = this.outcomes;
    // Outcome colours stay on hidden nodes too: they are facts about the module, not about the view.
    const persistent = scene.persistent;
    const state = (id: string, own: string | undefined): string =>
      own === undefined
        ? mergeClasses('hidden', outcomes?.get(id), persistent.get(id))
        : mergeClasses(own, overlay.get(id), outcomes?.get(id), persistent.get(id));
    const next = new Map<string, string>();
    for (const id of this.present)
      next.set(id, state(id, scene.nodeClasses.get(id) ?? scene.edgeClasses.get(id)));
    const hides: Op[] = [];
    const others: Op[] = [];
    for (const change of diffClasses(this.applied, next)) {
      const op: Op = {
        kind: 'class',
        id: change.id,
        add: change.add,
        remove: change.remove,
        state: next.get(change.id) ?? '',
      };
      (change.add.includes('hidden') ? hides : others).push(op);
    }
    const nodeAdds: Op[] = [];
    const edgeAdds: Op[] = [];
    for (const [id, own] of scene.nodeClasses) {
      if (this.present.has(id)) continue;
      const def = this.definitionOf(id);
      if (def) nodeAdds.push({ kind: 'add', def, state: state(id, own) });
    }
    for (const [id, own] of scene.edgeClasses) {
      if (this.present.has(id)) continue;
      const def = this.definitionOf(id);
      if (def) edgeAdds.push({ kind: 'add', def, state: state(id, own) });
    }
    // Hide first (the old picture goes), then the new elements, then restyles of the rest.
    this.queue = [...hides, ...nodeAdds, ...edgeAdds, ...others];
    this.queueAt = 0;
  }

  /** Applies up to `budget` queued operations in one batch; schedules the rest for the next frames. */
  private drain(budget: number): void {
    const defs: ElementDefinition[] = [];
    let done = 0;
    this.cy.batch(() => {
      while (this.queueAt < this.queue.length && done < budget) {
        const op = this.queue[this.queueAt++];
        // Hiding costs a fraction of showing: a hidden element is neither restyled for drawing nor drawn.
        done += op?.kind === 'class' && op.add.includes('hidden') ? HIDE_COST : 1;
        if (!op) continue;
        if (op.kind === 'add') {
          const d = op.def;
          if (this.present.has(d.data.id)) continue;
          if (d.group === 'edges' && (!this.present.has(d.data.source) || !this.present.has(d.data.target)))
            continue;
          this.present.add(d.data.id);
          this.applied.set(d.data.id, op.state);
          const def: ElementDefinition = {
            group: d.group,
            data: { ...d.data },
            classes: `${d.classes} ${op.state}`,
          };
          if (d.group === 'nodes') {
            const p = this.targetsNow[d.data.id] ?? this.startAt.get(d.data.id);
            if (p) {
              def.position = { x: p.x, y: p.y };
              this.positioned.add(d.data.id);
            }
          }
          defs.push(def);
          continue;
        }
        const ele = this.cy.getElementById(op.id);
        if (ele.empty()) continue;
        if (op.remove.length > 0) ele.removeClass(op.remove.join(' '));
        if (op.add.length > 0) ele.addClass(op.add.join(' '));
        this.applied.set(op.id, op.state);
      }
      if (defs.length > 0) this.cy.add(defs);
    });
    this.lastFrameFull = done >= budget;
    if (this.queueAt < this.queue.length) {
      this.scheduleDrain();
      return;
    }
    this.queue = [];
    this.queueAt = 0;
    const waiting = this.drained;
    this.drained = [];
    for (const f of waiting) f();
  }

  private frameBudget(): number {
    return this.opsPerFrame;
  }

  /**
   * Called at the start of a frame that applies changes: the time since the previous such frame
   * is what that frame cost, redraw included, when the two follow each other.
   */
  private steerBudget(now: number): void {
    const previous = this.lastBusyFrameAt;
    this.lastBusyFrameAt = now;
    if (previous === undefined) return;
    const frame = now - previous;
    // More than a few frames apart: the page was idle between them, which says nothing.
    if (frame > 250) return;
    if (frame > SLOW_FRAME_MS)
      this.opsPerFrame = Math.max(MIN_OPS_PER_FRAME, Math.floor(this.opsPerFrame * 0.6));
    else if (frame < FAST_FRAME_MS && this.lastFrameFull)
      this.opsPerFrame = Math.min(MAX_OPS_PER_FRAME, Math.ceil(this.opsPerFrame * 1.25));
  }

  private scheduleDrain(): void {
    if (this.drainFrame || this.retryTimer !== undefined) return;
    const next = (): void => {
      this.drainFrame = 0;
      if (this.destroyed) return;
      if (!this.active && this.options.mayWorkInBackground && !this.options.mayWorkInBackground()) {
        this.lastBusyFrameAt = undefined;
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.scheduleDrain();
        }, BACKGROUND_RETRY_MS);
        return;
      }
      this.steerBudget(performance.now());
      this.drain(this.frameBudget());
    };
    if (typeof requestAnimationFrame === 'function' && !this.options.headless)
      this.drainFrame = requestAnimationFrame(next);
    else next();
  }

  private whenDrained(f: () => void): void {
    if (this.queueAt >= this.queue.length) f();
    else this.drained.push(f);
  }

  private finishPaint(): void {
    this.placeLabelsNow();
    this.painted();
  }

  /**
   * Simulated outcome classes by module id (`out-running`, `out-current`...; graph/outcomes.ts),
   * or undefined for the category colours. Applied as a diff like every other state.
   */
  setOutcomes(outcomes: ReadonlyMap<string, string> | undefined): void {
    if (outcomes === this.outcomes) return;
    this.outcomes = outcomes;
    if (this.scene) this.applyOverlay();
  }

  /** Re-applies the hover / keyboard overlay through the same queue as a scene. */
  private applyOverlay(): void {
    this.rebuildQueue();
    this.drain(this.frameBudget());
    this.whenDrained(() => this.placeLabelsNow());
  }

  private overlayClasses(): Map<string, string> {
    const scene = this.scene;
    const origin = this.hoverId ?? this.keyboardId;
    let overlay = new Map<string, string>();
    if (scene && origin !== undefined && scene.nodeClasses.has(origin)) {
      overlay = reachClasses(origin, this.adjacency, scene.nodeClasses.keys(), scene.edgeClasses.keys());
    }
    if (this.keyboardId !== undefined)
      overlay.set(this.keyboardId, mergeClasses(overlay.get(this.keyboardId), 'kbd-focus'));
    return overlay;
  }

  private elementsOf(view: ElementView): ReturnType<typeof toElements> {
    const universe = this.universe;
    if (!universe) return { nodes: [], edges: [] };
    const key = `${view.mode}/${view.showLibraries}/${view.showNonLoadable}`;
    let elements = this.wholeElements.get(key);
    if (!elements) {
      elements = view.mode === 'providers' ? providerElements(universe) : toElements(universe.graph, view);
      this.wholeElements.set(key, elements);
    }
    return elements;
  }

  private knownPositions(plan: LayoutPlan): Positions | undefined {
    const cached = this.layouts.get(plan.key);
    if (cached) return cached;
    if (plan.kind === 'whole') {
      const ready = this.precomputed?.layouts[layoutKey(plan.view, plan.algorithm)];
      const elements = this.elementsOf(plan.view);
      if (coversAll(ready, elements)) {
        this.layouts.set(plan.key, ready);
        return ready;
      }
      return undefined;
    }
    if (plan.kind === 'groups') {
      const positions = withOffsets(smallLayeredPositions(plan.input), plan.offsets);
      this.layouts.set(plan.key, positions);
      return positions;
    }
    return undefined;
  }

  private async computePositions(plan: LayoutPlan): Promise<Positions> {
    this.service ??= this.options.layoutService?.();
    if (!this.service) throw new Error('no layout service');
    if (plan.kind === 'whole') {
      const positions = await this.service.compute(toLayoutInput(this.elementsOf(plan.view)), plan.algorithm);
      this.layouts.set(plan.key, positions);
      return positions;
    }
    const algorithm = plan.kind === 'computed' ? plan.algorithm : 'layered';
    const positions = withOffsets(await this.service.compute(plan.input, algorithm), plan.offsets);
    this.layouts.set(plan.key, positions);
    return positions;
  }

  /** Target positions of every visible node: the plan's, plus group, isolated and ghost nodes placed around it. */
  private targets(scene: Scene, base: Positions): Positions {
    const targets: Positions = {};
    const missing: string[] = [];
    for (const id of scene.nodeClasses.keys()) {
      const p = base[id];
      if (p) targets[id] = p;
      else missing.push(id);
    }
    if (missing.length === 0) return targets;
    const box = boundingBox(targets, Object.keys(targets));
    const ghosts: NodeElement[] = [];
    for (const id of missing) {
      const v = scene.virtual.get(id);
      if (id === ISOLATED_GROUP_ID && v?.group === 'nodes') {
        const size = v.data.size ?? NODE_SIZE.group;
        targets[id] = box
          ? { x: Math.round((box.x1 + box.x2) / 2), y: Math.round(box.y2 + 60 + size / 2) }
          : { x: 0, y: 0 };
      } else if (v?.group === 'nodes') {
        ghosts.push(v);
      } else {
        // A node outside the plan's picture (a pinned highlight in the whole view): near its members' centre.
        targets[id] = box ? { x: box.x2 + 80, y: box.y1 } : { x: 0, y: 0 };
      }
    }
    if (ghosts.length > 0) {
      const grid = packIsolated(
        ghosts.map((g) => sceneLayoutNode(g, true).node),
        targets,
      );
      Object.assign(targets, grid);
    }
    return targets;
  }

  /**
   * Until the worker answers, nodes that appear start where their group node was (so a category
   * opens out of its node) or, in a focus, at the focused module.
   */
  private startPositions(scene: Scene): void {
    const center = scene.center !== undefined ? this.cy.getElementById(scene.center) : undefined;
    const fallback =
      center && center.nonempty() && this.positioned.has(scene.center ?? '')
        ? { ...center.position() }
        : undefined;
    this.startAt = new Map();
    this.cy.batch(() => {
      for (const id of scene.nodeClasses.keys()) {
        if (this.visibleBefore.has(id)) continue;
        const group = this.memberOfBefore.get(id);
        const from =
          group !== undefined && this.visibleBefore.has(group)
            ? this.cy.getElementById(group).position()
            : undefined;
        const start = from ?? (this.positioned.has(id) ? undefined : fallback);
        if (!start) continue;
        this.startAt.set(id, { x: start.x, y: start.y });
        const node = this.cy.getElementById(id);
        if (node.nonempty()) node.position({ x: start.x, y: start.y });
      }
    });
  }

  private place(
    scene: Scene,
    targets: Positions,
    highlightSignature: string,
    selection: string | undefined,
  ): void {
    // Every animation frame redraws the whole scene: big scenes jump instead of gliding.
    const small = scene.nodeClasses.size + scene.edgeClasses.size <= MAX_ANIMATED_SCENE;
    const animate = this.animate && this.drawnOnce && small;
    const moving: Array<[NodeSingular, Point]> = [];
    this.cy.batch(() => {
      for (const [id, p] of Object.entries(targets)) {
        const node = this.cy.getElementById(id) as NodeSingular;
        if (node.empty()) continue;
        this.positioned.add(id);
        const current = node.position();
        if (current.x === p.x && current.y === p.y) continue;
        const wasVisible = this.visibleBefore.has(id);
        const group = this.memberOfBefore.get(id);
        const burst = group !== undefined && this.visibleBefore.has(group);
        if (animate && (wasVisible || burst)) {
          if (burst && !wasVisible) {
            const from = this.cy.getElementById(group).position();
            node.position({ x: from.x, y: from.y });
          }
          moving.push([node, p]);
        } else {
          node.stop(true, false);
          node.position({ x: p.x, y: p.y });
        }
      }
    });
    if (moving.length > MAX_ANIMATED) {
      this.cy.batch(() => moving.forEach(([node, p]) => node.stop(true, false).position({ x: p.x, y: p.y })));
    } else {
      for (const [node, p] of moving) {
        node.stop(true, false);
        node.animate({ position: p }, { duration: ANIMATION_MS, easing: 'ease-in-out-cubic' });
      }
    }

    const plan = scene.layout;
    if (this.last.layoutKey !== plan.key || !this.drawnOnce) {
      // Dimmed parts are context: the view fits what is not dimmed (a focus shown in the whole graph).
      const lit = [...scene.nodeClasses].filter(([, c]) => !c.includes('dimmed')).map(([id]) => id);
      const keepLabels = plan.kind === 'computed' && scene.center !== undefined;
      this.fit(
        targets,
        lit.length > 0 ? lit : [...scene.nodeClasses.keys()],
        scene.center,
        animate,
        keepLabels,
      );
    } else if (highlightSignature !== '' && highlightSignature !== this.last.highlightSignature) {
      this.fit(targets, highlightSignature.split(','), undefined, animate);
    } else if (selection !== undefined && selection !== this.last.selection) {
      this.reveal(selection, animate);
    }
    this.last = { layoutKey: plan.key, highlightSignature, selection };
    this.visibleBefore = new Set(scene.nodeClasses.keys());
    const memberOf = new Map<string, string>();
    for (const [group, list] of scene.members) for (const m of list) memberOf.set(m, group);
    this.memberOfBefore = memberOf;
    this.drawnOnce = true;
    // Labels once the nodes have arrived.
    if (this.labelTimer) clearTimeout(this.labelTimer);
    if (moving.length > 0 && moving.length <= MAX_ANIMATED && animate) {
      this.labelTimer = setTimeout(() => this.placeLabelsNow(), ANIMATION_MS + 20);
    }
    this.placeLabelsNow();
  }

  /**
   * Fits the viewport to `ids` at their target positions. A focus keeps labels readable (zoom at
   * least {@link MIN_LABEL_SCALE}); when its picture is bigger than the canvas the view is centred
   * on the focused module as far as the picture's edges allow.
   */
  private fit(
    targets: Positions,
    ids: readonly string[],
    center: string | undefined,
    animate: boolean,
    keepLabels = false,
  ): void {
    const width = this.cy.width();
    const height = this.cy.height();
    const points = ids.map((id) => targets[id]).filter((p): p is Point => p !== undefined);
    if (points.length === 0 || width === 0 || height === 0) return;
    const margin = 50;
    const pad = 24;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const x1 = Math.min(...xs) - margin;
    const x2 = Math.max(...xs) + margin;
    const y1 = Math.min(...ys) - margin;
    const y2 = Math.max(...ys) + margin;
    const fitZoom = Math.min((width - 2 * pad) / (x2 - x1), (height - 2 * pad) / (y2 - y1));
    const c = center !== undefined ? targets[center] : undefined;
    const floor = keepLabels ? MIN_LABEL_SCALE : this.cy.minZoom();
    const zoom = Math.max(floor, Math.min(1.6, fitZoom));
    const axis = (lo: number, hi: number, size: number, want: number | undefined): number => {
      const half = size / 2 / zoom;
      if (want === undefined || hi - lo <= 2 * half) return (lo + hi) / 2;
      return Math.min(hi - half, Math.max(lo + half, want));
    };
    const centre = { x: axis(x1, x2, width, c?.x), y: axis(y1, y2, height, c?.y) };
    const viewport = { zoom, pan: { x: width / 2 - zoom * centre.x, y: height / 2 - zoom * centre.y } };
    this.cy.stop(true, false);
    if (animate) this.cy.animate(viewport, { duration: ANIMATION_MS, easing: 'ease-in-out-cubic' });
    else this.cy.viewport(viewport);
  }

  private reveal(id: string, animate: boolean): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    const extent = this.cy.extent();
    const p = node.position();
    const inside =
      p.x > extent.x1 + extent.w * 0.1 &&
      p.x < extent.x2 - extent.w * 0.1 &&
      p.y > extent.y1 + extent.h * 0.1 &&
      p.y < extent.y2 - extent.h * 0.1;
    if (inside) return;
    this.cy.stop(true, false);
    if (animate) this.cy.animate({ center: { eles: node } }, { duration: ANIMATION_MS });
    else this.cy.center(node);
  }

  /**
   * Puts this canvas on screen or takes it off. Coming on screen with its picture complete, it
   * says so at the next frame: switching to a view drawn in the background costs one frame.
   */
  setActive(active: boolean): void {
    if (active === this.active) return;
    this.active = active;
    if (!active) return;
    this.options.events?.busy?.(!this.isSettled, false);
    if (this.scene && this.isSettled) this.painted();
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Whether every change of the last scene is on the canvas (positions included). */
  get isSettled(): boolean {
    return !this.paintPending && this.queueAt >= this.queue.length;
  }

  private painted(): void {
    const scene = this.scene;
    const status = this.options.statusElement ?? this.options.container;
    const info = {
      layoutKey: this.last.layoutKey ?? scene?.layout.key ?? '',
      visibleNodes: scene?.nodeClasses.size ?? 0,
    };
    const done = (): void => {
      if (this.destroyed || !this.active) return;
      // One serial per status element, however many canvases report to it.
      this.paintSerial = Math.max(this.paintSerial, Number(status?.dataset.paintSerial ?? 0)) + 1;
      performance.mark('graph-painted');
      if (status) {
        status.dataset.paintSerial = String(this.paintSerial);
        if (status.dataset.graphReady !== 'true') {
          status.dataset.graphReady = 'true';
          performance.mark('graph-drawn');
        }
      }
      this.options.events?.painted?.(info);
    };
    if (typeof requestAnimationFrame === 'function' && !this.options.headless) requestAnimationFrame(done);
    else done();
  }

  // ---- labels -------------------------------------------------------------------------------

  private scheduleLabels(): void {
    if (this.labelFrame || typeof requestAnimationFrame !== 'function' || this.options.headless) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      this.placeLabelsNow();
    });
  }

  /**
   * Greedy label placement for the current viewport (see labelPlacement.ts): the selection and the
   * hovered node first, then group nodes, the scene's important nodes, then hubs by degree.
   * Applies only the difference (class `labelled` and the label's font size).
   */
  placeLabelsNow(): string[] {
    const scene = this.scene;
    const universe = this.universe;
    if (!scene || !universe) return [];
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const forced = [this.hoverId ?? this.keyboardId, scene.selected].filter(
      (id): id is string => id !== undefined,
    );
    const groups: Array<{ id: string; count: number }> = [];
    const others: Array<{ id: string; degree: number }> = [];
    const early = new Set([...forced, ...scene.labelFirst]);
    for (const [id, classes] of scene.nodeClasses) {
      if (early.has(id)) continue;
      const v = scene.virtual.get(id);
      if (v?.group === 'nodes' && v.data.type === 'group') {
        groups.push({ id, count: v.data.count ?? 0 });
        continue;
      }
      if (classes.includes('dimmed')) continue;
      if ((this.applied.get(id) ?? '').includes('faded')) continue;
      others.push({ id, degree: universe.degree.get(id) ?? 0 });
    }
    groups.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
    others.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const candidates: LabelCandidate[] = [];
    const fonts = new Map<string, number>();
    const push = (id: string, isForced: boolean): void => {
      const node = this.cy.getElementById(id);
      if (node.empty()) return;
      const data = node.data() as NodeData;
      const font = data.type === 'group' ? GROUP_LABEL_FONT : LABEL_FONT;
      const p = node.position();
      const half = halfSize(data);
      fonts.set(id, font);
      candidates.push({
        id,
        text: data.label,
        x: p.x * zoom + pan.x,
        y: p.y * zoom + pan.y,
        halfWidth: half.w * zoom,
        halfHeight: half.h * zoom,
        forced: isForced,
        font,
      });
    };
    const shown = (id: string): boolean => scene.nodeClasses.has(id);
    for (const id of forced) if (shown(id)) push(id, true);
    for (const g of groups) push(g.id, false);
    for (const id of scene.labelFirst) if (shown(id) && !forced.includes(id)) push(id, false);
    for (const o of others) push(o.id, false);
    const placed = placeLabels(candidates, { width: this.cy.width(), height: this.cy.height() }, zoom);
    const next = new Map<string, number>();
    for (const id of placed) next.set(id, Math.round(labelFont(zoom, fonts.get(id)).model * 10) / 10);
    this.cy.batch(() => {
      for (const [id] of this.labelled) {
        if (!next.has(id)) this.cy.getElementById(id).removeClass('labelled');
      }
      for (const [id, fs] of next) {
        const node = this.cy.getElementById(id);
        if (node.data('fs') !== fs) node.data('fs', fs);
        if (!this.labelled.has(id)) node.addClass('labelled');
      }
    });
    this.labelled = next;
    return placed;
  }

  // ---- hover and keyboard -------------------------------------------------------------------

  private hoverSoon(id: string | undefined): void {
    if (this.hoverTimer) clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => this.setHover(id), HOVER_DELAY_MS);
  }

  setHover(id: string | undefined): void {
    const valid = id !== undefined && this.scene?.nodeClasses.has(id) ? id : undefined;
    if (valid === this.hoverId) return;
    this.hoverId = valid;
    this.applyOverlay();
  }

  setKeyboardFocus(id: string | undefined): void {
    const valid = id !== undefined && this.scene?.nodeClasses.has(id) ? id : undefined;
    if (valid === this.keyboardId) return;
    this.keyboardId = valid;
    this.applyOverlay();
    if (valid !== undefined) this.reveal(valid, this.animate);
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  get keyboardFocus(): string | undefined {
    return this.keyboardId;
  }

  /** Visible direct neighbours over the drawn edges: what arrows move to. */
  neighbours(id: string): { dependencies: string[]; dependents: string[] } {
    return directNeighbours(id, this.adjacency);
  }

  visibleNodeIds(): string[] {
    return [...(this.scene?.nodeClasses.keys() ?? [])];
  }

  /** The node the keyboard starts on: the selection if drawn, else the best connected node on screen. */
  startNode(): string | undefined {
    const scene = this.scene;
    if (!scene) return undefined;
    const selected = scene.selected;
    if (scene.center !== undefined) return scene.center;
    if (selected !== undefined && scene.nodeClasses.has(selected)) return selected;
    let best: string | undefined;
    let bestDegree = -1;
    for (const id of scene.nodeClasses.keys()) {
      const d = (this.adjacency.out.get(id)?.length ?? 0) + (this.adjacency.in.get(id)?.length ?? 0);
      if (d > bestDegree || (d === bestDegree && best !== undefined && id < best)) {
        best = id;
        bestDegree = d;
      }
    }
    return best;
  }

  nodeData(id: string): NodeData | undefined {
    const node = this.cy.getElementById(id);
    return node.empty() ? undefined : (node.data() as NodeData);
  }

  /** Fits the whole visible picture (the "Fit graph" button). */
  fitAll(): void {
    const scene = this.scene;
    if (!scene) return;
    const targets: Positions = {};
    for (const id of scene.nodeClasses.keys()) targets[id] = { ...this.cy.getElementById(id).position() };
    this.fit(targets, Object.keys(targets), undefined, this.animate);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.hoverTimer) clearTimeout(this.hoverTimer);
    if (this.labelTimer) clearTimeout(this.labelTimer);
    if (this.labelFrame) cancelAnimationFrame(this.labelFrame);
    if (this.drainFrame) cancelAnimationFrame(this.drainFrame);
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.service?.dispose();
    this.cy.destroy();
  }
}

function withOffsets(positions: Positions, offsets: Record<string, number>): Positions {
  const out: Positions = {};
  for (const [id, p] of Object.entries(positions))
    out[id] = { x: p.x, y: Math.round(p.y - (offsets[id] ?? 0)) };
  return out;
}

function halfSize(data: NodeData): { w: number; h: number } {
  if (data.type === 'library') return { w: NODE_SIZE.library * 0.8, h: NODE_SIZE.library / 2 };
  if (data.type === 'item') return { w: NODE_SIZE.item / 2, h: NODE_SIZE.item / 2 };
  if (data.type === 'group')
    return { w: (data.size ?? NODE_SIZE.group) / 2, h: (data.size ?? NODE_SIZE.group) / 2 };
  return { w: NODE_SIZE.module / 2, h: NODE_SIZE.module / 2 };
}
