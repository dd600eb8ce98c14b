/** Command-line arguments of `asterisk-module-explorer`, parsed with node:util. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { LoaderKind, ModuleFault } from '../src/model';
import { LOADER_KINDS } from '../src/model';

export type CliCommand = 'simulate' | 'check' | 'help';

export interface CliArgs {
  command: CliCommand;
  data: string[];
  modulesConf?: string;
  available?: string;
  /** simulate: a live server's `module show`, calibrating states before the --then commands. */
  moduleShow?: string;
  faults: Record<string, ModuleFault>;
  /** Default: the loader of the Asterisk version (--asterisk-version, else the dataset's). */
  loader?: LoaderKind;
  /** The Asterisk version whose loader behaviours apply (a user's file of unknown version). */
  asteriskVersion?: string;
  /** The server's sorcery.conf: its wizard mappings change the wizard modules' use counts. */
  sorceryConf?: string;
  /** With --log: leave out VERBOSE lines above this level, as Asterisk at that verbosity does. */
  verbose?: number;
  then: string[];
  json: boolean;
  /** simulate: the load order as CSV, or the Markdown report, instead of the readable text. */
  format?: 'csv' | 'md';
  log: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  asterisk-module-explorer simulate --data <file|version>... --modules-conf <file>
      [--available <file>] [--fault <module>=decline|failure|missing|no-load]...
      [--loader current|legacy|proposed] [--asterisk-version <version>] [--sorcery-conf <file>]
      [--then "<runtime command>"]... [--json] [--log [--verbose N]]
      [--module-show <file>] [--format text|json|csv|md]
  asterisk-module-explorer check --data <file|version>... --modules-conf <file>
      [--available <file>] [--loader current|legacy|proposed] [--json]
  asterisk-module-explorer deps <module> [--dependents] [--transitive] [--depth N] [--kinds k1,k2]
      [--format text|json|dot]
  asterisk-module-explorer path <from> <to> [--kinds k1,k2] [--max N]
  asterisk-module-explorer impact <module> [--as fail|missing|noload|unload]
  asterisk-module-explorer cycles [--kinds k1,k2]
  asterisk-module-explorer diff <versionA|file> <versionB|file>
      (deps, path, impact, cycles take [--data <file|version>]...; each takes [--json])
  asterisk-module-explorer plan --data <file|version>... --dialplan <extensions.conf>
      [--dialplan <included file>]... [--keep <module>]... [--need <name>]...
      [--require <module>]... [--current <modules.conf>]
  asterisk-module-explorer upgrade --modules-conf <file> --from <version|file> --to <version|file>
  asterisk-module-explorer diagnose --data <file|version>... --log <full log> [--modules-conf <file>]
      [--available <file>] [--module-show <file>] [--settings <file>] [--so <file|dir>]... [--sorcery-conf <file>] [--fault <module>=decline|failure]...
      [--expect-own-declines] [--json]

  --data          a built-in dataset (13.38.3, 16.30.1, 18.26.4, 22.10.1, 23.4.1, master) or a file
                  (xmldoc, menuselect-tree, Module Metadata XML, runtime.json); several are merged
  --modules-conf  the modules.conf to simulate
  --available     module files present, one per line in directory (readdir) order; a bare name
                  means <name>.so; lines starting with # are ignored. Default: every module of the dataset
  --fault         make a module decline, fail, be missing, or have no load function
  --loader        default: the loader of the dataset's Asterisk version (legacy up to 15,
                  dependency-aware from 16; proposed is the design of an improved loader)
  --asterisk-version  the version whose loader behaviours apply (commands, messages, verbose
                  levels), e.g. for a file whose version is unknown. Default: the dataset's
  --sorcery-conf  the server's sorcery.conf: each object type it maps takes a reference on its
                  wizard's module (res_sorcery_realtime...) instead of the source's default mapping
  --verbose N     with --log: only the VERBOSE lines Asterisk at verbose N writes
  --then          a command run after startup: "module load X", "module unload [-f] X",
                  "module refresh X [recursively]", "module show [like X]", "core stop now"
  --module-show   simulate: a live server's module show output; modules it shows Not Running
                  decline, module files it does not show are missing, before the --then commands
                  run (use counts it shows cannot be taken over: their differences are listed)
  --settings      diagnose: the server's core show settings; its version picks the loader simulated
  --so            diagnose: module files (.so) as built, or their directory: the links and
                  registration calls read from them replace the dataset's in the prediction
  --json          print {loader, startupFailed, started, declined, notLoaded, useCounts, runtime, log}
  --log           print the whole log transcript (human output)
  --format        simulate: csv prints the load order (position, module, state, reason, causes,
                  use count), md a Markdown report for a ticket; deps: dot prints a Graphviz graph

  deps            what a module needs (--dependents: what needs it), directly; --transitive or
                  --depth N follow further. --kinds: edge kinds followed (default: depends,
                  requires, optional, enhances, links; also conflicts, uses-library)
  path            every dependency path from one module to another, shortest first (--max, default 20)
  impact          what goes down with a module that fails (declines), is missing, is noloaded or
                  is unloaded (default fail), by the loader of the dataset's version
  cycles          every dependency cycle (strongly connected modules)
  diff            modules added, removed, renamed-looking and changed between two datasets
  Without --data, these use the newest built-in release. --json prints deps/impact
  {"module", "modules"}, path {"paths"}, cycles {"cycles"}, diff {"added", "removed", "changed"}.

  plan            a minimal modules.conf (autoload = no) for a dialplan and declared needs, to
                  stdout; warnings, notes and the simulator's verification to stderr. --need:
                  pjsip.conf, iax2, ulaw, opus, wav, moh, cdr_csv, cel_custom, ari, or a module
  upgrade         the modules.conf rewritten for another version (to stdout), findings to stderr
  diagnose        what the server's startup log (/var/log/asterisk/full or console output) says
                  happened to each module, next to the prediction for the same modules.conf
                  (default autoload = yes) and module files (--available: ls -U of the module
                  directory; default: the files the log names), and each difference with its most
                  likely cause and the log lines that show it. A decline in a module's own load()
                  differs unless expected: --fault <module>=decline, or --expect-own-declines for
                  all of them. --json prints {startupFailed, started, declined, notLoaded,
                  modules: {name: {outcome, cause, evidence}}, disagreements: [{module, real,
                  predicted, why, cause}], startOrder, limits, version}

