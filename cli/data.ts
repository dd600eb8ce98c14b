/** Resolves `--data` arguments into one ModuleGraph: built-in versions and/or files, merged. */
import type { ModuleGraph, Problem } from '../src/model';
import { BUILTIN_VERSIONS, ingestFiles, validateGraph } from '../src/ingest';
import type { InputFile } from '../src/ingest';
import { loadBuiltinDatasetNode } from '../src/ingest/node/loadBuiltinDataset';
import { readFileSync } from 'node:fs';
import { builtinDatasetPath } from '../src/ingest';
import type { CliIo } from './io';
import { readTextFile } from './textFile';

export interface LoadedData {
  graph: ModuleGraph | undefined;
  problems: Problem[];
}

function isBuiltinVersion(spec: string): boolean {
  return (BUILTIN_VERSIONS as readonly string[]).includes(spec);
}

export function loadData(specs: readonly string[], io: CliIo): LoadedData {
  // A file named like a version wins over the built-in dataset of that name.
  const builtins = specs.filter((s) => isBuiltinVersion(s) && !io.exists(s));
  if (builtins.length === specs.length && builtins.length === 1) {
    // What the UI shows for a built-in dataset: the whole-graph checks of validateGraph.
    const graph = loadBuiltinDatasetNode(builtins[0] ?? '');
    return { graph, problems: validateGraph(graph) };
  }
  const files: InputFile[] = [];
  const problems: Problem[] = [];
  for (const spec of specs) {
    if (builtins.includes(spec)) {
      files.push({ name: `${spec}.xml`, text: readFileSync(builtinDatasetPath(spec), 'utf8') });
      continue;
    }
    // The same gate and decoding as the worker's: UTF-16, BOMs and CRLF read alike in CLI and UI.
    const read = readTextFile(io, spec, 'data', '--data');
    if (read.text !== undefined) files.push({ name: spec, text: read.text });
    else if (read.problem.message.startsWith('Cannot read'))
      problems.push({
        ...read.problem,
        message: `${read.problem.message.replace(/\.$/, '')} (built-in versions: ${BUILTIN_VERSIONS.join(', ')}).`,
      });
    else problems.push(read.problem);
  }
  if (problems.length > 0) return { graph: undefined, problems };
  // User files without loader facts borrow them from the best-matching built-in dataset.
  const builtinDatasets = BUILTIN_VERSIONS.map((v) => loadBuiltinDatasetNode(v));
  const result = ingestFiles(files, { builtinDatasets });
  return { graph: result.graph, problems: result.problems };
}
