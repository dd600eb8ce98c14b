import type { EdgeKind, ModuleGraph } from '../../model';

export interface DotOptions {
  /** Only these modules (a focus, the view on screen); all loadable and built-in modules when absent. */
  modules?: readonly string[];
  /** Edge kinds to write; every kind between written modules when absent. */
  kinds?: readonly EdgeKind[];
}

/** A DOT identifier: quoted, with quotes and backslashes escaped. */
function id(name: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const EDGE_STYLE: Partial<Record<EdgeKind, string>> = {
  requires: 'style=bold',
  optional: 'style=dashed',
  enhances: 'style=dotted',
  conflicts: 'color=red, arrowhead=tee',
  links: 'color=purple, style=dashed',
};

/**
 * The module graph as Graphviz DOT (dependent -> what it needs, one edge per kind), ready for
 * `dot -Tsvg`: modules grouped by category in clusters, support level as the node shape.
 */
export function graphToDot(graph: ModuleGraph, options: DotOptions = {}): string {
  const wanted = options.modules
    ? new Set(options.modules.filter((m) => graph.modules[m] !== undefined))
    : new Set(
        Object.values(graph.modules)
          .filter((m) => m.kind === 'loadable' || m.kind === 'builtin')
          .map((m) => m.name),
      );
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const byCategory = new Map<string, string[]>();
  for (const name of [...wanted].sort()) {
    const category = graph.modules[name]?.category ?? 'other';
    const list = byCategory.get(category) ?? [];
    list.push(name);
    byCategory.set(category, list);
  }
  const lines = [
    `digraph ${id(`asterisk-${graph.info.version}`)} {`,
    '  rankdir=BT;',
    '  node [shape=ellipse, fontname="Helvetica", fontsize=10];',
  ];
  for (const [category, names] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  subgraph ${id(`cluster_${category}`)} {`, `    label=${id(category)};`);
    for (const name of names) {
      const support = graph.modules[name]?.supportLevel;
      const shape = support === 'extended' ? 'box' : support === 'deprecated' ? 'diamond' : 'ellipse';
      lines.push(`    ${id(name)} [shape=${shape}];`);
    }
    lines.push('  }');
  }
  for (const e of graph.edges) {
    if (!wanted.has(e.from) || !wanted.has(e.to)) continue;
    if (kinds && !kinds.has(e.kind)) continue;
    const style = EDGE_STYLE[e.kind];
    lines.push(`  ${id(e.from)} -> ${id(e.to)} [label=${id(e.kind)}${style ? `, ${style}` : ''}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
