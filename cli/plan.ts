/**
 * `plan`: a minimal modules.conf from a dialplan and declared needs, verified by the loader
 * simulation. The file goes to stdout (redirect it into modules.conf), everything said about it
 * to stderr.
 */
import type { DialplanFile, ModulesConf } from '../src/model';
import { formatProblemLocation } from '../src/model';
import { parseDialplan } from '../src/ingest/dialplan/parseDialplan';
import { parseModulesConf } from '../src/ingest/modulesConf';
import { needsFromNames } from '../src/engine/plan/needs';
import { planModulesConf } from '../src/engine/plan/planModulesConf';
import { UsageError, parseStrict } from './args';
import { loadData } from './data';
import type { CliIo } from './io';
import { formatProblem } from './report';

export interface PlanArgs {
  data: string[];
  dialplan: string[];
  keep: string[];
  need: string[];
  require: string[];
  current?: string;
}

export function parsePlanArgs(argv: readonly string[]): PlanArgs {
  const { values, positionals } = parseStrict(argv, {
    data: { type: 'string', multiple: true },
    dialplan: { type: 'string', multiple: true },
    keep: { type: 'string', multiple: true },
    need: { type: 'string', multiple: true },
    require: { type: 'string', multiple: true },
    current: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError(`'plan' takes no argument '${positionals[1] ?? ''}'.`);
  const data = values.data ?? [];
  if (data.length === 0)
    throw new UsageError('--data is required: a built-in version such as 23.4.1, or metadata files.');
  const dialplan = values.dialplan ?? [];
  const need = values.need ?? [];
  const keep = values.keep ?? [];
  if (dialplan.length === 0 && need.length === 0 && keep.length === 0)
    throw new UsageError(
      'plan needs --dialplan <extensions.conf> (and the files it #includes), or --need / --keep.',
    );
  const args: PlanArgs = { data, dialplan, keep, need, require: values.require ?? [] };
  if (values.current !== undefined) args.current = values.current;
  return args;
}

function read(io: CliIo, option: string, path: string): string | undefined {
  try {
    return io.readFile(path);
  } catch (err) {
    io.stderr(`error: cannot read ${option} ${path}: ${err instanceof Error ? err.message : String(err)}\n`);
    return undefined;
  }
}

/** Exit status: 0 planned and verified, 2 planned but the verification found something missing, 1 bad input. */
export function runPlan(args: PlanArgs, io: CliIo): number {
  const { graph, problems: dataProblems } = loadData(args.data, io);
  if (!graph) {
    for (const p of dataProblems) io.stderr(`${formatProblem(p)}\n`);
    return 1;
  }
  const files: DialplanFile[] = [];
  for (const path of args.dialplan) {
    const text = read(io, '--dialplan', path);
    if (text === undefined) return 1;
    files.push({ name: path, text });
  }
  let dialplan;
  if (files.length > 0) {
    const parsed = parseDialplan(files);
    for (const p of parsed.problems) io.stderr(`${formatProblem(p)}\n`);
    if (!parsed.data || parsed.problems.some((p) => p.severity === 'error')) {
      io.stderr('error: the dialplan cannot be planned from (see above).\n');
      return 1;
    }
    dialplan = parsed.data;
  }
  let current: { conf: ModulesConf; text: string } | undefined;
  if (args.current !== undefined) {
    const text = read(io, '--current', args.current);
    if (text === undefined) return 1;
    const parsed = parseModulesConf(text, args.current, { builtins: graph.info.builtinOrder });
    if (!parsed.data || parsed.data.status !== 'ok') {
      for (const p of parsed.problems) io.stderr(`${formatProblem(p)}\n`);
      return 1;
    }
    current = { conf: parsed.data, text };
  }
  const { needs, notes: needNotes } = needsFromNames(args.need);
  if (args.keep.length > 0) needs.keep = [...(needs.keep ?? []), ...args.keep];
  if (args.require.length > 0) needs.require = args.require;

  const plan = planModulesConf({
    graph,
    ...(dialplan ? { dialplan } : {}),
    needs,
    ...(current ? { current } : {}),
  });
  io.stdout(plan.text);

  const err: string[] = [];
  for (const w of plan.warnings) err.push(formatProblem(w));
  for (const n of [...needNotes, ...plan.notes]) err.push(`note: ${n}`);
  const v = plan.verification;
  const saving = plan.saving;
  err.push(
    `Planned ${plan.modules.length} modules for Asterisk ${plan.version} (${plan.loader} loader); ${saving.before} load with ${saving.against === 'current' ? (args.current ?? 'the current modules.conf') : 'autoload = yes'}, ${saving.after} with the plan.`,
  );
  if (v.ok)
    err.push(
      'Verified with the loader simulation: every planned module starts and every used name is provided.',
    );
  else {
    err.push('Verification with the loader simulation found problems:');
    for (const i of v.missingItems)
      err.push(
        `  ${i.at ? `${formatProblemLocation(i.at)}: ` : ''}${i.kind} ${i.name} would not be available${i.module ? ` (${i.module} does not run)` : ' (no module provides it)'}`,
      );
    for (const n of v.missingNeeds) err.push(`  ${n.module} does not run (${n.reason})`);
    for (const n of v.notRunning) err.push(`  ${n.module} does not start: ${n.why.join(' ')}`);
    if (v.startupFailed) err.push('  Asterisk would not start with this file.');
    if (v.unneeded.length > 0) err.push(`  started although nothing needs them: ${v.unneeded.join(', ')}`);
  }
  if (plan.diff) {
    err.push(`Changes against ${args.current ?? 'the current modules.conf'}:`);
    for (const line of plan.diff) if (!line.startsWith('  ')) err.push(`  ${line}`);
  }
  io.stderr(`${err.join('\n')}\n`);
  return v.ok ? 0 : 2;
}
