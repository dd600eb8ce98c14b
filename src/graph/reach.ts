/**
 * What a node reaches over the edges on screen, for the hover / keyboard highlight: everything it
 * needs (following edges from dependent to what it needs) and everything that needs it, with the
 * edges on the way.
 */
export interface SceneEdge {
  id: string;
  source: string;
  target: string;
}

export interface Reach {
  dependencies: Set<string>;
  dependents: Set<string>;
  dependencyEdges: Set<string>;
  dependentEdges: Set<string>;
}

export interface Adjacency {
  out: Map<string, SceneEdge[]>;
  in: Map<string, SceneEdge[]>;
}

export function adjacencyOf(edges: Iterable<SceneEdge>): Adjacency {
  const out = new Map<string, SceneEdge[]>();
  const inc = new Map<string, SceneEdge[]>();
  for (const e of edges) {
    if (e.source === e.target) continue;
    const o = out.get(e.source);
    if (o) o.push(e);
    else out.set(e.source, [e]);
    const i = inc.get(e.target);
    if (i) i.push(e);
    else inc.set(e.target, [e]);
  }
  return { out, in: inc };
}

function walk(
  origin: string,
  step: Map<string, SceneEdge[]>,
  far: (e: SceneEdge) => string,
): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const queue = [origin];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] ?? '';
    for (const e of step.get(node) ?? []) {
      edges.add(e.id);
      const next = far(e);
      if (next === origin || nodes.has(next)) continue;
      nodes.add(next);
      queue.push(next);
    }
  }
  return { nodes, edges };
}

export function reachOf(origin: string, adjacency: Adjacency): Reach {
  const down = walk(origin, adjacency.out, (e) => e.target);
  const up = walk(origin, adjacency.in, (e) => e.source);
  return {
    dependencies: down.nodes,
    dependents: up.nodes,
    dependencyEdges: down.edges,
    dependentEdges: up.edges,
  };
}

/** Direct neighbours in drawing order (by id), for keyboard moves. */
export function directNeighbours(
  id: string,
  adjacency: Adjacency,
): { dependencies: string[]; dependents: string[] } {
  const uniq = (list: string[]): string[] => [...new Set(list)].sort();
  return {
    dependencies: uniq((adjacency.out.get(id) ?? []).map((e) => e.target)),
    dependents: uniq((adjacency.in.get(id) ?? []).map((e) => e.source)),
  };
}

/** Overlay classes for a hovered or keyboard-focused node: reach in two styles, the rest faded. */
export function reachClasses(
  origin: string,
  adjacency: Adjacency,
  visibleNodes: Iterable<string>,
  visibleEdges: Iterable<string>,
): Map<string, string> {
  const reach = reachOf(origin, adjacency);
  const classes = new Map<string, string>();
  for (const id of visibleNodes) {
    if (id === origin) classes.set(id, 'reach-origin');
    else if (reach.dependencies.has(id)) classes.set(id, 'reach-dep');
    else if (reach.dependents.has(id)) classes.set(id, 'reach-rdep');
    else classes.set(id, 'faded');
  }
  for (const id of visibleEdges) {
    if (reach.dependencyEdges.has(id)) classes.set(id, 'reach-dep');
    else if (reach.dependentEdges.has(id)) classes.set(id, 'reach-rdep');
    else classes.set(id, 'faded');
  }
  return classes;
}
