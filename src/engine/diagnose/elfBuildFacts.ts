/**
 * What a server's own module files say about its build: a module that needs a symbol another
 * module exports links against it (dlopen fails until that module is open, the loader's `links`
 * facts); a module importing a registration function takes the run-time reference that function
 * takes. Compared with the dataset's `links` edges, module by module.
 */
import type {
  ElfBuildFacts,
  ElfModuleFacts,
  ElfObject,
  ModuleGraph,
  RuntimeReference,
  RuntimeReferenceKind,
} from '../../model';
import { indexEdges } from '../../model';

/** Imported functions whose call takes a run-time reference (see RuntimeReferenceKind). */
const REGISTRATIONS: ReadonlyArray<[string, RuntimeReferenceKind]> = [
  ['__ast_module_shutdown_ref', 'shutdown-self'],
  ['__ast_format_interface_register', 'format-interface'],
  ['__ast_bucket_scheme_register', 'bucket-scheme'],
  ['ast_calendar_register', 'calendar-tech'],
];

/** Symbols every module exports (its module info and constructors), which say nothing about links. */
const NOT_AN_EXPORT = /^(_init|_fini|__bss_start|_edata|_end|__gmon_start__)$/;

const SHOWN_SYMBOLS = 3;

function moduleOf(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.so$/i, '');
}

export function elfBuildFacts(graph: ModuleGraph, objects: readonly ElfObject[]): ElfBuildFacts {
  // Which module exports each symbol; the first file given wins, as the first dlopen would.
  const exporter = new Map<string, string>();
  for (const o of objects) {
    const module = moduleOf(o.file);
    for (const s of o.defined) if (!NOT_AN_EXPORT.test(s) && !exporter.has(s)) exporter.set(s, module);
  }
  const modules: ElfModuleFacts[] = [];
  const differing: string[] = [];
  for (const o of objects) {
    const module = moduleOf(o.file);
    const bySymbol = new Map<string, string[]>();
    for (const s of o.undefined) {
      const from = exporter.get(s);
      if (!from || from === module) continue;
      const list = bySymbol.get(from) ?? [];
      list.push(s);
      bySymbol.set(from, list);
    }
    const links = [...bySymbol.entries()]
      .map(([to, symbols]) => ({ module: to, symbols: symbols.slice(0, SHOWN_SYMBOLS) }))
      .sort((a, b) => a.module.localeCompare(b.module));
    const imported = new Set(o.undefined);
    const registrations = REGISTRATIONS.filter(([symbol]) => imported.has(symbol)).map(([, kind]) => kind);

    const known = graph.modules[module];
    const datasetLinks = new Set(
      (graph.outgoing[module] ?? [])
        .map((i) => graph.edges[i])
        .filter((e) => e?.kind === 'links')
        .map((e) => e?.to ?? ''),
    );
    // Only links to modules whose files were given can be seen: the others are not compared.
    const given = new Set(objects.map((x) => moduleOf(x.file)));
    const buildLinks = new Set(links.map((l) => l.module));
    const linksOnlyInBuild = [...buildLinks].filter((m) => !datasetLinks.has(m)).sort();
    const linksOnlyInDataset = [...datasetLinks].filter((m) => given.has(m) && !buildLinks.has(m)).sort();
    const facts: ElfModuleFacts = {
      module,
      file: o.file,
      links,
      needed: o.needed,
      registrations,
      linksOnlyInBuild: known ? linksOnlyInBuild : [],
      linksOnlyInDataset,
      unknownToDataset: !known,
    };
    modules.push(facts);
    if (known && (linksOnlyInBuild.length > 0 || linksOnlyInDataset.length > 0)) differing.push(module);
  }
  modules.sort((a, b) => a.module.localeCompare(b.module));
  return { modules, differing: differing.sort() };
}

/**
 * The graph as the server's build has it: each given module's `links` to other given modules are
 * those its file shows, the modules they link against export symbols (GLOBAL_SYMBOLS), and a module
 * the dataset has no run-time references for takes those its registration imports imply. References
 * read from the source stay: a symbol imported is a call the code can make, not one its load() makes.
 */
export function applyElfBuildFacts(graph: ModuleGraph, facts: ElfBuildFacts): ModuleGraph {
  const byModule = new Map(facts.modules.filter((m) => !m.unknownToDataset).map((m) => [m.module, m]));
  if (byModule.size === 0) return graph;
  const given = new Set(facts.modules.map((m) => m.module));
  const edges = graph.edges.filter((e) => !(e.kind === 'links' && byModule.has(e.from) && given.has(e.to)));
  const modules = { ...graph.modules };
  for (const m of byModule.values()) {
    for (const link of m.links) {
      const target = modules[link.module];
      if (!target) continue;
      edges.push({
        from: m.module,
        to: link.module,
        kind: 'links',
        sources: [{ kind: 'elf', file: m.file }],
      });
      if (!target.globalSymbols) modules[link.module] = { ...target, globalSymbols: true };
    }
  }
  const known = new Set((graph.runtimeReferences ?? []).map((r) => r.takenBy));
  const added: RuntimeReference[] = [];
  for (const m of byModule.values()) {
    if (known.has(m.module)) continue;
    for (const kind of m.registrations) {
      const calendar = kind === 'calendar-tech';
      added.push({
        module: calendar ? 'res_calendar' : m.module,
        takenBy: m.module,
        kind,
        untilShutdown: !calendar,
        sources: [{ kind: 'elf', file: m.file }],
      });
    }
  }
  const out: ModuleGraph = {
    ...graph,
    info: { ...graph.info, hasLinkFacts: graph.info.hasLinkFacts || edges.some((e) => e.kind === 'links') },
    modules,
    edges,
    ...indexEdges(edges),
  };
  if (added.length > 0 || graph.runtimeReferences)
    out.runtimeReferences = [...(graph.runtimeReferences ?? []), ...added];
  return out;
}
