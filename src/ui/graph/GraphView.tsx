import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { zoomBy } from '../../graph/cyAdapter';
import { GraphController } from '../../graph/graphController';
import type { NodeData } from '../../graph/elements';
import { readPrecomputedLayout } from '../../graph/layoutFile';
import { createLayoutService } from '../../graph/layoutService';
import { diagnosisClasses, outcomeClassesAt } from '../../graph/outcomes';
import { LARGE_GRAPH_MODULES } from '../../graph/scene';
import type { Scene } from '../../graph/scene';
import type { GraphUniverse, GroupKey } from '../../graph/universe';
import { selectServerRun, selectSimulation, useExplorer } from '../../store';
import { FaultMenu } from '../simulation/FaultMenu';
import { FocusPath } from '../toolbar/FocusPath';
import type { FaultMenuTarget } from '../simulation/FaultMenu';
import { describeNode, useGraphKeyboard } from './graphKeyboard';
import { selectionOfNode } from './nodeSelection';
import { exposeForTests } from './testHooks';
import { setActiveGraph } from './activeGraph';
import { useGraphScene } from './useGraphScene';
import './graph.css';

interface Drawn {
  version: string;
  key: string;
  nodes: number;
}

/** A group too big to draw says so instead of freezing the page. */
export function tooBigMessage(name: string, count: number): string {
  return `${name} has ${count.toLocaleString('en-US')} modules — too many to draw at once; search or focus a module instead`;
}

/** A focus that reaches too many modules to draw says so; the whole (grouped) view stays. */
export function tooBigFocusMessage(name: string, count: number): string {
  return `${name} reaches ${count.toLocaleString('en-US')} modules — too many to draw at once; try Hops or one direction`;
}

/**
 * The cytoscape canvas. A dataset's elements are added once; every state change of the store
 * becomes a scene (graph/scene.ts) that the controller applies as a diff of classes and, when the
 * picture changes, new positions (animated). Keyboard: arrows walk the edges, Enter selects.
 */
