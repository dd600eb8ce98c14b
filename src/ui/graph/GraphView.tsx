import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Core } from 'cytoscape';
import {
  applyPositions,
  applySelection,
  createCy,
  patchElements,
  revealNode,
  zoomBy,
} from '../../graph/cyAdapter';
import { toElements } from '../../graph/elements';
import type { ElementView, NodeData } from '../../graph/elements';
import { layoutKey, readPrecomputedLayout } from '../../graph/layoutFile';
import { coversAll, toLayoutInput } from '../../graph/layoutInput';
import type { Positions } from '../../graph/layoutInput';
import { createLayoutService } from '../../graph/layoutService';
import type { LayoutService } from '../../graph/layoutService';
import { packIsolated } from '../../graph/packIsolated';
import { selectSimulation, useExplorer } from '../../store';
import { applyOutcomeClasses, outcomeClassesAt } from '../../graph/outcomes';
import type { OutcomeClasses } from '../../graph/outcomes';
import { FaultMenu } from '../simulation/FaultMenu';
import type { FaultMenuTarget } from '../simulation/FaultMenu';
import { nodeIdOfSelection, selectionOfNode } from './nodeSelection';
import { cachePositions, cachedPositions, graphSerial } from './positionsCache';
import { exposeForTests } from './testHooks';
import './graph.css';

interface Drawn {
  key: string;
  version: string;
  nodes: number;
}

/**
 * The cytoscape canvas. Elements come from the pure `toElements`, positions from the precomputed
 * layout of a built-in dataset or from the layout worker; the instance is patched by id, never
 * rebuilt, and destroyed on unmount.
 */
