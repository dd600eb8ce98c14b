/**
 * Builds the app's built-in datasets: public/datasets/<version>.xml (Module Metadata XML, see
 * docs/format.md) and public/datasets/index.json.
 *
 * Source of every fact: the project's shared data folder `../shared/data/asterisk` (override with
 * ASTERISK_DATA_DIR), which holds metadata read from the public Asterisk source tree
 * https://github.com/asterisk/asterisk at these tags / commits:
 *   13.38.3  4b05b9b4a8472c8f5703d53d29f692c04c1fce98
 *   16.30.1  9e38ac35042435d53ccad88eb7e3b0e429ed1aca
 *   18.26.4  c576a69f1765fe9761940b564c39f04a786dfcf9
 *   22.10.1  f0e408a7b0d829c85bf15fa4b487870a50cb3000
 *   23.4.1   9c6d578ea138e2a5df3bbc261b82a94424d6ce53
 *   master   f0c1c1a7b79b0f8cc0311649bf36824cbeee30a9 (2026-08-06)
 * Per version it reads menuselect-tree.xml, core-en_US.modules.xml (16.30.1 and later) and
 * runtime.json; for master also loader-traces/modules-metadata.json (facts of a real build of that
 * commit, including link-time dependencies) and loader-traces/modules-builtin.txt (registration order
 * of the built-in modules as logged by that build).
 *
 * For master only, a second real build of the same commit adds what the shared build lacked: the
 * pjsip stack. src/engine/fixtures/pjsip/modules-metadata.json holds facts we recorded ourselves
 * from Asterisk master f0c1c1a7 built with its bundled pjproject 2.17 (docs/pjsip-traces.md; the
 * same shape as the shared modules-metadata.json). Its link facts (`nm -D` of the built .so files)
 * are merged into the master dataset; for the modules both builds have (res_rtp_asterisk,
 * res_prometheus), what only the pjproject build has (their `#ifdef HAVE_PJPROJECT` requires,
 * optional modules and link facts) is added as edges `whenBuiltWith="pjproject"`.
 *
 * The released versions' sources carry no link facts: each borrows master's for the modules of
 * the same name the master builds built (docs/format.md, `linksFrom`).
 *
 * Where the Asterisk clone is present, scripts/extract-runtime-refs.ts reads each dataset's run-time
 * references (shutdown references, format and bucket pins, calendar technologies) from the source
 * at its commit, citing file and line.
 *
 * Run: npm run datasets
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ingestFiles,
  writeMetadataXml,
  type DatasetIndex,
  type DatasetIndexEntry,
  type InputFile,
} from '../src/ingest/index';
import { inferItemProviders } from '../src/ingest/inferItemProviders';
import { DEFAULT_BUILTIN_VERSION, datasetFileName } from '../src/ingest/builtinDatasets';
import { extractRuntimeReferences } from './extract-runtime-refs';
import {
  indexEdges,
  type DependencyEdge,
  type ModuleGraph,
  type Problem,
  type SourceRef,
} from '../src/model';

const REPOSITORY = 'https://github.com/asterisk/asterisk';

interface VersionSource {
  version: string;
  tag: string;
  commit: string;
}

/**
 * Optional second source: a git clone of the Asterisk repository (ASTERISK_GIT_DIR, default
 * ../.mirror/asterisk+asterisk/repo next to this repository). runtime.json evaluates each module's
 * `.load_pri` with today's AST_MODPRI_* values and drops offsets: `AST_MODPRI_APP_DEPEND - 1` is
 * recorded as 80 (res_stasis really starts at 79, as the master loader traces show), and in 13.38.3,
 * whose enum had no AST_MODPRI_CORE, every symbolic priority is shifted (chan_sip is 60 there, not
 * 70). Where the clone is present, each module's `.load_pri` expression is read from its source at
 * the dataset's commit and evaluated with that commit's enum (include/asterisk/module.h).
 */
const gitDir = resolve(
  process.env.ASTERISK_GIT_DIR ??
    join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.mirror', 'asterisk+asterisk', 'repo'),
);

const VERSIONS: readonly VersionSource[] = [
  { version: '13.38.3', tag: '13.38.3', commit: '4b05b9b4a8472c8f5703d53d29f692c04c1fce98' },
  { version: '16.30.1', tag: '16.30.1', commit: '9e38ac35042435d53ccad88eb7e3b0e429ed1aca' },
  { version: '18.26.4', tag: '18.26.4', commit: 'c576a69f1765fe9761940b564c39f04a786dfcf9' },
  { version: '22.10.1', tag: '22.10.1', commit: 'f0e408a7b0d829c85bf15fa4b487870a50cb3000' },
  { version: '23.4.1', tag: '23.4.1', commit: '9c6d578ea138e2a5df3bbc261b82a94424d6ce53' },
  { version: 'master', tag: 'master (2026-08-06)', commit: 'f0c1c1a7b79b0f8cc0311649bf36824cbeee30a9' },
];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.ASTERISK_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data', 'asterisk'));
const outDir = join(repoRoot, 'public', 'datasets');

