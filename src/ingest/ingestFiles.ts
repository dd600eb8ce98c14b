import type { ModuleGraph, Problem } from '../model';
import { borrowRuntimeFacts, hasRuntimeFacts } from './borrowRuntimeFacts';
import { DEFAULT_BUILTIN_VERSION } from './builtinDatasets';
import { parseModuleSource } from './cSource/parseModuleSource';
import { detectFormat, type InputFormat } from './detectFormat';
import { fragmentOf, type GraphFragment } from './fragment';
import { inferItemProviders } from './inferItemProviders';
import { mergeFragments, type MergeOptions } from './mergeFragments';
import { parseMetadataXml } from './metadataXml/parseMetadataXml';
import { parseMenuselectTree } from './parseMenuselectTree';
import { parseRuntimeJson } from './parseRuntimeJson';
import { parseTraceMetadata } from './parseTraceMetadata';
import { parseXmldoc } from './parseXmldoc';
import { validateGraph } from './validateGraph';
import { rootElementName } from './xml/scan';
import { checkWellFormed } from './xml/wellFormed';

export interface InputFile {
  /** Name as the user opened it; used in problems and as the source of every fact. */
  name: string;
  text: string;
}

export interface IngestOptions extends MergeOptions {
  /**
   * Built-in datasets, oldest first (as BUILTIN_VERSIONS): load order facts are borrowed from the
   * best match when the files carry none, and providers of items an old xmldoc leaves unnamed are
   * looked up in them.
   */
  builtinDatasets?: readonly ModuleGraph[];
  /** Dataset version to borrow from instead of the best match. */
  runtimeFactsVersion?: string;
}

export interface IngestResult {
  /** Undefined when no file was usable, or when any file was unusable (so the previous graph stays). */
  graph: ModuleGraph | undefined;
  problems: Problem[];
  /** Detected format of each input file, in input order. */
  formats: InputFormat[];
}

function parseOne(file: InputFile, format: InputFormat): { fragment?: GraphFragment; problems: Problem[] } {
  switch (format) {
    case 'xmldoc': {
      const r = parseXmldoc(file.text, file.name);
      return { ...(r.data ? { fragment: r.data } : {}), problems: r.problems };
    }
    case 'menuselect-tree': {
      const r = parseMenuselectTree(file.text, file.name);
      return { ...(r.data ? { fragment: r.data } : {}), problems: r.problems };
    }
    case 'runtime-json': {
      const r = parseRuntimeJson(file.text, file.name);
      return { ...(r.data ? { fragment: r.data } : {}), problems: r.problems };
    }
    case 'trace-metadata-json': {
      const r = parseTraceMetadata(file.text, file.name);
      return { ...(r.data ? { fragment: r.data } : {}), problems: r.problems };
    }
    case 'metadata-xml': {
      const r = parseMetadataXml(file.text, file.name);
      return { ...(r.data ? { fragment: fragmentOf(r.data) } : {}), problems: r.problems };
    }
    case 'c-source': {
      const r = parseModuleSource(file.text, file.name);
      return { ...(r.data ? { fragment: r.data } : {}), problems: r.problems };
    }
    case 'modules-conf':
      return {
        problems: [
          {
            severity: 'info',
            code: 'unknown-format',
            message: `${file.name} is a modules.conf: it configures the loader simulation and adds nothing to the module graph.`,
            file: file.name,
          },
        ],
      };
    default:
      return { problems: [unknownInput(file)] };
  }
}

function unknownInput(file: InputFile): Problem {
  const trimmed = file.text.trimStart();
  if (trimmed.startsWith('<')) {
    const malformed = checkWellFormed(file.text, file.name);
    if (malformed) return malformed;
    return {
      severity: 'error',
      code: 'unknown-root',
      message: `${file.name}: root element <${rootElementName(file.text) ?? '?'}> is none of <docs> (xmldoc), <menu> (menuselect-tree) or <moduleMetadata> (Module Metadata XML).`,
      file: file.name,
      line: 1,
      column: 1,
    };
  }
  return {
    severity: 'error',
    code: 'unknown-format',
    message: `${file.name} is not a format this app reads (xmldoc, menuselect-tree, Module Metadata XML, runtime.json, modules-metadata.json, a module's C source).`,
    file: file.name,
  };
}

