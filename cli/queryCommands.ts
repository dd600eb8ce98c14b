/**
 * The graph questions on the command line (systemd-analyze style): `deps`, `path`, `impact`,
 * `cycles`, `diff`. A readable tree by default, a stable JSON document with --json.
 */
import type { EdgeKind, ModuleGraph } from '../src/model';
import type { FocusResult, ImpactKind, ImpactResult, PathsResult, VersionDiff } from '../src/engine';
import {
  DEFAULT_PATH_CAP,
  DEFAULT_QUERY_KINDS,
  diffGraphs,
  findCycles,
  findPaths,
  focusNeighbourhood,
  graphToDot,
  impactOf,
  kindsBetween,
  loaderForVersion,
  resolveModule,
  suggestModule,
} from '../src/engine';
import { BUILTIN_VERSIONS, DEFAULT_BUILTIN_VERSION } from '../src/ingest';
import { loadData } from './data';
import type { CliIo } from './io';
import type { QueryArgs } from './queryArgs';
import { formatProblem } from './report';
import type { TreeNode } from './tree';
import { renderForest, renderTree } from './tree';

/** Runs one query command; resolves to the exit status. */
export function runQuery(args: QueryArgs, io: CliIo): number {
  if (args.command === 'diff') return runDiff(args, io);
  const graph = loadGraph(args.data, io);
  if (!graph) return 1;
  const names = args.command === 'cycles' ? [] : args.targets.map((t) => resolveModule(graph, t));
  const unknown = args.targets.filter((_, i) => names[i] === undefined)[0];
  if (args.command !== 'cycles' && unknown !== undefined) {
    const hint = suggestModule(graph, unknown);
    io.stderr(
      `error: unknown module '${unknown}' in Asterisk ${graph.info.version}${hint ? `; did you mean ${hint}?` : '.'}\n`,
    );
    return 1;
  }
  const [first = '', second = ''] = names.map((n) => n ?? '');
  switch (args.command) {
    case 'deps':
      return printDeps(graph, first, args, io);
    case 'path':
      return printPaths(graph, first, second, args, io);
    case 'impact':
      return printImpact(graph, impactOf(graph, first, args.as), args, io);
    case 'cycles':
      return printCycles(graph, args, io);
  }
}

function isBuiltinVersion(spec: string): boolean {
  return (BUILTIN_VERSIONS as readonly string[]).includes(spec);
}

/** `--data` as `simulate` reads it; without it, the newest built-in release, said on stderr. */
function loadGraph(data: readonly string[], io: CliIo): ModuleGraph | undefined {
  let specs = data;
  if (specs.length === 0) {
    specs = [DEFAULT_BUILTIN_VERSION];
    io.stderr(
      `Using the built-in dataset ${DEFAULT_BUILTIN_VERSION} (newest release); choose another with --data.\n`,
    );
  }
  const unknown = specs.find((spec) => !isBuiltinVersion(spec) && !io.exists(spec));
  if (unknown !== undefined) {
    io.stderr(
      `error: unknown version or file '${unknown}' (built-in versions: ${BUILTIN_VERSIONS.join(', ')}).\n`,
    );
    return undefined;
  }
  const { graph, problems } = loadData(specs, io);
  for (const p of problems) if (p.severity === 'error') io.stderr(`${formatProblem(p)}\n`);
  if (!graph && problems.length === 0) io.stderr(`error: --data ${specs.join(', ')} gave no module graph.\n`);
  return graph;
}

