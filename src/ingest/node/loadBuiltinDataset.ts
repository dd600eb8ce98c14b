import { readFileSync } from 'node:fs';
import type { ModuleGraph } from '../../model';
import {
  builtinDatasetIndexPath,
  builtinDatasetPath,
  datasetFileName,
  type DatasetIndex,
} from '../builtinDatasets';
import { parseMetadataXml } from '../metadataXml/parseMetadataXml';

/** Node-only (tests, CLI): reads and parses a built-in dataset from public/datasets. */
export function loadBuiltinDatasetNode(version: string): ModuleGraph {
  const url = builtinDatasetPath(version);
  const { data, problems } = parseMetadataXml(
    readFileSync(url, 'utf8'),
    `public/datasets/${datasetFileName(version)}`,
  );
  if (!data)
    throw new Error(
      `Built-in dataset ${version} is unreadable: ${problems.map((p) => p.message).join('; ')}`,
    );
  return data;
}

export function loadBuiltinDatasetIndexNode(): DatasetIndex {
  return JSON.parse(readFileSync(builtinDatasetIndexPath(), 'utf8')) as DatasetIndex;
}
