/** Resolves `--data` arguments into one ModuleGraph: built-in versions and/or files, merged. */
import type { ModuleGraph, Problem } from '../src/model';
import { BUILTIN_VERSIONS, ingestFiles } from '../src/ingest';
import type { InputFile } from '../src/ingest';
import { loadBuiltinDatasetNode } from '../src/ingest/node/loadBuiltinDataset';
import { readFileSync } from 'node:fs';
import { builtinDatasetPath } from '../src/ingest';
import type { CliIo } from './io';

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
    return { graph: loadBuiltinDatasetNode(builtins[0] ?? ''), problems: [] };
  }
  const files: InputFile[] = [];
  const problems: Problem[] = [];
  for (const spec of specs) {
    if (builtins.includes(spec)) {
      files.push({ name: `${spec}.xml`, text: readFileSync(builtinDatasetPath(spec), 'utf8') });
      continue;
    }
    try {
      files.push({ name: spec, text: io.readFile(spec) });
    } catch (err) {
      problems.push({
        severity: 'error',
        code: 'unknown-format',
        message: `Cannot read --data ${spec}: ${err instanceof Error ? err.message : String(err)} (built-in versions: ${BUILTIN_VERSIONS.join(', ')}).`,
        file: spec,
      });
    }
  }
  if (problems.length > 0) return { graph: undefined, problems };
  // User files without loader facts borrow them from the best-matching built-in dataset.
  const builtinDatasets = BUILTIN_VERSIONS.map((v) => loadBuiltinDatasetNode(v));
  const result = ingestFiles(files, { builtinDatasets });
  return { graph: result.graph, problems: result.problems };
}