/** Name recorded as each fact's source: the path inside the shared data, not this machine's. */
function sharedPath(version: string, file: string): string {
  return `shared/data/asterisk/${version}/${file}`;
}

function readInput(version: string, file: string): InputFile | undefined {
  const path = join(dataDir, version, file);
  if (!existsSync(path)) return undefined;
  return { name: sharedPath(version, file), text: readFileSync(path, 'utf8') };
}

function distinctNames(graph: ModuleGraph, kind: 'application' | 'function'): number {
  return new Set(graph.items.filter((i) => i.kind === kind).map((i) => i.name.toLowerCase())).size;
}

function summarise(problems: readonly Problem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems)
    counts.set(`${p.severity} ${p.code}`, (counts.get(`${p.severity} ${p.code}`) ?? 0) + 1);
  return [...counts.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
}

function build(source: VersionSource): ModuleGraph {
  const { version } = source;
  const files = [
    'menuselect-tree.xml',
    'core-en_US.modules.xml',
    'runtime.json',
    'loader-traces/modules-metadata.json',
  ]
    .map((f) => readInput(version, f))
    .filter((f): f is InputFile => f !== undefined);
  const builtinList = readInput(version, 'loader-traces/modules-builtin.txt');
  const builtinOrder = builtinList?.text.split(/\s+/).filter((n) => n !== '');
  const { graph, problems } = ingestFiles(files, {
    version,
    commit: source.commit,
    ...(builtinOrder ? { builtinOrder } : {}),
  });
  if (!graph) throw new Error(`${version}: ${problems.map((p) => p.message).join('\n')}`);
  if (builtinList) graph.info.sources.push({ kind: 'trace-metadata', file: builtinList.name });
  const notable = problems.filter((p) => p.severity !== 'info' || p.code !== 'non-loadable');
  console.log(`${version}: ${files.map((f) => f.name.split('/').slice(4).join('/')).join(', ')}`);
  console.log(`  problems: ${summarise(problems)}`);
  for (const p of notable.slice(0, 400)) console.log(`   - [${p.severity} ${p.code}] ${p.message}`);
  return graph;
}

function indexEntry(source: VersionSource, graph: ModuleGraph): DatasetIndexEntry {
  const { version } = source;
  const modules = Object.values(graph.modules);
  return {
    version,
    commit: source.commit,
    modules: modules.filter((m) => m.kind === 'loadable').length,
    builtins: modules.filter((m) => m.kind === 'builtin').length,
    applications: distinctNames(graph, 'application'),
    functions: distinctNames(graph, 'function'),
    file: datasetFileName(version),
  };
}

function citation(source: VersionSource, graph: ModuleGraph): string {
  return [
    `Asterisk ${source.version}: generated by scripts/build-datasets.ts (npm run datasets); do not edit.`,
    `Facts read from ${REPOSITORY} at ${source.tag}, commit ${source.commit},`,
    `via the shared data files ${graph.info.sources.map((s) => s.file).join(', ')}.`,
  ].join(' ');
}

/** Source files whose module name differs from the file name (built-ins in main/). */
const MODULE_OF_FILE: Readonly<Record<string, string>> = { config: 'extconfig', named_acl: 'acl' };

