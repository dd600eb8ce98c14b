import type { ModuleGraph } from '../model';
import type { Cycle, ImpactResult, PathsResult } from '../worker';
import { describeCycles, describeImpact, describePaths } from './explainText';
import type { PathQuery } from './explainTypes';
import type { Highlight } from './types';

/** What an explanation asks the graph to draw out (the graph layer only reads `highlight`). */

type Edge = [from: string, to: string];

function uniqueEdges(edges: Iterable<Edge>): Edge[] {
  const seen = new Map<string, Edge>();
  for (const edge of edges) seen.set(`${edge[0]}\n${edge[1]}`, edge);
  return [...seen.values()];
}

/** Paths follow dependency edges, so each step is already dependent -> what it needs. */
function pathEdges(path: readonly string[]): Edge[] {
  return path.slice(1).map((to, i): Edge => [path[i] ?? '', to]);
}

/** The union of the paths, or one path when `only` is the index of it. */
export function pathsHighlight(query: PathQuery, result: PathsResult, only?: number): Highlight | undefined {
  const paths = only === undefined ? result.paths : result.paths.slice(only, only + 1);
  const first = paths[0];
  if (!first) return undefined;
  const nodes = [...new Set(paths.flat())];
  return {
    kind: 'path',
    title:
      only === undefined
        ? describePaths(query, result)
        : `Path ${only + 1} of ${result.paths.length}: ${first.join(' → ')}`,
    ...(first[0] !== undefined ? { origin: first[0] } : {}),
    nodes,
    edges: uniqueEdges(paths.flatMap(pathEdges)),
  };
}

function hasEdge(graph: ModuleGraph, from: string, to: string): boolean {
  return (graph.outgoing[from] ?? []).some((i) => graph.edges[i]?.to === to);
}

/**
 * The module, everything it takes down, and for each the edge to what it went down because of
 * (`via`), drawn the way the graph's own edge between the two points (dependent -> what it
 * needs); a reference without a dependency edge is drawn as if it were one.
 */
export function impactHighlight(graph: ModuleGraph, result: ImpactResult): Highlight {
  const edges: Edge[] = [];
  for (const module of result.modules) {
    const cause = result.via[module] ?? result.module;
    edges.push(
      hasEdge(graph, cause, module) && !hasEdge(graph, module, cause) ? [cause, module] : [module, cause],
    );
  }
  return {
    kind: 'impact',
    title: describeImpact(result),
    origin: result.module,
    nodes: [result.module, ...result.modules.filter((m) => m !== result.module)],
    edges: uniqueEdges(edges),
  };
}

export function cycleHighlight(cycles: readonly Cycle[], index: number): Highlight | undefined {
  const cycle = cycles[index];
  if (!cycle) return undefined;
  return {
    kind: 'cycle',
    title: `${describeCycles(cycles)}; cycle ${index + 1}: ${cycle.summary}`,
    ...(cycle.modules[0] !== undefined ? { origin: cycle.modules[0] } : {}),
    nodes: [...cycle.modules],
    edges: uniqueEdges(cycle.edges.map((e): Edge => [e.from, e.to])),
  };
}
