import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFiles } from '../src/ingest';
import { row, timeSync, type BenchRow } from './stats';

/** Parse + merge of the complete, unreduced 22.10.1 xmldoc (1.6 MB with all its prose). */
export async function benchParseMerge(shared: string, runs: number): Promise<BenchRow> {
  const file = join(shared, '22.10.1/core-en_US.xml');
  const text = readFileSync(file, 'utf8');
  let modules = 0;
  const samples = timeSync(() => {
    const { graph } = ingestFiles([{ name: 'core-en_US.xml', text }]);
    modules = Object.keys(graph?.modules ?? {}).length;
  }, runs);
  return row('parse+merge 22.10.1 core-en_US.xml (Node)', samples, 150, `${modules} modules`);
}
