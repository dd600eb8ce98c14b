/**
 * `npm run bench`: times the product's speed targets and writes the medians to bench/results/.
 * Benchmarks may read ../shared directly (the tests may not).
 *
 *   parse + merge of the real 22.10.1 core-en_US.xml in Node        target < 150 ms
 *   navigation -> first drawn graph, default dataset, headless Chromium  target < 1.5 s
 *   full autoload of the master dataset through the loader simulation    target < 10 ms
 *   loader simulation of a generated 20,000-module / 60,000-edge graph   target < 500 ms
 *   diagnose of a full startup log (master 01-baseline)                  target < 100 ms
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { parseBenchArgs, type BenchRow } from './stats';
import { benchParseMerge } from './parseMerge';
import { benchFirstGraph } from './firstGraph';
import { benchLoader } from './loader';
import { benchLayout } from './layout';
import { benchInteractions } from './interactions';
import { benchLargeInput } from './largeInput';
import { benchDiff } from './diff';
import { benchPlan } from './plan';
import { benchDiagnose } from './diagnose';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared/data/asterisk');

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const rows: BenchRow[] = [];
  const only = (name: string): boolean => args.only.length === 0 || args.only.some((o) => name.includes(o));

  if (only('parse')) rows.push(await benchParseMerge(shared, args.runs));
  if (only('loader')) rows.push(...(await benchLoader(root, args.runs)));
  if (only('first-graph')) rows.push(await benchFirstGraph(root, Math.max(3, Math.min(args.runs, 7))));
  if (only('diff')) rows.push(await benchDiff(root, args.runs));
  if (only('plan')) rows.push(await benchPlan(root, shared, args.runs));
  if (only('diagnose')) rows.push(await benchDiagnose(root, shared, args.runs));
  if (only('layout')) rows.push(...(await benchLayout(root, args.runs)));
  if (only('interactions'))
    rows.push(...(await benchInteractions(root, Math.max(3, Math.min(args.runs, 7)))));
  if (only('large-input')) rows.push(...(await benchLargeInput(root, Math.max(1, Math.min(args.runs, 3)))));

  printTable(rows);
  const outDir = join(root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const record = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30) },
    node: process.version,
    rows,
  };
  const stamp = record.date.replace(/[:.]/g, '-');
  writeFileSync(join(outDir, `bench-${stamp}.json`), JSON.stringify(record, null, 2) + '\n');
  writeFileSync(join(outDir, 'latest.json'), JSON.stringify(record, null, 2) + '\n');
  console.log(`\nResults written to bench/results/latest.json and bench/results/bench-${stamp}.json`);
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length > 0) {
    console.log(`Over target: ${failed.map((r) => r.name).join(', ')}`);
  }
}

function printTable(rows: BenchRow[]): void {
  const header = ['benchmark', 'runs', 'median', 'min', 'max', 'target', 'ok'];
  const body = rows.map((r) =>
    r.skipped
      ? [r.name, '0', `skipped: ${r.skipped}`, '-', '-', '-', '-']
      : [
          r.name,
          String(r.samples.length),
          `${r.median.toFixed(2)} ${r.unit}`,
          `${Math.min(...r.samples).toFixed(2)}`,
          `${Math.max(...r.samples).toFixed(2)}`,
          r.target === undefined ? '-' : r.unit === 'ratio' ? `<= ${r.target}` : `< ${r.target} ${r.unit}`,
          r.pass === undefined ? '-' : r.pass ? 'yes' : 'NO',
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of body) console.log(line(row));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
