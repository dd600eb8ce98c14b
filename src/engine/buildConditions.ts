/**
 * Dependencies that exist only in builds with an external library (`DependencyEdge.whenBuiltWith`):
 * master's res_prometheus requires res_pjsip, and res_rtp_asterisk res_pjproject, only inside
 * `#ifdef HAVE_PJPROJECT`. Which build the user runs shows in the module files present: a build
 * without pjproject has none of the modules that `<depend>` on it.
 */
import { indexEdges, type ModuleGraph, type Problem } from '../model';
import { moduleKey } from './names';

export interface BuildGraph {
  /** The graph without the edges this build lacks (the same object when it lacks none). */
  graph: ModuleGraph;
  /** Libraries the module files show the build was made without, alphabetically. */
  librariesMissing: string[];
  problems: Problem[];
}

const variants = new WeakMap<ModuleGraph, Map<string, ModuleGraph>>();

interface Libraries {
  /** Libraries some edge exists only with. */
  conditional: Set<string>;
  /** Per such library, the loadable modules that `<depend>` on it. */
  needing: Map<string, string[]>;
}

const librariesCache = new WeakMap<ModuleGraph, Libraries>();

/** Read once per graph: every simulation asks, and large graphs have many edges. */
function librariesOf(graph: ModuleGraph): Libraries {
  const hit = librariesCache.get(graph);
  if (hit) return hit;
  const conditional = new Set<string>();
  for (const e of graph.edges) if (e.whenBuiltWith !== undefined) conditional.add(e.whenBuiltWith);
  const needing = new Map<string, string[]>();
  for (const e of conditional.size === 0 ? [] : graph.edges) {
    if (e.kind !== 'uses-library' || e.optional !== false || !conditional.has(e.to)) continue;
    if (graph.modules[e.from]?.kind !== 'loadable') continue;
    const list = needing.get(e.to);
    if (list) list.push(e.from);
    else needing.set(e.to, [e.from]);
  }
  const libraries = { conditional, needing };
  librariesCache.set(graph, libraries);
  return libraries;
}

/**
 * The graph as the build behind `files` has it. A library counts as missing only when some module
 * of the dataset needs it (`<depend>`) and none of those modules' files is present; a library no
 * module needs cannot be judged and stays.
 */
export function graphForBuild(graph: ModuleGraph, files: readonly string[]): BuildGraph {
  const { conditional, needing } = librariesOf(graph);
  if (conditional.size === 0) return { graph, librariesMissing: [], problems: [] };
  const present = new Set(files.map(moduleKey));
  const librariesMissing = [...conditional]
    .filter((lib) => {
      const modules = needing.get(lib);
      return modules !== undefined && !modules.some((m) => present.has(moduleKey(m)));
    })
    .sort();
  if (librariesMissing.length === 0) return { graph, librariesMissing, problems: [] };

  const key = librariesMissing.join(' ');
  let byKey = variants.get(graph);
  if (!byKey) {
    byKey = new Map();
    variants.set(graph, byKey);
  }
  const left = graph.edges.filter(
    (e) => e.whenBuiltWith !== undefined && librariesMissing.includes(e.whenBuiltWith),
  );
  let variant = byKey.get(key);
  if (!variant) {
    const edges = graph.edges.filter((e) => !left.includes(e));
    variant = { ...graph, edges, ...indexEdges(edges) };
    byKey.set(key, variant);
  }
  const problems: Problem[] = librariesMissing.map((lib) => ({
    severity: 'info',
    code: 'build-without-library',
    message: `None of the modules that need ${lib} is among the module files, so this build was made without ${lib}: left out ${left
      .filter((e) => e.whenBuiltWith === lib)
      .map((e) => `${e.from} ${e.kind} ${e.to}`)
      .join(', ')}.`,
  }));
  return { graph: variant, librariesMissing, problems };
}
