import { useId, useState } from 'react';
import { useHeaderMenu } from '../header/useHeaderMenu';
import type { ReactNode } from 'react';
import { svgToPng, graphSvg } from '../../graph/svgExport';
import {
  dotFile,
  loadOrderCsvFile,
  loadOrderJsonFile,
  reportFile,
  resultLoader,
  selectPlan,
  selectSimulation,
  transcriptFile,
  useExplorer,
  useExplorerStore,
} from '../../store';
import type { ExportFile, SimulationRun } from '../../store';
import { activeGraph } from '../graph/activeGraph';
import { downloadBlob, downloadText } from '../files/download';

function save(file: ExportFile): void {
  downloadText(file.name, file.text, file.type);
}

interface Item {
  label: string;
  hint: string;
  disabled?: boolean;
  run: () => void | Promise<void>;
}

/**
 * Everything that can leave the page as a file: the graph as a picture (SVG, PNG; the whole
 * graph or the part on screen, legend included) or as Graphviz DOT, the simulated load order (CSV,
 * JSON), its log and a Markdown report, the dataset as Module Metadata XML, and the planned
 * modules.conf.
 */
export function ExportMenu() {
  const store = useExplorerStore();
  const menuId = useId();
  const [open, setOpen] = useHeaderMenu();
  const [busy, setBusy] = useState(false);
  const graph = useExplorer((s) => s.graph);
  const simulation = useExplorer(selectSimulation);
  const plan = useExplorer(selectPlan);
  const exportXml = useExplorer((s) => s.exportMetadataXml);

  const version = graph?.info.version ?? 'custom';
  const picture = async (format: 'svg' | 'png', visibleOnly: boolean): Promise<void> => {
    const controller = activeGraph();
    if (!controller) return;
    const s = store.getState();
    const title = `Asterisk ${version} · ${s.mode === 'providers' ? 'providers' : 'modules'}${
      s.selection ? ` · ${s.selection.name}` : ''
    } · Asterisk Module Explorer`;
    const svg = graphSvg(controller.cy, { visibleOnly, title });
    const name = `asterisk-${version}-graph${visibleOnly ? '-view' : ''}`;
    if (format === 'svg') downloadText(`${name}.svg`, svg, 'image/svg+xml');
    else downloadBlob(`${name}.png`, await svgToPng(svg));
  };
  // The files made from the last simulation run: offered once there is one.
  const fromRun = (label: string, hint: string, file: (run: SimulationRun) => ExportFile): Item => ({
    label,
    hint: simulation ? hint : 'run a simulation first',
    disabled: simulation === undefined,
    run: () => simulation && save(file(simulation)),
  });
  const items: Item[] = [
    {
      label: 'Graph as SVG',
      hint: 'the whole graph as drawn, with its legend',
      run: () => picture('svg', false),
    },
    {
      label: 'Graph as PNG',
      hint: 'the whole graph, twice the screen resolution',
      run: () => picture('png', false),
    },
    { label: 'View as SVG', hint: 'only the part on screen', run: () => picture('svg', true) },
    { label: 'View as PNG', hint: 'only the part on screen', run: () => picture('png', true) },
    {
      label: 'Graph as Graphviz DOT',
      hint: 'the modules on screen, for dot -Tsvg',
      run: () => {
        if (!graph) return;
        const drawn = activeGraph()
          ?.visibleNodeIds()
          .filter((id) => graph.modules[id] !== undefined);
        save(dotFile(graph, drawn && drawn.length > 0 ? drawn : undefined));
      },
    },
    fromRun('Load order as CSV', 'every module: start position, state, why', loadOrderCsvFile),
    fromRun('Load order as JSON', 'the same, for scripts', loadOrderJsonFile),
    fromRun('Startup log', 'the simulated Asterisk log, as text', transcriptFile),
    fromRun(
      'Simulation report (Markdown)',
      'what modules.conf asks for, declines with why: for a ticket',
      (run) => reportFile(run, resultLoader(run.result).name),
    ),
    {
      label: 'Module Metadata XML',
      hint: 'the dataset, readable by this app again',
      run: async () => {
        const xml = await exportXml();
        if (xml !== undefined) downloadText(`asterisk-${version}-modules.xml`, xml, 'application/xml');
      },
    },
    {
      label: 'Planned modules.conf',
      hint: plan ? 'from the Plan tab' : 'plan one in the Plan tab first',
      disabled: plan === undefined,
      run: () => plan && downloadText('modules.conf', plan.text),
    },
  ];

  const entry = (item: Item): ReactNode => (
    <li role="none" key={item.label}>
      <button
        type="button"
        role="menuitem"
        disabled={item.disabled === true || busy}
        onClick={() => {
          setOpen(false);
          setBusy(true);
          void Promise.resolve(item.run()).finally(() => setBusy(false));
        }}
      >
        {item.label}
        <span className="dim">{item.hint}</span>
      </button>
    </li>
  );

  return (
    <div className="header-menu">
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={!graph}
        onClick={() => setOpen((o) => !o)}
      >
        Export
      </button>
      {open && (
        <ul id={menuId} className="header-menu-list" role="menu" aria-label="Export">
          {items.map(entry)}
        </ul>
      )}
    </div>
  );
}
