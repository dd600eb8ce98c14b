import type { DependencyEdge, ModuleGraph } from './graph';

/** Both directions of every edge, so "what does X need" and "what needs X" are one lookup each. */
export function indexEdges(edges: readonly DependencyEdge[]): Pick<ModuleGraph, 'outgoing' | 'incoming'> {
  const outgoing: Record<string, number[]> = {};
  const incoming: Record<string, number[]> = {};
  edges.forEach((edge, i) => {
    (outgoing[edge.from] ??= []).push(i);
    (incoming[edge.to] ??= []).push(i);
  });
  return { outgoing, incoming };
}

export function edgesFrom(graph: ModuleGraph, name: string): DependencyEdge[] {
  return (graph.outgoing[name] ?? []).map((i) => graph.edges[i]).filter((e): e is DependencyEdge => !!e);
}

export function edgesTo(graph: ModuleGraph, name: string): DependencyEdge[] {
  return (graph.incoming[name] ?? []).map((i) => graph.edges[i]).filter((e): e is DependencyEdge => !!e);
}