export function GraphView() {
  const sceneState = useGraphScene();
  const graph = useExplorer((s) => s.graph);
  const mode = useExplorer((s) => s.mode);
  const algorithm = useExplorer((s) => s.layout);
  const precomputedJson = useExplorer((s) => s.precomputedLayout);
  const builtinVersion = useExplorer((s) => (s.source?.kind === 'builtin' ? s.source.version : undefined));
  const select = useExplorer((s) => s.select);
  const clearFocus = useExplorer((s) => s.clearFocus);
  const setGroupExpanded = useExplorer((s) => s.setGroupExpanded);
  const setIsolatedExpanded = useExplorer((s) => s.setIsolatedExpanded);
  const simulation = useExplorer(selectSimulation);
  const colourBy = useExplorer((s) => s.colourBy);
  const timelineStep = useExplorer((s) => s.timelineStep);
  // On the Server tab the graph shows what really happened on the user's server.
  const serverDiagnosis = useExplorer((s) =>
    s.sidePanelTab === 'server' ? selectServerRun(s)?.diagnosis : undefined,
  );

  const container = useRef<HTMLDivElement>(null);
  const modulesLayer = useRef<HTMLDivElement>(null);
  const providersLayer = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<GraphController | undefined>(undefined);
  // One canvas per view: the one not on screen is kept drawn in idle time, so a view switch shows
  // a finished picture instead of restyling a thousand elements while the user waits.
  const [controllers, setControllers] = useState<ViewControllers | undefined>(undefined);
  const controller = controllers?.[mode];
  const [faultMenu, setFaultMenu] = useState<FaultMenuTarget | undefined>(undefined);
  const [drawn, setDrawn] = useState<Drawn | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const universeRef = useRef<GraphUniverse | undefined>(undefined);

  const precomputed = useMemo(
    () => (builtinVersion ? readPrecomputedLayout(precomputedJson, builtinVersion) : undefined),
    [precomputedJson, builtinVersion],
  );

  /** A click or Enter on a group node opens it in place, unless it is too big to draw. */
  const expandGroup = useCallback(
    (data: NodeData) => {
      if (data.id === 'group:isolated') {
        setIsolatedExpanded(true);
        return;
      }
      const count = data.count ?? 0;
      if (count > LARGE_GRAPH_MODULES) {
        setMessage(tooBigMessage(data.name, count));
        return;
      }
      setMessage(undefined);
      setGroupExpanded(data.name as GroupKey, true);
    },
    [setGroupExpanded, setIsolatedExpanded],
  );

  const activate = useCallback(
    (data: NodeData) => {
      if (data.type === 'group') expandGroup(data);
      else if (data.type !== 'ghost') select(selectionOfNode(data));
    },
    [expandGroup, select],
  );
  const activateRef = useRef(activate);
  useEffect(() => {
    activateRef.current = activate;
  }, [activate]);

  useEffect(() => {
    const status = container.current;
    if (!status || !modulesLayer.current || !providersLayer.current) return;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    // The canvas off screen works only while the page is still: not within a moment of an input,
    // not while the canvas on screen is still drawing.
    const noteInput = (): void => {
      lastInputAt = performance.now();
    };
    for (const type of ['pointerdown', 'keydown', 'wheel'] as const)
      window.addEventListener(type, noteInput, { capture: true, passive: true });
    const made: { both?: ViewControllers } = {};
    const mayWorkInBackground = (): boolean =>
      stillSinceInput() &&
      made.both !== undefined &&
      [made.both.modules, made.both.providers].every((c) => !c.isActive || c.isSettled);
    const make = (layer: HTMLElement): GraphController =>
      new GraphController({
        container: layer,
        statusElement: status,
        prefillProviders: false,
        mayWorkInBackground,
        layoutService: createLayoutService,
        animate: !reduceMotion,
        events: {
          tapNode: (data) => activateRef.current(data),
          tapBackground: () => clearFocus(),
          contextNode: (data, p) => {
            if (data.type === 'module') setFaultMenu({ module: data.name, x: p.x, y: p.y });
          },
          viewport: () => setFaultMenu(undefined),
          busy: (isBusy, isFailed) => {
            setBusy(isBusy);
            setFailed(isFailed);
          },
          painted: (info) => {
            const version = universeRef.current?.graph.info.version ?? '';
            setDrawn((d) =>
              d && d.version === version && d.key === info.layoutKey && d.nodes === info.visibleNodes
                ? d
                : { version, key: info.layoutKey, nodes: info.visibleNodes },
            );
          },
        },
      });
    const both: ViewControllers = {
      modules: make(modulesLayer.current),
      providers: make(providersLayer.current),
    };
    made.both = both;
    setControllers(both);
    // Notices and panels change the canvas size without a window resize, which is all cytoscape watches.
    const observer = new ResizeObserver(() => {
      both.modules.cy.resize();
      both.providers.cy.resize();
    });
    observer.observe(status);
    return () => {
      observer.disconnect();
      for (const type of ['pointerdown', 'keydown', 'wheel'] as const)
        window.removeEventListener(type, noteInput, { capture: true });
      both.modules.destroy();
      both.providers.destroy();
      controllerRef.current = undefined;
    };
  }, [clearFocus]);

  // The view on screen: its canvas shows, takes the pointer and reports painting.
  useEffect(() => {
    if (!controllers || !controller) return;
    controllers[otherMode(mode)].setActive(false);
    controller.setActive(true);
    controllerRef.current = controller;
    setActiveGraph(controller);
    const unexpose = exposeForTests(controller.cy);
    return () => {
      unexpose();
      setActiveGraph(undefined);
    };
  }, [controllers, controller, mode]);

  // New dataset: its elements replace the old ones; then every scene is a diff.
  useEffect(() => {
    if (!controllers || !controller || !sceneState) return;
    if (universeRef.current !== sceneState.universe) {
      universeRef.current = sceneState.universe;
      controllers.modules.setDataset(sceneState.universe, precomputed);
      controllers.providers.setDataset(sceneState.universe, precomputed);
      setMessage(undefined);
      const canvas = container.current;
      if (canvas) canvas.dataset.elementsComplete = 'false';
      const universe = sceneState.universe;
      scheduleIdleWork(controllers.modules, () => {
        // Tests wait for this before counting elements: every element of the dataset is on the canvas.
        if (canvas && universeRef.current === universe) canvas.dataset.elementsComplete = 'true';
      });
    }
    controller.show(sceneState.scene);
    // Past a real Asterisk's size, drawing the other view in the background costs the page more
    // than switching to it progressively does.
    if (Object.keys(sceneState.universe.graph.modules).length > BACKGROUND_VIEW_MAX_MODULES) return;
    return keepDrawnInBackground(controllers[otherMode(mode)], controller, sceneState.otherView);
  }, [controllers, controller, sceneState, precomputed, mode]);

  // Outcome colours: recomputed from the result and the timeline step, patched by id (only changes).
  const outcomeClasses = useMemo(() => {
    if (serverDiagnosis && graph) return diagnosisClasses(serverDiagnosis, Object.keys(graph.modules));
    if (!simulation || colourBy !== 'outcome' || !graph) return undefined;
    return outcomeClassesAt(simulation.result, Object.keys(graph.modules), timelineStep);
  }, [simulation, colourBy, graph, timelineStep, serverDiagnosis]);

  useEffect(() => {
    controller?.setOutcomes(outcomeClasses);
  }, [outcomeClasses, controller]);

  useEffect(() => {
    controllers?.[otherMode(mode)].setOutcomes(outcomeClasses);
  }, [outcomeClasses, controllers, mode]);

  const closeFaultMenu = useCallback(() => setFaultMenu(undefined), []);
  const keyboard = useGraphKeyboard(controller, activate, clearFocus);

  const layingOut = graph !== undefined && (busy || drawn === undefined);
  // Most changes are drawn within a few frames: say so only when it takes noticeably longer.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!layingOut) return;
    const timer = setTimeout(() => setSlow(true), 250);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [layingOut]);
  const emptyProviders =
    mode === 'providers' && sceneState !== undefined && sceneState.scene.nodeClasses.size === 0;

  return (
    <section className="graph" aria-label="Module graph" aria-busy={layingOut}>
      <div
        ref={container}
        className="graph-canvas"
        data-testid="graph-canvas"
        data-graph-version={drawn?.version}
        data-graph-key={drawn?.key}
        data-node-count={drawn?.nodes}
        tabIndex={0}
        role="application"
        aria-label="Module graph"
        aria-roledescription="graph"
        aria-describedby="graph-keys"
        onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => keyboard.onKeyDown(e)}
        onFocus={keyboard.onFocus}
        onBlur={keyboard.onBlur}
      >
        <div
          ref={modulesLayer}
          className="graph-layer"
          data-view="modules"
          aria-hidden={mode !== 'modules'}
        />
        <div
          ref={providersLayer}
          className="graph-layer"
          data-view="providers"
          aria-hidden={mode !== 'providers'}
        />
      </div>
      <p id="graph-keys" className="visually-hidden">
        Arrow up moves to a dependency, arrow down to a dependent, left and right to the previous or next one
        of the same list; Home goes to the selected module, Enter selects (or opens a group), Escape clears
        the focus.
      </p>
      <div
        className="visually-hidden"
        role="status"
        aria-label="Keyboard focus"
        data-testid="graph-announcer"
      >
        {keyboard.announcement}
      </div>
      <FocusPath />
      {layingOut && slow && (
        <div className="graph-status" role="status">
          Laying out…
        </div>
      )}
      {failed && !layingOut && (
        <div className="graph-status graph-status-error" role="status">
          The {algorithm} layout failed; nodes are shown in a grid.
        </div>
      )}
      {sceneState?.scene.refusedFocus && (
        <div className="graph-status graph-status-error graph-message" role="alert">
          {tooBigFocusMessage(sceneState.scene.refusedFocus.center, sceneState.scene.refusedFocus.count)}
        </div>
      )}
      {message && (
        <div className="graph-status graph-status-error graph-message" role="alert">
          {message}
          <button type="button" className="btn btn-small" onClick={() => setMessage(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      {emptyProviders && (
        <div className="graph-empty">
          This dataset lists no applications, functions, AMI actions or AGI commands (its source has no
          xmldoc).
        </div>
      )}
      {faultMenu && <FaultMenu target={faultMenu} onClose={closeFaultMenu} />}
      <div className="graph-zoom" role="group" aria-label="Zoom">
        <button
          type="button"
          className="btn btn-icon"
          aria-label="Zoom in"
          title="Zoom in"
          onClick={() => controllerRef.current && zoomBy(controllerRef.current.cy, 1.3)}
        >
          +
        </button>
        <button
          type="button"
          className="btn btn-icon"
          aria-label="Zoom out"
          title="Zoom out"
          onClick={() => controllerRef.current && zoomBy(controllerRef.current.cy, 1 / 1.3)}
        >
          −
        </button>
        <button
          type="button"
          className="btn"
          title="Show the whole picture"
          onClick={() => controllerRef.current?.fitAll()}
        >
          Fit graph
        </button>
      </div>
    </section>
  );
}

/**
 * Idle-time work after a new dataset is drawn: start the layout worker, then add the elements no
 * scene has needed yet (modules, the provider view) a slice at a time, so later switches are
 * class changes and no slice blocks the page.
 */
type ViewMode = 'modules' | 'providers';
type ViewControllers = Record<ViewMode, GraphController>;

const otherMode = (mode: ViewMode): ViewMode => (mode === 'providers' ? 'modules' : 'providers');

/**
 * How long the page must stay still (no click, key or scroll) before the view not on screen
 * catches up with it: the user is reading, not acting.
 */
const BACKGROUND_DELAY_MS = 1500;
/** When the user last pressed, clicked or scrolled (the graph view listens while mounted). */
let lastInputAt = 0;

function stillSinceInput(): boolean {
  return performance.now() - lastInputAt > BACKGROUND_DELAY_MS;
}

/** Graphs up to this size (Asterisk has about 650 modules) keep the other view drawn. */
const BACKGROUND_VIEW_MAX_MODULES = 1500;

/**
 * Brings the canvas of the view not on screen up to the current state once the page has been
 * still for a while and the canvas on screen has finished, so its work never competes with what
 * the user is looking at. Returns the cancel for the effect's cleanup.
 */
function keepDrawnInBackground(
  background: GraphController,
  onScreen: GraphController,
  scene: () => Scene,
): () => void {
  let idle = 0;
  let cancelled = false;
  let derived: Scene | undefined;
  // Deriving the other view's scene and starting to draw it are two idle periods, not one.
  const step = (): void => {
    if (cancelled || background.isDestroyed) return;
    if (!onScreen.isSettled || !stillSinceInput()) {
      schedule();
      return;
    }
    if (!derived) {
      derived = scene();
      schedule();
      return;
    }
    background.show(derived);
  };
  const schedule = (): void => {
    idle =
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(step, { timeout: 3000 })
        : window.setTimeout(step, 100);
  };
  const timer = window.setTimeout(schedule, BACKGROUND_DELAY_MS);
  return () => {
    cancelled = true;
    window.clearTimeout(timer);
    if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idle);
    else window.clearTimeout(idle);
  };
}

function scheduleIdleWork(controller: GraphController, done: () => void): void {
  let warmed = false;
  const step = (deadline?: IdleDeadline): void => {
    if (controller.isDestroyed) return;
    if (!warmed) {
      controller.prewarmLayout();
      warmed = true;
    }
    // One slice per idle period: cytoscape styles and measures the added elements in the redraw
    // that follows, so the slice's own call is only part of its cost.
    const more = deadline === undefined || deadline.timeRemaining() > 5 ? controller.prefill() : true;
    if (more) schedule();
    else done();
  };
  const schedule = (): void => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(step, { timeout: 2000 });
    else setTimeout(() => step(), 60);
  };
  schedule();
}

export { describeNode };
