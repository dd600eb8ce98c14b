import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleGraph } from '../src/model';
import { diffGraphs } from '../src/engine';
import { parseMetadataXml } from '../src/ingest';
import { row, timeSync, type BenchRow } from './stats';

function dataset(root: string, version: string): ModuleGraph {
  const file = join(root, 'public/datasets', `${version}.xml`);
  const { data, problems } = parseMetadataXml(readFileSync(file, 'utf8'), file);
  if (!data) throw new Error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
  return data;
}

/** Version diff of two built-in datasets (18.26.4 vs master), diffGraphs alone: loading is not timed. */
export async function benchDiff(root: string, runs: number): Promise<BenchRow> {
  const a = dataset(root, '18.26.4');
  const b = dataset(root, 'master');
  let summary = '';
  const samples = timeSync(
    () => {
      const d = diffGraphs(a, b);
      summary = `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`;
    },
    Math.max(runs, 15),
    5,
  );
  return row('diff: 18.26.4 vs master, diffGraphs (Node)', samples, 50, summary);
}
