import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import ELK from 'elkjs/lib/elk.bundled.js';
import { computeLayout } from '../src/graph/computeLayout';
import type { LayeredLayout } from '../src/graph/computeLayout';
import { DEFAULT_ELEMENT_VIEW, toElements } from '../src/graph/elements';
import { graphvizLayered, layeredDot } from '../src/graph/graphvizLayout';
import { LAYERED_OPTIONS, layeredPositions } from '../src/graph/layeredLayout';
import { toLayoutInput } from '../src/graph/layoutInput';
import type { LayoutInput } from '../src/graph/layoutInput';
import { seededRandom } from '../src/engine/testing/prng';
import { loadBuiltinDatasetNode } from '../src/ingest/node/loadBuiltinDataset';
import { ratioRow, row, skippedRow, timeAsync, type BenchRow } from './stats';

/**
 * ELK tuned for speed on the master graph. Tried, each against the precomputed layouts' options
 * (src/graph/layeredLayout.ts, thoroughness 2, Brandes-Köpf placement by default): node placement
 * SIMPLE, LINEAR_SEGMENTS, Brandes-Köpf BALANCED; crossing minimisation NONE and INTERACTIVE;
 * LONGEST_PATH layering; model order; unmerged edges; no component separation; GREEDY cycle
 * breaking without post-compaction. Thoroughness 1 is the one change that is faster every time
 * (20-40%) and keeps the picture; the others were no faster within the noise, messier (crossing
 * minimisation off), much wider (longest path, unmerged edges) or 4x slower (model order).
 * Whatever the options, ELK stays an order of magnitude behind dot on this graph.
 */
export const ELK_TUNED: Readonly<Record<string, string>> = {
  ...LAYERED_OPTIONS,
  'elk.layered.thoroughness': '1',
};

/** The nodes nearest `start` (ignoring edge direction) and the edges between them: a focus-sized input. */
function neighbourhood(input: LayoutInput, start: string, size: number): LayoutInput {
  const adjacent = new Map<string, string[]>();
  for (const e of input.edges) {
    adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), e.target]);
    adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), e.source]);
  }
  const chosen = new Set([start]);
  const queue = [start];
  while (queue.length > 0 && chosen.size < size) {
    for (const next of adjacent.get(queue.shift() ?? '') ?? []) {
      if (chosen.size >= size) break;
      if (!chosen.has(next)) {
        chosen.add(next);
        queue.push(next);
      }
    }
  }
  return {
    nodes: input.nodes.filter((n) => chosen.has(n.id)).map((n) => ({ ...n, isolated: false })),
    edges: input.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target)),
  };
}

/** The graph as anyone would hand it to dot: node boxes and edges, every layout setting at its default. */
function plainGraphDot(input: LayoutInput): string {
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const lines = ['digraph G {', 'node [shape=box, fixedsize=true, label=""];'];
  input.nodes.forEach((n, i) => lines.push(`n${i} [width=${n.width / 72}, height=${n.height / 72}];`));
  for (const e of input.edges) lines.push(`n${index.get(e.target) ?? -1} -> n${index.get(e.source) ?? -1};`);
  lines.push('}');
  return lines.join('\n');
}

/**
 * A full garbage collection before each timed run, so no engine pays for the garbage of the one
 * before it (the child processes' output buffers and the graph loaded for the bench make the next
 * major collection land on whoever allocates next: 30-40 ms on this graph).
 */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
})();