/**
 * A module's C source alone makes a graph of one module; a developer wants to see it among the
 * modules it lives with, so it is merged onto a built-in dataset (the one named, else the default).
 * A module the built-in already has is replaced, not merged: the developer's source is the newer word.
 */
function baseForModuleSources(
  files: readonly InputFile[],
  own: readonly GraphFragment[],
  builtinDatasets: readonly ModuleGraph[] | undefined,
  version: string | undefined,
): { fragment: GraphFragment; note: Problem } | undefined {
  if (!builtinDatasets || builtinDatasets.length === 0) return undefined;
  const wanted = version ?? DEFAULT_BUILTIN_VERSION;
  const graph =
    builtinDatasets.find((g) => g.info.version === wanted) ?? builtinDatasets[builtinDatasets.length - 1];
  if (!graph) return undefined;
  const base = fragmentOf(graph);
  const replaced = new Set(own.flatMap((f) => Object.keys(f.modules)).filter((n) => n in base.modules));
  const modules = Object.fromEntries(Object.entries(base.modules).filter(([n]) => !replaced.has(n)));
  const edges = base.edges.filter((e) => !replaced.has(e.from));
  const names = files.map((f) => f.name).join(', ');
  const replacing = replaced.size > 0 ? ` It replaces the built-in ${[...replaced].join(', ')}.` : '';
  return {
    fragment: { ...base, modules, edges },
    note: {
      severity: 'info',
      code: 'runtime-facts-borrowed',
      message: `${names} was merged onto the built-in Asterisk ${graph.info.version} dataset, so the module appears among its modules and in the load order.${replacing}`,
    },
  };
}

/**
 * Detects each file's format from its content, parses it and merges everything into one graph.
 * When no file carries loader facts and built-in datasets are given, borrows them (see
 * borrowRuntimeFacts).
 */
export function ingestFiles(files: readonly InputFile[], options: IngestOptions = {}): IngestResult {
  const problems: Problem[] = [];
  const fragments: GraphFragment[] = [];
  const formats: InputFormat[] = [];
  let failed = false;
  for (const file of files) {
    const format = detectFormat(file.text);
    formats.push(format);
    const result = parseOne(file, format);
    problems.push(...result.problems);
    if (result.fragment) fragments.push(result.fragment);
    else if (format !== 'modules-conf') failed = true;
  }
  if (fragments.length === 0 || failed) return { graph: undefined, problems, formats };
  const { builtinDatasets, runtimeFactsVersion, ...mergeOptions } = options;
  const base = formats.every((f) => f === 'c-source' || f === 'modules-conf')
    ? baseForModuleSources(files, fragments, builtinDatasets, runtimeFactsVersion)
    : undefined;
  if (base) {
    fragments.unshift(base.fragment);
    problems.push(base.note);
  }
  const merged = mergeFragments(fragments, mergeOptions);
  problems.push(...merged.problems);
  let graph = merged.graph;
  if (builtinDatasets && builtinDatasets.length > 0) {
    if (!hasRuntimeFacts(graph)) {
      const borrowed = borrowRuntimeFacts(graph, builtinDatasets, runtimeFactsVersion);
      graph = borrowed.graph;
      problems.push(...borrowed.problems);
    }
    // An xmldoc from before Asterisk 20 names no providers; newer built-in xmldocs do.
    const newestFirst = [...builtinDatasets].reverse();
    graph = inferItemProviders(graph, newestFirst).graph;
  }
  problems.push(...validateGraph(graph));
  return { graph, problems, formats };
}
