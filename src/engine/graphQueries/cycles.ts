/**
 * Dependency cycles: strongly connected components of the dependency graph, each with a sentence
 * a person can read, however large the component.
 */
import type { EdgeKind, ModuleGraph } from '../../model';
import type { Adjacency, QueryEdge, Rows } from './adjacency';
import { DEFAULT_QUERY_KINDS, adjacency, edgesWithin, neighbours } from './adjacency';

export interface Cycle {
  /** The loop the summary walks first, then the rest of the component by name. */
  modules: string[];
  /** Every edge of the chosen kinds between members. */
  edges: QueryEdge[];
  summary: string;
}

export interface CycleOptions {
  kinds?: readonly EdgeKind[];
}

/** A loop with more modules than this is written with its middle left out. */
const FULL_LOOP = 6;

/** Components of more than one module, and modules that need themselves; largest first, then by name. */
export function findCycles(graph: ModuleGraph, options: CycleOptions = {}): Cycle[] {
  const kinds = options.kinds ?? DEFAULT_QUERY_KINDS;
  const adj = adjacency(graph, kinds);
  const cycles = stronglyConnected(adj.out, adj.nodes.names.length)
    .filter((c) => c.length > 1 || neighbours(adj.out, c[0] ?? 0).includes(c[0] ?? -1))
    .map((component) => describe(graph, adj, component, kinds));
  return cycles.sort(
    (a, b) =>
      b.modules.length - a.modules.length ||
      ((a.modules[0] ?? '') < (b.modules[0] ?? '')
        ? -1
        : (a.modules[0] ?? '') > (b.modules[0] ?? '')
          ? 1
          : 0),
  );
}

/**
 * Tarjan's algorithm with an explicit stack instead of recursion, so a component of thousands of
 * modules cannot overflow the call stack. Each component's members are sorted by id (name order).
 * Components come in the order Tarjan closes them, which puts every component after all the
 * components it reaches.
 */
export function stronglyConnected(out: Rows, n: number): number[][] {
  const { start, list } = out;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const cursor = new Int32Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const enter = (v: number, calls: number[]): void => {
    index[v] = counter;
    low[v] = counter;
    counter++;
    cursor[v] = start[v] ?? 0;
    stack.push(v);
    onStack[v] = 1;
    calls.push(v);
  };
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const calls: number[] = [];
    enter(root, calls);
    while (calls.length > 0) {
      const v = calls[calls.length - 1] ?? 0;
      const c = cursor[v] ?? 0;
      if (c < (start[v + 1] ?? 0)) {
        cursor[v] = c + 1;
        const w = list[c] ?? 0;
        if (index[w] === -1) enter(w, calls);
        else if (onStack[w]) low[v] = Math.min(low[v] ?? 0, index[w] ?? 0);
        continue;
      }
      calls.pop();
      const parent = calls[calls.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] ?? 0, low[v] ?? 0);
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop() ?? v;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      components.push(component.sort((a, b) => a - b));
    }
  }
  return components;
}

function describe(
  graph: ModuleGraph,
  adj: Adjacency,
  component: number[],
  kinds: readonly EdgeKind[],
): Cycle {
  const names = adj.nodes.names;
  const member = new Set(component);
  const inside = (v: number): number[] => [...neighbours(adj.out, v)].filter((w) => member.has(w));
  const first = component[0] ?? 0;
  const single = component.every((v) => inside(v).length === 1);
  const loop = single ? walk(first, inside) : shortestLoop(first, inside);
  const onLoop = new Set(loop);
  const ordered = [...loop, ...component.filter((v) => !onLoop.has(v))].map((v) => names[v] ?? '');
  const edges = edgesWithin(graph, new Set(ordered), kinds);
  const loopText = writeLoop(loop.map((v) => names[v] ?? ''));
  let summary: string;
  if (component.length === 1) summary = `${ordered[0] ?? ''} needs itself: ${loopText}`;
  else if (single && loop.length <= FULL_LOOP) summary = loopText;
  else if (single) summary = `${thousands(component.length)} modules in one cycle: ${loopText}`;
  else
    summary = `${thousands(component.length)} modules depend on each other (${thousands(edges.length)} edges), for example ${loopText}`;
  return { modules: ordered, edges, summary };
}

/** Follows the only way out of each member until back at the start. */
function walk(first: number, inside: (v: number) => number[]): number[] {
  const loop = [first];
  for (let v = inside(first)[0] ?? first; v !== first; v = inside(v)[0] ?? first) loop.push(v);
  return loop;
}

/** A shortest loop through `first` (breadth-first inside the component; ties go to lower names). */
function shortestLoop(first: number, inside: (v: number) => number[]): number[] {
  const parent = new Map<number, number>();
  const queue = [first];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i] ?? first;
    for (const w of inside(v)) {
      if (w === first) {
        const back = [];
        for (let u = v; u !== first; u = parent.get(u) ?? first) back.push(u);
        return [first, ...back.reverse()];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [first];
}

/** "a → b → c → a", or with the middle left out when long: "a → b → c → … → z → a". */
function writeLoop(loop: readonly string[]): string {
  const shown =
    loop.length <= FULL_LOOP ? [...loop] : [...loop.slice(0, 3), '…', loop[loop.length - 1] ?? ''];
  return [...shown, loop[0] ?? ''].join(' → ');
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