export function GraphView() {
  const graph = useExplorer((s) => s.graph);
  const mode = useExplorer((s) => s.mode);
  const showLibraries = useExplorer((s) => s.showLibraries);
  const showNonLoadable = useExplorer((s) => s.showNonLoadable);
  const algorithm = useExplorer((s) => s.layout);
  const selection = useExplorer((s) => s.selection);
  const precomputedJson = useExplorer((s) => s.precomputedLayout);
  const builtinVersion = useExplorer((s) => (s.source?.kind === 'builtin' ? s.source.version : undefined));
  const select = useExplorer((s) => s.select);
  const simulation = useExplorer(selectSimulation);
  const colourBy = useExplorer((s) => s.colourBy);
  const timelineStep = useExplorer((s) => s.timelineStep);
  const [faultMenu, setFaultMenu] = useState<FaultMenuTarget | undefined>(undefined);
  const outcomesApplied = useRef<{ drawn: Drawn | undefined; classes: OutcomeClasses | undefined }>({
    drawn: undefined,
    classes: undefined,
  });

  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | undefined>(undefined);
  const service = useRef<LayoutService | undefined>(undefined);
  const selectionRef = useRef(selection);
  const [drawn, setDrawn] = useState<Drawn | undefined>(undefined);
  const [failedKey, setFailedKey] = useState<string | undefined>(undefined);

  const view = useMemo<ElementView>(
    () => ({ mode, showLibraries, showNonLoadable }),
    [mode, showLibraries, showNonLoadable],
  );
  const elements = useMemo(() => (graph ? toElements(graph, view) : undefined), [graph, view]);
  const precomputed = useMemo(
    () => (builtinVersion ? readPrecomputedLayout(precomputedJson, builtinVersion) : undefined),
    [precomputedJson, builtinVersion],
  );
  const key = layoutKey(view, algorithm);
  const drawKey = graph ? `${graphSerial(graph)}|${key}` : undefined;

  useEffect(() => {
    selectionRef.current = selection;
  }, [selection]);

  useEffect(() => {
    if (!container.current) return;
    const cy = createCy({ container: container.current });
    cyRef.current = cy;
    cy.on('tap', 'node', (e) => select(selectionOfNode(e.target.data() as NodeData)));
    cy.on('tap', (e) => {
      if (e.target === cy) select(undefined);
    });
    // Right-click (or long press) on a module opens the fault menu of the simulation.
    cy.on('cxttap', 'node', (e) => {
      const data = e.target.data() as NodeData;
      if (data.type !== 'module') return;
      const p = e.renderedPosition ?? e.target.renderedPosition();
      setFaultMenu({ module: data.name, x: p.x, y: p.y });
    });
    cy.on('viewport', () => setFaultMenu(undefined));
    const unexpose = exposeForTests(cy);
    // Notices and panels change the canvas size without a window resize, which is all cytoscape watches.
    const observer = new ResizeObserver(() => cy.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      unexpose();
      service.current?.dispose();
      service.current = undefined;
      cy.destroy();
      cyRef.current = undefined;
    };
  }, [select]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !graph || !elements || !drawKey) return;
    let current = true;
    const version = graph.info.version;

    const draw = (positions: Positions): void => {
      patchElements(cy, elements);
      cy.resize();
      applyPositions(cy, positions, true);
      applySelection(cy, nodeIdOfSelection(selectionRef.current));
      let done = false;
      const markDrawn = (): void => {
        if (done || !current) return;
        done = true;
        if (container.current && container.current.dataset.graphReady !== 'true') {
          container.current.dataset.graphReady = 'true';
          performance.mark('graph-drawn');
        }
        setDrawn({ key: drawKey, version, nodes: elements.nodes.length });
      };
      cy.one('render', markDrawn);
      // cytoscape skips the frame when nothing moved; two frames later it has drawn either way.
      requestAnimationFrame(() => requestAnimationFrame(markDrawn));
    };

    const ready = precomputed?.layouts[key];
    const known = coversAll(ready, elements) ? ready : cachedPositions(graph, key);
    if (known) {
      draw(known);
    } else {
      service.current ??= createLayoutService();
      const input = toLayoutInput(elements);
      service.current.compute(input, algorithm).then(
        (positions) => {
          cachePositions(graph, key, positions);
          if (current) draw(positions);
        },
        () => {
          // A grid is a poor picture but a correct one; the user can still inspect every module.
          if (!current) return;
          setFailedKey(drawKey);
          draw(packIsolated(input.nodes, {}));
        },
      );
    }
    return () => {
      current = false;
    };
  }, [graph, elements, precomputed, key, algorithm, drawKey]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !drawn) return;
    const id = nodeIdOfSelection(selection);
    applySelection(cy, id);
    if (id) revealNode(cy, id);
  }, [selection, drawn]);

  // Outcome colours: recomputed from the result and the timeline step, patched by id (only changes).
  const outcomeClasses = useMemo(() => {
    if (!simulation || colourBy !== 'outcome' || !elements) return undefined;
    const ids = elements.nodes.filter((n) => n.data.type === 'module').map((n) => n.data.id);
    return outcomeClassesAt(simulation.result, ids, timelineStep);
  }, [simulation, colourBy, elements, timelineStep]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !drawn) return;
    const applied = outcomesApplied.current;
    // A redraw resets classes of changed elements, so after one everything is applied afresh.
    const previous = applied.drawn === drawn ? applied.classes : undefined;
    applyOutcomeClasses(cy, outcomeClasses, outcomeClasses ? previous : applied.classes);
    outcomesApplied.current = { drawn, classes: outcomeClasses };
  }, [outcomeClasses, drawn]);

  const closeFaultMenu = useCallback(() => setFaultMenu(undefined), []);

  const layingOut = elements !== undefined && drawn?.key !== drawKey;
  const emptyProviders = mode === 'providers' && elements !== undefined && elements.nodes.length === 0;

  return (
    <section className="graph" aria-label="Module graph" aria-busy={layingOut}>
      <div
        ref={container}
        className="graph-canvas"
        data-testid="graph-canvas"
        data-graph-version={drawn?.version}
        data-graph-key={drawn?.key.split('|')[1]}
        data-node-count={drawn?.nodes}
      />
      {layingOut && graph && (
        <div className="graph-status" role="status">
          Laying out {elements.nodes.length} nodes…
        </div>
      )}
      {failedKey === drawKey && !layingOut && (
        <div className="graph-status graph-status-error" role="status">
          The {algorithm} layout failed; nodes are shown in a grid.
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
          onClick={() => cyRef.current && zoomBy(cyRef.current, 1.3)}
        >
          +
        </button>
        <button
          type="button"
          className="btn btn-icon"
          aria-label="Zoom out"
          title="Zoom out"
          onClick={() => cyRef.current && zoomBy(cyRef.current, 1 / 1.3)}
        >
          −
        </button>
        <button
          type="button"
          className="btn"
          title="Show the whole graph"
          onClick={() => cyRef.current?.fit(undefined, 30)}
        >
          Fit graph
        </button>
      </div>
    </section>
  );
}