function git(args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function correctLoadPriorities(graph: ModuleGraph, source: VersionSource): void {
  if (!existsSync(gitDir)) {
    console.warn(`  no Asterisk git clone at ${gitDir}: load priorities stay as runtime.json has them`);
    return;
  }
  const header = git(['show', `${source.commit}:include/asterisk/module.h`]);
  const symbols = new Map<string, number>();
  for (const m of header.matchAll(/\b(AST_MODPRI_[A-Z0-9_]+)\s*=\s*(-?\d+)/g))
    symbols.set(m[1] ?? '', Number(m[2]));
  const listing = git(['grep', '-n', '-E', '\\.load_pri[[:space:]]*=', source.commit, '--', '*.c']);
  let corrected = 0;
  for (const line of listing.split('\n')) {
    const m =
      /^[^:]+:([^:]+):(\d+):.*\.load_pri\s*=\s*(?:(AST_MODPRI_[A-Z0-9_]+)|(\d+))(?:\s*([-+])\s*(\d+))?/.exec(
        line,
      );
    if (!m) continue;
    const [, path = '', lineNo = '0', symbol, literal, op, offset = '0'] = m;
    const file = basename(path, '.c');
    const module = graph.modules[MODULE_OF_FILE[file] ?? file];
    const base = symbol !== undefined ? symbols.get(symbol) : Number(literal);
    if (!module || base === undefined || !module.flags.includes('AST_MODFLAG_LOAD_ORDER')) continue;
    const value = op === '-' ? base - Number(offset) : op === '+' ? base + Number(offset) : base;
    const ref = {
      kind: 'runtime' as const,
      file: `${REPOSITORY}/blob/${source.commit}/${path}`,
      line: Number(lineNo),
    };
    const loadPriorityRefs = module.sources.loadPriority ?? [];
    if (loadPriorityRefs.some((r) => r.kind === 'trace-metadata')) {
      // A real build's recorded priority stays; the source must agree with it.
      if (module.loadPriority !== value)
        console.warn(
          `  ${module.name}: ${path} gives ${value}, the trace recorded ${module.loadPriority}; keeping the trace`,
        );
      continue;
    }
    if (module.loadPriority === value) continue;
    corrected++;
    console.log(
      `  load priority of ${module.name}: ${module.loadPriority} -> ${value} (${line.split(':').slice(3).join(':').trim()} at ${path}:${lineNo})`,
    );
    module.loadPriority = value;
    module.sources.loadPriority = [ref];
  }
  console.log(`  ${corrected} load priorities corrected from the source at ${source.commit.slice(0, 8)}`);
}

/** Facts of our own pjproject build of master, relative to this repository (see the header). */
const PJSIP_BUILD_METADATA = 'src/engine/fixtures/pjsip/modules-metadata.json';
const PJSIP_LIBRARY = 'pjproject';

interface BuildModuleFacts {
  requires?: string[];
  optional_modules?: string[];
  enhances?: string[];
  links_against_global_symbol_modules?: string[];
}

const LISTS: ReadonlyArray<readonly [keyof BuildModuleFacts, DependencyEdge['kind']]> = [
  ['requires', 'requires'],
  ['optional_modules', 'optional'],
  ['enhances', 'enhances'],
  ['links_against_global_symbol_modules', 'links'],
];

/**
 * Merges the pjproject build's facts into master: link facts of the modules only that build has,
 * and, for modules both builds have, each dependency only the pjproject build has, as conditional.
 */
function addPjsipBuildFacts(graph: ModuleGraph): void {
  const path = join(repoRoot, PJSIP_BUILD_METADATA);
  const text = readFileSync(path, 'utf8');
  const built = (JSON.parse(text) as { modules: Record<string, BuildModuleFacts> }).modules;
  const sharedFile = join(dataDir, 'master', 'loader-traces', 'modules-metadata.json');
  const shared = JSON.parse(readFileSync(sharedFile, 'utf8')) as Record<string, BuildModuleFacts>;
  const lines = text.split('\n');
  const lineOf = (name: string): number => lines.findIndex((l) => l.startsWith(`    "${name}": {`)) + 1;
  const edges = [...graph.edges];
  let unconditional = 0;
  let conditional = 0;
  for (const [name, facts] of Object.entries(built)) {
    if (!graph.modules[name]) {
      console.warn(`  ${name}: in ${PJSIP_BUILD_METADATA} but not in the master dataset; skipped`);
      continue;
    }
    const sources: SourceRef[] = [{ kind: 'trace-metadata', file: PJSIP_BUILD_METADATA, line: lineOf(name) }];
    const before = shared[name];
    for (const [field, kind] of LISTS) {
      const targets = facts[field] ?? [];
      if (!before) {
        // A module only the pjproject build has: its loader facts come from runtime.json already.
        if (kind !== 'links') continue;
        for (const to of targets) edges.push({ from: name, to, kind, sources });
        unconditional += targets.length;
        continue;
      }
      const had = before[field] ?? [];
      for (const to of targets.filter((t) => !had.includes(t))) {
        edges.push({ from: name, to, kind, whenBuiltWith: PJSIP_LIBRARY, sources });
        conditional++;
        console.log(
          `  ${name} ${kind} ${to} only when built with ${PJSIP_LIBRARY} (${PJSIP_BUILD_METADATA}:${lineOf(name)})`,
        );
      }
      for (const to of had.filter((t) => !targets.includes(t)))
        console.warn(`  ${name} ${kind} ${to} only in the build without ${PJSIP_LIBRARY}; not modelled`);
    }
  }
  graph.edges = edges;
  Object.assign(graph, indexEdges(edges));
  graph.info.sources.push({ kind: 'trace-metadata', file: PJSIP_BUILD_METADATA });
  console.log(
    `  ${PJSIP_BUILD_METADATA}: ${unconditional} link facts of pjproject-only modules, ${conditional} dependencies only with ${PJSIP_LIBRARY}`,
  );
}

/** The modules the master builds were made of: their link facts are known, even when empty. */
function masterBuiltModules(): Set<string> {
  const shared = join(dataDir, 'master', 'loader-traces', 'modules-metadata.json');
  const names = new Set(Object.keys(JSON.parse(readFileSync(shared, 'utf8')) as Record<string, unknown>));
  const pjsip = JSON.parse(readFileSync(join(repoRoot, PJSIP_BUILD_METADATA), 'utf8')) as {
    modules: Record<string, unknown>;
  };
  for (const name of Object.keys(pjsip.modules)) names.add(name);
  return names;
}

/**
 * A dataset without link facts of its own borrows master's for each module of the same name the
 * master builds built (marked `linksFrom="master"`, each edge citing master's build file); modules
 * master did not build keep the simulation's assumption (links follow requires and enhances).
 */
function borrowMasterLinks(graph: ModuleGraph, master: ModuleGraph, built: ReadonlySet<string>): void {
  if (graph.info.hasLinkFacts) return;
  const edges = [...graph.edges];
  let modules = 0;
  let links = 0;
  for (const module of Object.values(graph.modules)) {
    if (module.kind !== 'loadable' || !built.has(module.name)) continue;
    if (master.modules[module.name]?.kind !== 'loadable') continue;
    module.linksFrom = 'master';
    modules++;
    for (const i of master.outgoing[module.name] ?? []) {
      const edge = master.edges[i];
      if (edge?.kind !== 'links' || graph.modules[edge.to]?.kind !== 'loadable') continue;
      edges.push({ ...edge, sources: edge.sources.map((s) => ({ ...s })) });
      links++;
    }
  }
  graph.edges = edges;
  Object.assign(graph, indexEdges(edges));
  console.log(
    `${graph.info.version}: link facts of ${modules} modules borrowed from master (${links} links)`,
  );
}

function addRuntimeReferences(graph: ModuleGraph, source: VersionSource): void {
  if (!existsSync(gitDir)) {
    console.warn(`  no Asterisk git clone at ${gitDir}: run-time references not known`);
    return;
  }
  const loadable = new Set(
    Object.values(graph.modules)
      .filter((m) => m.kind === 'loadable')
      .map((m) => m.name),
  );
  const { references, notes } = extractRuntimeReferences(gitDir, source.commit, loadable);
  for (const note of notes) console.log(note);
  graph.runtimeReferences = references;
  console.log(
    `  ${references.length} run-time references read from the source at ${source.commit.slice(0, 8)}`,
  );
}

function main(): void {
  if (!existsSync(dataDir)) {
    console.error(`No shared data at ${dataDir}; set ASTERISK_DATA_DIR.`);
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  const built: Array<{ source: VersionSource; graph: ModuleGraph }> = [];
  for (const source of VERSIONS) {
    if (!existsSync(join(dataDir, source.version))) {
      console.warn(`skipping ${source.version}: not in ${dataDir}`);
      continue;
    }
    const graph = build(source);
    correctLoadPriorities(graph, source);
    if (source.version === 'master') addPjsipBuildFacts(graph);
    addRuntimeReferences(graph, source);
    built.push({ source, graph });
  }
  const master = built.find((b) => b.source.version === 'master')?.graph;
  if (master) {
    const masterBuilt = masterBuiltModules();
    for (const { graph } of built) if (graph !== master) borrowMasterLinks(graph, master, masterBuilt);
  }
  const entries: DatasetIndexEntry[] = [];
  built.forEach(({ source, graph: parsed }, i) => {
    // Older xmldocs name no providers; later versions that do are the references, closest first.
    const references = built.slice(i + 1).map((b) => b.graph);
    const { graph, changed } = inferItemProviders(parsed, references);
    if (changed > 0)
      console.log(`${source.version}: providers of ${changed} items taken from later versions' xmldoc`);
    const entry = indexEntry(source, graph);
    writeFileSync(join(outDir, entry.file), writeMetadataXml(graph, { comment: citation(source, graph) }));
    entries.push(entry);
    console.log(
      `wrote public/datasets/${entry.file}: ${entry.modules} modules, ${entry.builtins} built-ins, ${entry.applications} applications, ${entry.functions} functions`,
    );
  });
  const index: DatasetIndex = { default: DEFAULT_BUILTIN_VERSION, datasets: entries };
  writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  console.log(`wrote public/datasets/index.json (default ${index.default})`);
}

main();
