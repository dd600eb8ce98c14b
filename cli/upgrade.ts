/**
 * `upgrade`: carries a modules.conf from one Asterisk version to another. The rewritten file goes
 * to stdout, the findings to stderr; exit 2 when the file as it is would not do what it says on
 * the target version.
 */
import { BUILTIN_VERSIONS } from '../src/ingest';
import { parseModulesConf } from '../src/ingest/modulesConf';
import { loadBuiltinDatasetNode } from '../src/ingest/node/loadBuiltinDataset';
import { upgradeModulesConf } from '../src/engine/upgrade/upgradeModulesConf';
import { UsageError, parseStrict } from './args';
import { loadData } from './data';
import type { CliIo } from './io';
import { formatProblem, intentLines } from './report';

export interface UpgradeArgs {
  modulesConf: string;
  from: string;
  to: string;
}

export function parseUpgradeArgs(argv: readonly string[]): UpgradeArgs {
  const { values, positionals } = parseStrict(argv, {
    'modules-conf': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError(`'upgrade' takes no argument '${positionals[1] ?? ''}'.`);
  const modulesConf = values['modules-conf'];
  if (modulesConf === undefined) throw new UsageError('--modules-conf is required.');
  if (values.from === undefined || values.to === undefined)
    throw new UsageError(
      `--from and --to are required: built-in versions (${BUILTIN_VERSIONS.join(', ')}) or data files.`,
    );
  return { modulesConf, from: values.from, to: values.to };
}

export function runUpgrade(args: UpgradeArgs, io: CliIo): number {
  const from = loadData([args.from], io);
  const to = loadData([args.to], io);
  for (const loaded of [from, to])
    if (!loaded.graph) {
      for (const p of loaded.problems) io.stderr(`${formatProblem(p)}\n`);
      return 1;
    }
  let text: string;
  try {
    text = io.readFile(args.modulesConf);
  } catch (err) {
    io.stderr(
      `error: cannot read --modules-conf ${args.modulesConf}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
  const parsed = parseModulesConf(text, args.modulesConf);
  if (!parsed.data || parsed.data.status !== 'ok') {
    for (const p of parsed.problems) io.stderr(`${formatProblem(p)}\n`);
    return 1;
  }
  const history = BUILTIN_VERSIONS.map((version) => ({
    version,
    modules: Object.values(loadBuiltinDatasetNode(version).modules)
      .filter((m) => m.kind === 'loadable' || m.kind === 'builtin')
      .map((m) => m.name),
  }));
  if (!from.graph || !to.graph) return 1;
  const r = upgradeModulesConf({ conf: parsed.data, text, from: from.graph, to: to.graph, history });
  io.stdout(r.text.endsWith('\n') ? r.text : `${r.text}\n`);
  const err: string[] = [`Carrying ${args.modulesConf} from Asterisk ${r.from} to ${r.to}:`];
  if (r.findings.length === 0) err.push('  nothing to change.');
  for (const f of r.findings) err.push(`${args.modulesConf}:${f.line}:${f.column}: ${f.kind}: ${f.message}`);
  err.push(`As it is, on Asterisk ${r.to}:`);
  err.push(...intentLines(r.asIs).map((l) => `  ${l}`));
  err.push(
    r.ok
      ? `${args.modulesConf} does what it says on Asterisk ${r.to}.`
      : `${args.modulesConf} would NOT do what it says on Asterisk ${r.to}${r.asIs.startupFailed ? ' (Asterisk would not start)' : ''}; the rewritten file ${r.rewritten.ok ? 'does' : 'still does not (see its comments)'}.`,
  );
  io.stderr(`${err.join('\n')}\n`);
  return r.ok ? 0 : 2;
}
