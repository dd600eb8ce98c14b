export interface BenchRow {
  name: string;
  unit: 'ms';
  samples: number[];
  median: number;
  target?: number;
  pass?: boolean;
  note?: string;
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
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
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