Exit status: simulate: 0 when Asterisk would start, 2 when startup fails (1 when Asterisk
itself would exit with 1: a modules.conf it refuses), 1 on bad input. check: 0 only when the
file does what it says, 2 when a listed module will not run or startup fails, 1 on bad input.
plan: 0 verified, 2 when the verification finds something missing, 1 on bad input. upgrade:
0 when the file as it is does what it says on the target, 2 when not, 1 on bad input. diagnose:
0 when the log and the prediction agree, 3 when they differ, 1 on bad input. The graph
questions: 0 with an answer (even an empty one), 1 on bad input, an unknown module or version.
`;

export const FAULTS: Record<string, ModuleFault> = {
  decline: 'decline',
  failure: 'failure',
  fail: 'failure',
  missing: 'missing',
  'no-load': 'no-load-function',
  'no-load-function': 'no-load-function',
};

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Every command's arguments are parsed this one way: strictly, with node:util's message as a usage error. */
export function parseStrict<O extends OptionsConfig>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** Options of any command that take a value: knowing them, the command is found wherever it stands. */
const VALUE_OPTIONS = [
  'data',
  'modules-conf',
  'available',
  'fault',
  'loader',
  'then',
  'depth',
  'kinds',
  'as',
  'max',
  'dialplan',
  'keep',
  'need',
  'require',
  'current',
  'from',
  'to',
  'module-show',
  'format',
  'asterisk-version',
  'sorcery-conf',
  'verbose',
  'settings',
  'so',
];

/** The command named by the first positional argument, before any command's own parsing. */
export function commandNameOf(argv: readonly string[]): string | undefined {
  const { positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: Object.fromEntries(VALUE_OPTIONS.map((o) => [o, { type: 'string' as const, multiple: true }])),
  });
  return positionals[0];
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values, positionals } = parseStrict(argv, {
    data: { type: 'string', multiple: true },
    'modules-conf': { type: 'string' },
    available: { type: 'string' },
    'module-show': { type: 'string' },
    fault: { type: 'string', multiple: true },
    loader: { type: 'string' },
    'asterisk-version': { type: 'string' },
    'sorcery-conf': { type: 'string' },
    verbose: { type: 'string' },
    then: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    format: { type: 'string' },
    log: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const first = positionals[0];
  if (values.help || first === undefined || first === 'help') {
    return { command: 'help', data: [], faults: {}, then: [], json: false, log: false };
  }
  if (first !== 'simulate' && first !== 'check')
    throw new UsageError(
      `Unknown command '${first}': use 'simulate', 'check', 'deps', 'path', 'impact', 'cycles' or 'diff'.`,
    );
  if (positionals.length > 1) throw new UsageError(`Unexpected argument '${positionals[1] ?? ''}'.`);

  const loader = values.loader;
  if (loader !== undefined && !LOADER_KINDS.includes(loader as LoaderKind)) {
    throw new UsageError(`--loader must be one of ${LOADER_KINDS.join(', ')}, not '${loader}'.`);
  }
  let verbose: number | undefined;
  if (values.verbose !== undefined) {
    verbose = Number(values.verbose);
    if (!/^\d+$/.test(values.verbose.trim()) || verbose > 10)
      throw new UsageError(`--verbose must be a level from 0 to 10, not '${values.verbose}'.`);
  }
  const faults: Record<string, ModuleFault> = {};
  for (const spec of values.fault ?? []) {
    const eq = spec.lastIndexOf('=');
    const module = eq > 0 ? spec.slice(0, eq).trim() : '';
    const fault =
      FAULTS[
        eq > 0
          ? spec
              .slice(eq + 1)
              .trim()
              .toLowerCase()
          : ''
      ];
    if (!module || !fault)
      throw new UsageError(`--fault '${spec}' must look like <module>=decline|failure|missing|no-load.`);
    faults[module] = fault;
  }
  const data = values.data ?? [];
  if (data.length === 0)
    throw new UsageError('--data is required: a built-in version such as master, or a metadata file.');
  const modulesConf = values['modules-conf'];
  if (modulesConf === undefined) throw new UsageError('--modules-conf is required.');
  const args: CliArgs = {
    command: first,
    data,
    modulesConf,
    faults,
    then: values.then ?? [],
    json: values.json ?? false,
    log: values.log ?? false,
  };
  if (loader !== undefined) args.loader = loader as LoaderKind;
  if (values['asterisk-version'] !== undefined) args.asteriskVersion = values['asterisk-version'];
  if (values['sorcery-conf'] !== undefined) args.sorceryConf = values['sorcery-conf'];
  if (verbose !== undefined) args.verbose = verbose;
  if (values.available !== undefined) args.available = values.available;
  if (values['module-show'] !== undefined) args.moduleShow = values['module-show'];
  const format = values.format;
  if (format !== undefined) {
    if (first !== 'simulate' || !['text', 'json', 'csv', 'md'].includes(format))
      throw new UsageError(
        first === 'simulate'
          ? `--format of 'simulate' is text, json, csv (the load order) or md (a report), not '${format}'.`
          : `--format does not apply to '${first}'.`,
      );
    if (format === 'json') args.json = true;
    if (format === 'csv' || format === 'md') args.format = format;
  }
  return args;
}
