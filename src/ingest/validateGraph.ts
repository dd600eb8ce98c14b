import {
  CORE_PROVIDER,
  edgesFrom,
  type DependencyEdge,
  type EdgeKind,
  type ModuleGraph,
  type ModuleInfo,
  type Problem,
  type ProvidedItem,
  type ProvidedItemKind,
  type SourceRef,
} from '../model';
import { problemPosition } from './moduleinfo';

/** Edge kinds that mean "needs": a cycle through them can never be satisfied in load order. */
const NEED_KINDS: ReadonlySet<EdgeKind> = new Set(['depends', 'requires', 'optional', 'enhances']);

/** Edge kinds whose target must be a module; `uses-library` targets are libraries by construction. */
const MODULE_TARGET_KINDS: ReadonlySet<EdgeKind> = new Set([
  'depends',
  'requires',
  'optional',
  'enhances',
  'links',
  'conflicts',
]);

function firstPositioned(refs: readonly SourceRef[] | undefined): SourceRef | undefined {
  return refs?.find((r) => r.line !== undefined) ?? refs?.[0];
}

/** Whole-graph checks: self-dependencies, cycles, names that resolve to nothing, non-loadable entries. */
export function validateGraph(graph: ModuleGraph): Problem[] {
  const problems: Problem[] = [];
  for (const edge of graph.edges) {
    if (NEED_KINDS.has(edge.kind) && edge.from === edge.to) {
      problems.push({
        severity: 'warning',
        code: 'self-dependency',
        message: `${edge.from} lists itself as a dependency (${edge.kind}).`,
        ...problemPosition(firstPositioned(edge.sources)),
        module: edge.from,
      });
    }
  }
  problems.push(...findUnresolved(graph));
  problems.push(...findUnknownProviders(graph));
  problems.push(...findCycles(graph));
  for (const module of Object.values(graph.modules)) {
    if (module.kind !== 'non-loadable') continue;
    problems.push({
      severity: 'info',
      code: 'non-loadable',
      message: `${module.name} has a MODULEINFO block but is not a loadable module (a helper or core source file); it is kept but not drawn as a module.`,
      ...problemPosition(firstPositioned(module.sources.moduleinfo ?? module.sources.kind)),
      module: module.name,
    });
  }
  return problems;
}

const ITEM_WORDS: Readonly<Record<ProvidedItemKind, string>> = {
  application: 'application',
  function: 'function',
  manager: 'manager action',
  managerEvent: 'manager event',
  agi: 'AGI command',
};

/**
 * A module made of several source files documents some items under a file's name:
 * `confbridge_manager` (apps/confbridge/confbridge_manager.c, part of app_confbridge) or
 * `parking_manager` (res/parking/, part of res_parking). The module is the one whose name after its
 * folder prefix is the file name's first word.
 */
function owningModule(graph: ModuleGraph, provider: string): string | undefined {
  const word = provider.split('_')[0];
  if (!word || word === provider) return undefined;
  return Object.keys(graph.modules).find((name) => name.slice(name.indexOf('_') + 1) === word);
}

/** Items whose `module="..."` names no module of the graph: the provider would silently vanish. */
function findUnknownProviders(graph: ModuleGraph): Problem[] {
  const problems: Problem[] = [];
  const inferredOnly = new Map<string, ProvidedItem[]>();
  const byInference = new Map<string, boolean>();
  const owners = new Map<string, string>();
  for (const item of graph.items) {
    if (item.module === CORE_PROVIDER) continue;
    const module = graph.modules[item.module];
    if (module) {
      let inferred = byInference.get(module.name);
      if (inferred === undefined) byInference.set(module.name, (inferred = knownOnlyByInference(module)));
      if (inferred) {
        const items = inferredOnly.get(item.module);
        if (items) items.push(item);
        else inferredOnly.set(item.module, [item]);
      }
      continue;
    }
    let owner = owners.get(item.module);
    if (owner === undefined) owners.set(item.module, (owner = owningModule(graph, item.module) ?? ''));
    if (owner !== '') continue;
    problems.push({
      severity: 'warning',
      code: 'unresolved-name',
      message: `${ITEM_WORDS[item.kind]} ${item.name}: provider '${item.module}' is not a module in this dataset.`,
      ...problemPosition(item.source),
    });
  }
  for (const [name, items] of inferredOnly) {
    const first = items[0];
    if (!first) continue;
    problems.push({
      severity: 'info',
      code: 'unresolved-name',
      message: `${name} is known only as the provider of ${items.length === 1 ? `${ITEM_WORDS[first.kind]} ${first.name}` : `${items.length} items (first ${ITEM_WORDS[first.kind]} ${first.name})`}: no MODULEINFO, menuselect or runtime entry names it.`,
      ...problemPosition(first.source),
      module: name,
    });
  }
  return problems;
}

/** A module the xmldoc parser made up from an item's `module` attribute, with no other evidence. */
function knownOnlyByInference(module: ModuleInfo): boolean {
  const refs = Object.values(module.sources).flat();
  return refs.length > 0 && refs.every((r) => r.kind === 'inferred');
}

function findUnresolved(graph: ModuleGraph): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const edge of graph.edges) {
    if (!MODULE_TARGET_KINDS.has(edge.kind) || graph.modules[edge.to] || graph.libraries[edge.to]) continue;
    const key = `${edge.from}\u0000${edge.to}`;
    if (reported.has(key)) continue;
    reported.add(key);
    problems.push({
      severity: 'warning',
      code: 'unresolved-name',
      message: `${edge.from} names ${edge.to} (${edge.kind}), which is neither a module nor a library in this input.`,
      ...problemPosition(firstPositioned(edge.sources)),
      module: edge.from,
    });
  }
  return problems;
}

/**
 * Tarjan's strongly connected components over "needs" edges between modules; each component with
 * more than one module is one cycle report, whatever the number of distinct circuits inside it.
 */
function findCycles(graph: ModuleGraph): Problem[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const needs = (name: string): string[] =>
    edgesFrom(graph, name)
      .filter(
        (e: DependencyEdge) => NEED_KINDS.has(e.kind) && e.to !== e.from && graph.modules[e.to] !== undefined,
      )
      .map((e) => e.to);

  // Iterative, because a long dependency chain would overflow the call stack of a recursive version.
  for (const start of Object.keys(graph.modules)) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: string[]; i: number }> = [];
    const open = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: needs(node), i: 0 });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      if (frame.i < frame.next.length) {
        const target = frame.next[frame.i++] ?? '';
        if (!index.has(target)) open(target);
        else if (onStack.has(target))
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        for (;;) {
          const member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        if (component.length > 1) components.push(component.sort());
      }
    }
  }
  return components.map((names) => {
    const first = names[0] ?? '';
    return {
      severity: 'warning',
      code: 'dependency-cycle',
      message: `Dependency cycle between ${names.join(', ')}: none of them can start before the others.`,
      ...problemPosition(
        firstPositioned(graph.modules[first]?.sources.moduleinfo ?? graph.modules[first]?.sources.kind),
      ),
      module: first,
    } satisfies Problem;
  });
}
