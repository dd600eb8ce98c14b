import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { ingestFiles } from '../src/ingest';
import { median, row, timeSync, type BenchRow } from './stats';

/**
 * Parse + merge of the complete, unreduced 22.10.1 xmldoc (1.6 MB with all its prose), and in the
 * note the same file through a bare saxes pass (no handlers beyond errors): the floor any
 * well-formedness check costs, so the ratio is what extraction and merging add on top of it.
 */
export async function benchParseMerge(shared: string, runs: number): Promise<BenchRow> {
  const file = join(shared, '22.10.1/core-en_US.xml');
  const text = readFileSync(file, 'utf8');
  let modules = 0;
  const samples = timeSync(() => {
    const { graph } = ingestFiles([{ name: 'core-en_US.xml', text }]);
    modules = Object.keys(graph?.modules ?? {}).length;
  }, runs);
  const bare = median(
    timeSync(() => {
      const parser = new SaxesParser({ xmlns: false, position: true });
      parser.on('error', () => undefined);
      parser.write(text).close();
    }, runs),
  );
  const ratio = median(samples) / bare;
  return row(
    'parse+merge 22.10.1 core-en_US.xml (Node)',
    samples,
    150,
    `${modules} modules; bare saxes pass ${bare.toFixed(1)} ms, parse+merge = ${ratio.toFixed(2)}× it`,
  );
}
