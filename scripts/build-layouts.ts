/**
 * Precomputes node positions for every built-in dataset: public/datasets/<version>.layout.json.
 *
 * Input: the built-in datasets public/datasets/index.json and public/datasets/<version>.xml, which
 * scripts/build-datasets.ts generates from the shared Asterisk metadata (read from
 * https://github.com/asterisk/asterisk at the tags and commits listed in that script and in the
 * index). This script adds no facts: it only lays out the graphs those files describe, with the
 * same code the app runs for user files (src/graph/computeLayout.ts: layered, fcose, isolated
 * modules packed in a grid; layered by ELK here, by Graphviz in the page's worker), so the first
 * graph is drawn with cytoscape's `preset` layout at once.
 *
 * fcose starts from random positions; Math.random is replaced by a seeded generator while this
 * script runs so the files only change when the datasets or the layout code do.
 *
 * Run after `npm run datasets`: npm run layouts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { seededRandom } from '../src/engine/testing/prng';
import { fileURLToPath } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { parseMetadataXml } from '../src/ingest/index';
import type { DatasetIndex } from '../src/ingest/index';
import type { ModuleGraph } from '../src/model';
import { computeLayout } from '../src/graph/computeLayout';
import { elkLayered } from '../src/graph/layeredLayout';
import { DEFAULT_ELEMENT_VIEW, toElements } from '../src/graph/elements';
import type { ElementView } from '../src/graph/elements';
import { layoutKey } from '../src/graph/layoutFile';
import type { PrecomputedLayout } from '../src/graph/layoutFile';
import { toLayoutInput } from '../src/graph/layoutInput';
import type { LayoutAlgorithm, Positions } from '../src/graph/layoutInput';

const DATASETS = new URL('../public/datasets/', import.meta.url);

/** The views a visitor reaches without opening files; other views are laid out in the page's worker. */
export const PRECOMPUTED_VIEWS: ReadonlyArray<{ view: ElementView; algorithms: LayoutAlgorithm[] }> = [
  { view: { ...DEFAULT_ELEMENT_VIEW, showLibraries: false }, algorithms: ['layered', 'force'] },
  { view: { ...DEFAULT_ELEMENT_VIEW, showLibraries: true }, algorithms: ['layered', 'force'] },
  { view: { ...DEFAULT_ELEMENT_VIEW, mode: 'providers' }, algorithms: ['layered', 'force'] },
];

async function withSeed<T>(seed: number, work: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return await work();
  } finally {
    Math.random = original;
  }
}

export function readDatasetIndex(): DatasetIndex {
  return JSON.parse(readFileSync(new URL('index.json', DATASETS), 'utf8')) as DatasetIndex;
}

export function readDataset(version: string, file: string): ModuleGraph {
  const { data, problems } = parseMetadataXml(
    readFileSync(new URL(file, DATASETS), 'utf8'),
    `public/datasets/${file}`,
  );
  if (!data)
    throw new Error(`public/datasets/${file} is unreadable: ${problems.map((p) => p.message).join('; ')}`);
  if (data.info.version !== version)
    throw new Error(`public/datasets/${file} holds ${data.info.version}, not ${version}`);
  return data;
}

export async function layoutsFor(
  graph: ModuleGraph,
  elk: InstanceType<typeof ELK>,
): Promise<Record<string, Positions>> {
  const layouts: Record<string, Positions> = {};
  for (const { view, algorithms } of PRECOMPUTED_VIEWS) {
    const elements = toElements(graph, view);
    if (elements.nodes.length === 0) continue;
    const input = toLayoutInput(elements);
    for (const algorithm of algorithms) {
      layouts[layoutKey(view, algorithm)] = await withSeed(1, () =>
        computeLayout(input, algorithm, elkLayered(elk)),
      );
    }
  }
  return layouts;
}

async function main(): Promise<void> {
  const elk = new ELK();
  const index = readDatasetIndex();
  for (const entry of index.datasets) {
    const started = performance.now();
    const graph = readDataset(entry.version, entry.file);
    const layout: PrecomputedLayout = {
      format: 'asterisk-module-explorer-layout',
      formatVersion: 1,
      version: entry.version,
      generatedBy: `scripts/build-layouts.ts from public/datasets/${entry.file} (Asterisk ${entry.version}${entry.commit ? `, commit ${entry.commit}` : ''}); do not edit`,
      layouts: await layoutsFor(graph, elk),
    };
    const out = new URL(`${entry.version}.layout.json`, DATASETS);
    writeFileSync(out, `${JSON.stringify(layout)}\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${fileURLToPath(out)}: ${Object.keys(layout.layouts).length} layouts in ${seconds} s`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
