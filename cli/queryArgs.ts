/** Arguments of the graph-question commands: deps, path, impact, cycles, diff. */
import type { EdgeKind } from '../src/model';
import { EDGE_KINDS } from '../src/model';
import type { ImpactKind } from '../src/engine';
import { IMPACT_KINDS } from '../src/engine';
import { UsageError, commandNameOf, parseStrict } from './args';

export const QUERY_COMMANDS = ['deps', 'path', 'impact', 'cycles', 'diff'] as const;
export type QueryCommand = (typeof QUERY_COMMANDS)[number];

export interface QueryArgs {
  command: QueryCommand;
  /** Module names (deps, path, impact) or the two datasets (diff). */
  targets: string[];
  data: string[];
  json: boolean;
  /** `deps --format dot`: the answer as a Graphviz graph. */
  dot: boolean;
  dependents: boolean;
  transitive: boolean;
  depth?: number;
  kinds?: EdgeKind[];
  as: ImpactKind;
  max?: number;
}

const OPTIONS = {
  data: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  format: { type: 'string' },
  dependents: { type: 'boolean' },
  transitive: { type: 'boolean' },
  depth: { type: 'string' },
  kinds: { type: 'string' },
  as: { type: 'string' },
  max: { type: 'string' },
} as const;

/** Arguments each command takes (besides --data and --json), and its positional arguments. */
const SHAPE: Record<QueryCommand, { options: string[]; positionals: string[] }> = {
  deps: { options: ['dependents', 'transitive', 'depth', 'kinds', 'format'], positionals: ['<module>'] },
  path: { options: ['kinds', 'max'], positionals: ['<from>', '<to>'] },
  impact: { options: ['as'], positionals: ['<module>'] },
  cycles: { options: ['kinds'], positionals: [] },
  diff: { options: [], positionals: ['<versionA>', '<versionB>'] },
};

/** The query command named by the first positional argument, if it is one. */
export function queryCommandOf(argv: readonly string[]): QueryCommand | undefined {
  const first = commandNameOf(argv);
  return QUERY_COMMANDS.find((c) => c === first);
}

function positiveInteger(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} must be a whole number of at least 1, not '${text}'.`);
  return n;
}

export function parseQueryArgs(argv: readonly string[]): QueryArgs {
  const { values, positionals } = parseStrict(argv, OPTIONS);
  const command = QUERY_COMMANDS.find((c) => c === positionals[0]);
  if (!command) throw new UsageError(`Unknown command '${positionals[0] ?? ''}'.`);
  const shape = SHAPE[command];
  for (const name of ['dependents', 'transitive', 'depth', 'kinds', 'as', 'max', 'format'] as const) {
    if (values[name] !== undefined && !shape.options.includes(name))
      throw new UsageError(`--${name} does not apply to '${command}'.`);
  }
  const targets = positionals.slice(1);
  if (targets.length !== shape.positionals.length) {
    const wanted = shape.positionals.length === 0 ? 'no arguments' : shape.positionals.join(' ');
    throw new UsageError(
      `'${command}' takes ${wanted}${targets.length > 0 ? `, not '${targets.join(' ')}'` : ''}.`,
    );
  }
  if (command === 'diff' && values.data !== undefined)
    throw new UsageError(
      "'diff' takes its two datasets as arguments (a built-in version or a file each), not --data.",
    );

  const args: QueryArgs = {
    command,
    targets,
    data: values.data ?? [],
    json: values.json ?? false,
    dot: false,
    dependents: values.dependents ?? false,
    transitive: values.transitive ?? false,
    as: 'fail',
  };
  if (values.depth !== undefined) args.depth = positiveInteger('depth', values.depth);
  if (values.max !== undefined) args.max = positiveInteger('max', values.max);
  if (values.kinds !== undefined) {
    const kinds = values.kinds
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '');
    const bad = kinds.filter((k) => !(EDGE_KINDS as readonly string[]).includes(k));
    if (kinds.length === 0 || bad.length > 0)
      throw new UsageError(
        `--kinds takes a comma-separated list of ${EDGE_KINDS.join(', ')}${bad.length > 0 ? `, not '${bad.join(', ')}'` : ''}.`,
      );
    args.kinds = kinds as EdgeKind[];
  }
  if (values.format !== undefined) {
    if (values.format !== 'dot' && values.format !== 'text' && values.format !== 'json')
      throw new UsageError(`--format of '${command}' is text, json or dot, not '${values.format}'.`);
    if (values.format === 'json') args.json = true;
    args.dot = values.format === 'dot';
  }
  if (values.as !== undefined) {
    const as = IMPACT_KINDS.find((k) => k === values.as);
    if (!as) throw new UsageError(`--as must be one of ${IMPACT_KINDS.join(', ')}, not '${values.as}'.`);
    args.as = as;
  }
  return args;
}