function json(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

function print(io: CliIo, lines: readonly string[]): void {
  io.stdout(`${lines.join('\n')}\n`);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function kindsNote(kinds: readonly EdgeKind[] | undefined): string {
  return kinds ? ` (edges: ${kinds.join(', ')})` : '';
}

function label(name: string, kinds: readonly EdgeKind[]): string {
  return kinds.length > 0 ? `${name} [${kinds.join(', ')}]` : name;
}

// --- deps ----------------------------------------------------------------------------------

function printDeps(graph: ModuleGraph, name: string, args: QueryArgs, io: CliIo): number {
  const mode = args.dependents ? 'dependents' : 'dependencies';
  const transitive = args.transitive || args.depth !== undefined;
  const depth = transitive ? args.depth : 1;
  const kinds = args.kinds ?? DEFAULT_QUERY_KINDS;
  const r = focusNeighbourhood(graph, name, depth === undefined ? { mode, kinds } : { mode, depth, kinds });
  const modules = r.nodes.slice(1);
  if (args.dot) {
    io.stdout(graphToDot(graph, { modules: r.nodes, kinds }));
    return 0;
  }
  if (args.json) {
    json(io, {
      module: r.center,
      modules,
      direction: mode,
      transitive,
      dataset: graph.info.version,
      edges: r.edges,
    });
    return 0;
  }
  const reach = !transitive
    ? 'directly'
    : depth === undefined
      ? 'directly or not'
      : `within ${plural(depth, 'step')}`;
  const question = mode === 'dependencies' ? `What ${r.center} needs` : `What needs ${r.center}`;
  print(io, [
    `${question} in Asterisk ${graph.info.version}, ${reach}${kindsNote(args.kinds)}:`,
    ...renderTree(spanningTree(r, mode)),
    modules.length === 0 ? 'Nothing.' : `${plural(modules.length, 'module')}.`,
  ]);
  return 0;
}

/**
 * Each module once, under the first module (by distance, then name) it is reached from; kinds
 * on each line are those of the edges between it and its parent.
 */
function spanningTree(r: FocusResult, mode: 'dependencies' | 'dependents'): TreeNode {
  const nodes = new Map<string, TreeNode>(r.nodes.map((n) => [n, { label: n, children: [] }]));
  const linkKinds = new Map<string, EdgeKind[]>();
  for (const e of r.edges) {
    const [parent, child] = mode === 'dependencies' ? [e.from, e.to] : [e.to, e.from];
    const key = `${parent}\n${child}`;
    linkKinds.set(key, [...(linkKinds.get(key) ?? []), e.kind]);
  }
  for (const n of r.nodes.slice(1)) {
    const d = r.distance[n] ?? 0;
    const parent = r.nodes.find((p) => r.distance[p] === d - 1 && linkKinds.has(`${p}\n${n}`));
    const node = nodes.get(n);
    if (parent === undefined || !node) continue;
    node.label = label(n, linkKinds.get(`${parent}\n${n}`) ?? []);
    nodes.get(parent)?.children?.push(node);
  }
  return nodes.get(r.center) ?? { label: r.center };
}

// --- path ----------------------------------------------------------------------------------

function printPaths(graph: ModuleGraph, from: string, to: string, args: QueryArgs, io: CliIo): number {
  const kinds = args.kinds ?? DEFAULT_QUERY_KINDS;
  const cap = args.max ?? DEFAULT_PATH_CAP;
  const r = findPaths(graph, from, to, { kinds, cap });
  if (args.json) {
    json(io, { paths: r.paths, direction: r.direction, truncated: r.truncated, dataset: graph.info.version });
    return 0;
  }
  const version = graph.info.version;
  if (r.direction === 'none') {
    print(io, [
      `${from} and ${to} are not connected by dependencies in Asterisk ${version}${kindsNote(args.kinds)}.`,
    ]);
    return 0;
  }
  const count = `${r.truncated ? 'the first ' : ''}${plural(r.paths.length, 'path')}`;
  const header =
    r.direction === 'forward'
      ? `How ${from} needs ${to} in Asterisk ${version}${kindsNote(args.kinds)}: ${count}, shortest first:`
      : `${from} does not need ${to}, but ${to} needs ${from} in Asterisk ${version}${kindsNote(args.kinds)}: ${count}, shortest first:`;
  const lines = [header, ...renderTree(pathTree(graph, r, kinds))];
  if (r.truncated) lines.push(`There are more; --max ${cap * 2} shows up to ${cap * 2}.`);
  print(io, lines);
  return 0;
}

/** The paths merged on their common beginnings, so each shared step is printed once. */
function pathTree(graph: ModuleGraph, r: PathsResult, kinds: readonly EdgeKind[]): TreeNode {
  const root: TreeNode = { label: r.paths[0]?.[0] ?? '', children: [] };
  const index = new Map<TreeNode, Map<string, TreeNode>>();
  for (const path of r.paths) {
    let at = root;
    for (let i = 1; i < path.length; i++) {
      const name = path[i] ?? '';
      let children = index.get(at);
      if (!children) {
        children = new Map();
        index.set(at, children);
      }
      let next = children.get(name);
      if (!next) {
        next = { label: label(name, kindsBetween(graph, path[i - 1] ?? '', name, kinds)), children: [] };
        children.set(name, next);
        at.children?.push(next);
      }
      at = next;
    }
  }
  return root;
}

// --- impact --------------------------------------------------------------------------------

const AS_TEXT: Record<ImpactKind, (m: string) => string> = {
  fail: (m) => `${m} declines in its load()`,
  missing: (m) => `${m}.so is missing`,
  noload: (m) => `${m} is noloaded`,
  unload: (m) => `${m} is unloaded`,
};

function printImpact(graph: ModuleGraph, r: ImpactResult, args: QueryArgs, io: CliIo): number {
  if (args.json) {
    json(io, {
      module: r.module,
      modules: r.modules,
      as: r.as,
      dataset: graph.info.version,
      chains: r.chains,
      notes: r.notes,
    });
    return 0;
  }
  const where = `Asterisk ${graph.info.version}, ${loaderForVersion(graph.info.version)} loader`;
  const lines = [
    r.modules.length === 0
      ? `If ${AS_TEXT[r.as](r.module)} (${where}), nothing else goes down.`
      : `If ${AS_TEXT[r.as](r.module)} (${where}), ${plural(r.modules.length, 'module goes', 'modules go')} down with it:`,
  ];
  if (r.modules.length > 0) {
    const nodes = new Map<string, TreeNode>([[r.module, { label: r.module, children: [] }]]);
    for (const m of r.modules) nodes.set(m, { label: m, children: [] });
    for (const m of r.modules) nodes.get(r.via[m] ?? r.module)?.children?.push(nodes.get(m) ?? { label: m });
    lines.push(...renderTree(nodes.get(r.module) ?? { label: r.module }));
  }
  if (r.notes.length > 0) lines.push('Notes:', ...r.notes.map((n) => `  - ${n}`));
  print(io, lines);
  return 0;
}

// --- cycles --------------------------------------------------------------------------------

/** Cycles larger than this are listed by their summary alone, without every edge. */
const CYCLE_EDGES_SHOWN = 12;

function printCycles(graph: ModuleGraph, args: QueryArgs, io: CliIo): number {
  const cycles = findCycles(graph, args.kinds ? { kinds: args.kinds } : {});
  if (args.json) {
    json(io, {
      cycles: cycles.map((c) => c.modules),
      summaries: cycles.map((c) => c.summary),
      dataset: graph.info.version,
    });
    return 0;
  }
  const version = graph.info.version;
  if (cycles.length === 0) {
    print(io, [`No dependency cycles in Asterisk ${version}${kindsNote(args.kinds)}.`]);
    return 0;
  }
  const trees: TreeNode[] = cycles.map((c) => {
    const pairs = new Map<string, EdgeKind[]>();
    for (const e of c.edges)
      pairs.set(`${e.from} → ${e.to}`, [...(pairs.get(`${e.from} → ${e.to}`) ?? []), e.kind]);
    return {
      label: c.summary,
      children:
        c.edges.length > CYCLE_EDGES_SHOWN
          ? []
          : [...pairs].map(([pair, kinds]) => ({ label: label(pair, kinds) })),
    };
  });
  print(io, [
    `${plural(cycles.length, 'dependency cycle')} in Asterisk ${version}${kindsNote(args.kinds)}:`,
    ...renderForest(trees),
  ]);
  return 0;
}

// --- diff ----------------------------------------------------------------------------------

function runDiff(args: QueryArgs, io: CliIo): number {
  const graphs: ModuleGraph[] = [];
  for (const spec of args.targets) {
    const graph = loadGraph([spec], io);
    if (!graph) return 1;
    graphs.push(graph);
  }
  const [a, b] = graphs;
  if (!a || !b) return 1;
  const d = diffGraphs(a, b);
  if (args.json) {
    json(io, {
      added: d.added,
      removed: d.removed,
      changed: d.changed,
      from: d.from,
      to: d.to,
      renamed: d.renamed,
      notes: d.notes,
    });
    return 0;
  }
  print(io, diffText(d));
  return 0;
}

function diffText(d: VersionDiff): string[] {
  const section = (title: string, items: readonly TreeNode[]): string[] => [
    `${title} (${items.length})`,
    ...renderForest(items),
  ];
  const byModule = new Map<string, TreeNode>();
  for (const c of d.changed) {
    let node = byModule.get(c.module);
    if (!node) {
      node = { label: c.module, children: [] };
      byModule.set(c.module, node);
    }
    node.children?.push({ label: c.what });
  }
  return [
    `From Asterisk ${d.from} to ${d.to}:`,
    ...section(
      'Added',
      d.added.map((label) => ({ label })),
    ),
    ...section(
      'Removed',
      d.removed.map((label) => ({ label })),
    ),
    ...section(
      'Renamed-looking',
      d.renamed.map((r) => ({ label: `${r.from} -> ${r.to}`, children: [{ label: r.why }] })),
    ),
    `Changed (${plural(d.changed.length, 'change')} in ${plural(byModule.size, 'module')})`,
    ...renderForest([...byModule.values()]),
    ...(d.notes.length > 0 ? ['Notes:', ...d.notes.map((n) => `  - ${n}`)] : []),
  ];
}
