/**
 * The files the Export menu writes, as text, from the state on screen. Each is the real content
 * (the engine builds it); the page only names and downloads it.
 */
import { graphToDot, loadOrderCsv, loadOrderRows, simulationReport } from '../engine';
import type { ModuleGraph } from '../model';
import { transcriptRows } from './simulationText';
import type { SimulationRun } from './simulationTypes';

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

function base(run: SimulationRun): string {
  return `asterisk-${run.graph.info.version}`;
}

export function loadOrderCsvFile(run: SimulationRun): ExportFile {
  return {
    name: `${base(run)}-load-order.csv`,
    type: 'text/csv',
    text: loadOrderCsv(loadOrderRows(run.result)),
  };
}

export function loadOrderJsonFile(run: SimulationRun): ExportFile {
  const rows = loadOrderRows(run.result);
  return {
    name: `${base(run)}-load-order.json`,
    type: 'application/json',
    text: `${JSON.stringify(
      {
        version: run.graph.info.version,
        loader: run.result.loader,
        startupFailed: run.result.startupFailed,
        exitCode: run.result.exitCode,
        modules: rows,
      },
      null,
      2,
    )}\n`,
  };
}

export function transcriptFile(run: SimulationRun): ExportFile {
  return {
    name: `${base(run)}-startup.log`,
    type: 'text/plain',
    text: `${transcriptRows(run.result)
      .map((r) => r.text)
      .join('\n')}\n`,
  };
}

export function reportFile(run: SimulationRun, loaderLabel: string): ExportFile {
  return {
    name: `${base(run)}-simulation-report.md`,
    type: 'text/markdown',
    text: simulationReport({ graph: run.graph, result: run.result, intent: run.intent, loaderLabel }),
  };
}

/** The modules drawn on screen (or all) as Graphviz DOT. */
export function dotFile(graph: ModuleGraph, modules: readonly string[] | undefined): ExportFile {
  return {
    name: `asterisk-${graph.info.version}-modules.dot`,
    type: 'text/vnd.graphviz',
    text: graphToDot(graph, modules ? { modules } : {}),
  };
}
