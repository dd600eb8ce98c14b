export interface BenchRow {
  name: string;
  /** `ratio`: one engine's median over another's on the same input; passes at or under its target. */
  unit: 'ms' | 'ratio';
  samples: number[];
  median: number;
  target?: number;
  pass?: boolean;
  note?: string;
  /** Why the row could not be measured (a tool or a control is missing); no samples then. */
  skipped?: string;
}

export interface BenchArgs {
  runs: number;
  only: string[];
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { runs: 15, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') args.runs = Number(argv[++i] ?? '15');
    else if (a === '--only') args.only.push(argv[++i] ?? '');
  }
  return args;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export function row(name: string, samples: number[], target?: number, note?: string): BenchRow {
  const m = median(samples);
  return {
    name,
    unit: 'ms',
    samples,
    median: m,
    ...(target === undefined ? {} : { target, pass: m < target }),
    ...(note === undefined ? {} : { note }),
  };
}

/** `a` / `b` of two measured rows' medians, e.g. our layout over Graphviz's own `dot` (target ≤ 1). */
export function ratioRow(name: string, a: BenchRow, b: BenchRow, target?: number, note?: string): BenchRow {
  if (a.skipped || b.skipped) return skippedRow(name, a.skipped ?? b.skipped ?? '', 'ratio');
  const ratio = a.median / b.median;
  return {
    name,
    unit: 'ratio',
    samples: [ratio],
    median: ratio,
    ...(target === undefined ? {} : { target, pass: ratio <= target }),
    note: note ?? `${a.median.toFixed(1)} ms / ${b.median.toFixed(1)} ms`,
  };
}

export function skippedRow(name: string, reason: string, unit: BenchRow['unit'] = 'ms'): BenchRow {
  return { name, unit, samples: [], median: Number.NaN, skipped: reason };
}

/** Runs `fn` a few times unmeasured (JIT warm-up), then `runs` times measured. */
export function timeSync(fn: () => void, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Like `timeSync` for asynchronous work (a layout in a worker-like engine, a child process). */
export async function timeAsync(fn: () => Promise<void>, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}
