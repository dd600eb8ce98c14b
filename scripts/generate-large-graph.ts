/**
 * Writes a synthetic module graph (default 20,000 modules, 60,000 edges) as Module Metadata XML,
 * with a shuffled module-file list, to benchmark or try the loader simulation at scale:
 *
 *   npx tsx scripts/generate-large-graph.ts [--modules 20000] [--edges 60000] [--seed 1] [--out dir]
 *   npx asterisk-module-explorer simulate --data <dir>/large-graph.xml --modules-conf <autoload.conf> \
 *       --available <dir>/large-graph-available.txt --json
 *
 * The graph itself comes from src/engine/testing/largeGraph.ts (deterministic for a seed); the benchmark
 * builds it in memory with the same function.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLargeGraph, shuffledModuleFiles } from '../src/engine/testing/largeGraph';
import { writeMetadataXml } from '../src/ingest';

const { values } = parseArgs({
  options: {
    modules: { type: 'string', default: '20000' },
    edges: { type: 'string', default: '60000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: join(tmpdir(), 'asterisk-module-explorer-large-graph') },
  },
});
const modules = Number(values.modules);
const edges = Number(values.edges);
const seed = Number(values.seed);
if (![modules, edges, seed].every(Number.isInteger) || modules < 20 || edges < 0) {
  console.error('--modules (at least 20), --edges and --seed must be whole numbers.');
  process.exit(1);
}
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const graph = generateLargeGraph({ modules, edges, seed });
const xml = writeMetadataXml(graph, {
  comment: `Synthetic graph: ${modules} modules, ${edges} edges, seed ${seed}; scripts/generate-large-graph.ts.`,
});
writeFileSync(join(out, 'large-graph.xml'), xml);
writeFileSync(join(out, 'large-graph-available.txt'), `${shuffledModuleFiles(graph, seed + 1).join('\n')}\n`);
writeFileSync(join(out, 'autoload.conf'), '[modules]\nautoload = yes\n');
console.log(
  `Wrote ${join(out, 'large-graph.xml')} (${Object.keys(graph.modules).length} modules, ${graph.edges.length} edges),`,
);
console.log(`      ${join(out, 'large-graph-available.txt')} and ${join(out, 'autoload.conf')}.`);