function nativeDotVersion(): string | undefined {
  const probe = spawnSync('dot', ['-V'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? undefined : probe.stderr.trim();
}

/**
 * Layered layout of the master graph opened as a user file (the default view's LayoutInput, as the
 * app builds it: loadable and built-in modules, isolated ones packed in a grid): the layout worker's
 * engine (Graphviz compiled to WebAssembly, computeLayout end to end) against ELK tuned, ELK as the
 * precomputed layouts run it, the same DOT through the wasm `dot` alone, and Graphviz's native
 * `dot -Tplain` on that DOT as a child process (process start included, as a user would run it).
 */
export async function benchLayout(_root: string, runs: number): Promise<BenchRow[]> {
  const master = loadBuiltinDatasetNode('master');
  const input = toLayoutInput(toElements(master, DEFAULT_ELEMENT_VIEW));
  const placedByLayout = new Set(input.nodes.filter((n) => !n.isolated).map((n) => n.id));
  // What computeLayout hands to the layered engine: the DOT native dot is timed on.
  const connected: LayoutInput = {
    nodes: input.nodes.filter((n) => placedByLayout.has(n.id)),
    edges: input.edges.filter((e) => placedByLayout.has(e.source) && placedByLayout.has(e.target)),
  };
  const size = `${input.nodes.length} nodes (${connected.nodes.length} connected), ${input.edges.length} edges`;
  const rows: BenchRow[] = [];

  // A fresh worker pays for compiling the wasm and for the first, unoptimised layout once.
  const coldStart = performance.now();
  const graphviz = await Graphviz.load();
  const loaded = performance.now() - coldStart;
  const chosen: LayeredLayout = graphvizLayered(graphviz);
  await computeLayout(input, 'layered', chosen);
  const cold = performance.now() - coldStart;

  // The fast engines take turns run by run, so a busy machine slows each of them alike and the
  // ratios compare like with like.
  const dot = layeredDot(connected);
  const version = nativeDotVersion();
  const dir = mkdtempSync(join(tmpdir(), 'ame-layout-'));
  const sameDotFile = join(dir, 'master.dot');
  const plainDotFile = join(dir, 'master-plain.dot');
  writeFileSync(sameDotFile, dot);
  writeFileSync(plainDotFile, plainGraphDot(connected));
  const contenders: Array<{ run: () => Promise<void> | void; native: boolean; samples: number[] }> = [
    { run: () => computeLayout(input, 'layered', chosen).then(() => undefined), native: false, samples: [] },
    { run: () => void graphviz.layout(dot, 'plain', 'dot'), native: false, samples: [] },
    { run: () => void execFileSync('dot', ['-Tplain', sameDotFile]), native: true, samples: [] },
    { run: () => void execFileSync('dot', ['-Tplain', plainDotFile]), native: true, samples: [] },
  ];
  const active = contenders.filter((c) => version !== undefined || !c.native);
  const random = seededRandom(1);
  const warmup = 3; // the first few calls of each are slower while V8 tiers the JavaScript and the wasm up
  const rounds = Math.max(runs, 31); // cheap, and a busy machine needs many samples for a steady median
  for (let i = -warmup; i < rounds; i++) {
    // A new order every run (seeded): the engine run right after a child process or a garbage
    // collection is slower, whichever it is, and a fixed order would always hand that to the same one.
    const order = [...active];
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j] as (typeof order)[number], order[k] as (typeof order)[number]];
    }
    for (const c of order) {
      collectGarbage();
      const t0 = performance.now();
      await c.run();
      if (i >= 0) c.samples.push(performance.now() - t0);
    }
  }
  const [chosenTimes, wasmTimes, sameDotTimes, plainDotTimes] = contenders.map((c) => c.samples);
  const missingDot = 'Graphviz dot is not installed (apt-get install graphviz)';
  const chosenRow = row(
    'layout: master as a user file, Graphviz wasm = chosen (Node)',
    chosenTimes ?? [],
    undefined,
    `${size}; first call in a fresh process ${cold.toFixed(0)} ms (wasm load ${loaded.toFixed(0)} ms)`,
  );
  const wasmRow = row('layout: master, the same DOT through wasm dot alone (Node)', wasmTimes ?? []);
  const nativeRow = version
    ? row(
        'layout: master, the same DOT through native dot -Tplain (child process)',
        sameDotTimes ?? [],
        undefined,
        `${version}; process start included`,
      )
    : skippedRow('layout: master, the same DOT through native dot -Tplain', missingDot);
  const nativeDefaultRow = version
    ? row(
        'layout: master as plain DOT (dot defaults) through native dot -Tplain',
        plainDotTimes ?? [],
        undefined,
        `${version}; the connected modules and their edges, no layout settings: what dot does with the graph as written`,
      )
    : skippedRow('layout: master as plain DOT (dot defaults) through native dot -Tplain', missingDot);
  rows.push(chosenRow, wasmRow, nativeRow, nativeDefaultRow);

  const elkRuns = Math.max(3, Math.min(runs, 7));
  const elk = new ELK();
  const elkColdStart = performance.now();
  await computeLayout(input, 'layered', (c) => layeredPositions(elk, c, ELK_TUNED));
  const elkCold = performance.now() - elkColdStart;
  // Taking turns here too: ELK's JIT warms up over the first runs, which would favour the second.
  const elkTimes: Record<'tuned' | 'precomputed', number[]> = { tuned: [], precomputed: [] };
  for (let i = -1; i < elkRuns; i++) {
    for (const [which, options] of [
      ['tuned', ELK_TUNED],
      ['precomputed', LAYERED_OPTIONS],
    ] as const) {
      const t0 = performance.now();
      await computeLayout(input, 'layered', (c) => layeredPositions(elk, c, options));
      if (i >= 0) elkTimes[which].push(performance.now() - t0);
    }
  }
  const tunedRow = row(
    'layout: master as a user file, ELK tuned (Node)',
    elkTimes.tuned,
    undefined,
    `first call ${elkCold.toFixed(0)} ms`,
  );
  rows.push(tunedRow);
  rows.push(
    row(
      'layout: master as a user file, ELK with the precomputed layouts options (Node)',
      elkTimes.precomputed,
    ),
  );

  // The target: the same layout problem (our DOT) through native dot. The plain DOT is dot's own
  // flat ranking of the graph (a picture ten times wider than high, with splines), for reference.
  rows.push(ratioRow('layout ratio: chosen / native dot, same DOT', chosenRow, nativeRow, 1));
  rows.push(
    ratioRow('layout ratio: chosen / native dot, plain DOT of the graph', chosenRow, nativeDefaultRow),
  );
  rows.push(ratioRow('layout ratio: chosen / wasm dot alone', chosenRow, wasmRow));
  rows.push(ratioRow('layout ratio: ELK tuned / chosen', tunedRow, chosenRow));

  const focus = neighbourhood(connected, 'res_pjsip_session', 30);
  rows.push(
    row(
      'layout: 30-node focus input, Graphviz wasm = chosen (Node)',
      await timeAsync(
        () => computeLayout(focus, 'layered', chosen).then(() => undefined),
        Math.max(runs, 30),
        3,
      ),
      undefined,
      `${focus.nodes.length} nodes, ${focus.edges.length} edges around res_pjsip_session`,
    ),
  );
  rows.push(
    row(
      'layout: 30-node focus input, ELK tuned (Node)',
      await timeAsync(
        () =>
          computeLayout(focus, 'layered', (c) => layeredPositions(elk, c, ELK_TUNED)).then(() => undefined),
        Math.max(runs, 30),
        3,
      ),
    ),
  );
  return rows;
}
