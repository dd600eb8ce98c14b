/**
 * What a modules.conf asks for, and whether the simulated startup does it: each `load`,
 * `preload`, `require` line whose module does not end running (with the why-chain), each
 * `noload` line with what it takes down, then the counts. An admin reads this first, because a
 * list of 466 "not loaded" names hides the two modules they actually asked for.
 */
import type {
  ModuleGraph,
  ModulesConf,
  ModulesConfEntry,
  ModuleState,
  SimulationOptions,
  SimulationResult,
} from '../../model';
import { moduleKey, stripSo } from '../names';
import { whyDeclined } from '../explain/whyChains';
import { simulate } from '../simulate';
import { autoloadEnabled } from '../startup/loadOrder';

export type ListingOption = 'load' | 'preload' | 'require' | 'preload-require';

const LISTING: ReadonlySet<string> = new Set(['load', 'preload', 'require', 'preload-require']);

export interface ListedLine {
  line: number;
  column: number;
  option: ListingOption;
  /** The value as written (`chan_pjsip.so`). */
  value: string;
  /** The simulation's name for the module, when it took part. */
  module: string;
  /** `unknown` when neither the dataset nor the module files know the name. */
  outcome: ModuleState | 'unknown';
  running: boolean;
  /** Why it does not run, root cause last; empty when it runs. */
  why: string[];
}

export interface NoloadLine {
  line: number;
  column: number;
  value: string;
  module: string;
  /** Whether the line changes anything: the module would have been loaded without it. */
  effective: boolean;
  /** Modules, other than the noloaded one, running without this line and not with it. */
  takesDown: string[];
}

export interface TroubleGroup {
  /** The module at the root of the chain. */
  root: string;
  /** Why the root does not run. */
  text: string;
  /** Modules that do not run because of it. */
  modules: string[];
}

export interface IntentCounts {
  /** Modules named by load/preload/require lines. */
  listed: number;
  listedRunning: number;
  started: number;
  /** Of `started`, the built-in ones. */
  builtin: number;
  declined: number;
  notLoaded: number;
}

export interface IntentResult {
  file: string;
  autoload: boolean;
  startupFailed: boolean;
  exitCode: 0 | 1 | 2;
  /** Every listing line, in file order. */
  listed: ListedLine[];
  /** Listing lines whose module does not run. */
  failing: ListedLine[];
  /** `require` / `preload-require` lines whose module does not run (Asterisk stops for those). */
  requireFailed: ListedLine[];
  noloads: NoloadLine[];
  /**
   * Other modules that do not run because of what they need (autoloaded modules whose
   * dependency is absent or declines), grouped by the root cause so each cause is said once.
   */
  troubles: TroubleGroup[];
  counts: IntentCounts;
  /** True only when every listed module runs and startup succeeds: the file does what it says. */
  ok: boolean;
}

export interface IntentOptions extends Omit<SimulationOptions, 'commands'> {
  /**
   * Whether to measure what each noload line takes down by a second simulation without the line
   * (default true). Off, the intent is computed from the one simulation only.
   */
  measureNoloads?: boolean;
}

function outcomeName(result: SimulationResult, value: string): string | undefined {
  const key = moduleKey(value);
  if (result.modules[value]) return value;
  return Object.keys(result.modules).find((n) => n.toLowerCase() === key);
}

function without(conf: ModulesConf, entry: ModulesConfEntry): ModulesConf {
  return { ...conf, entries: conf.entries.filter((e) => e !== entry) };
}

/** Reads a simulation of `conf` as the admin's intent, line by line. */
export function intentOf(
  graph: ModuleGraph,
  conf: ModulesConf,
  result: SimulationResult,
  options: IntentOptions = {},
): IntentResult {
  const listed: ListedLine[] = [];
  const seen = new Set<string>();
  for (const e of conf.entries) {
    if (!LISTING.has(e.option) || e.value === '') continue;
    const name = outcomeName(result, e.value);
    const o = name === undefined ? undefined : result.modules[name];
    const running = o?.state === 'running';
    const why = running
      ? []
      : dedupe(
          name === undefined
            ? [
                `${e.value} is not a module of Asterisk ${graph.info.version} and no such file is in the module directory.`,
              ]
            : whyDeclined(result, name).map((s) => s.text),
        );
    const line: ListedLine = {
      line: e.line,
      column: e.column,
      option: e.option as ListingOption,
      value: e.value,
      module: name ?? e.value,
      outcome: o?.state ?? 'unknown',
      running,
      why,
    };
    listed.push(line);
    seen.add(moduleKey(e.value));
  }
  const failing = listed.filter((l) => !l.running);
  const requireFailed = failing.filter((l) => l.option === 'require' || l.option === 'preload-require');

  const noloads: NoloadLine[] = [];
  const simOptions: SimulationOptions = { ...options };
  delete (simOptions as IntentOptions).measureNoloads;
  for (const e of conf.entries) {
    if (e.option !== 'noload' || e.value === '') continue;
    const name = outcomeName(result, e.value) ?? stripSo(e.value);
    let takesDown: string[] = [];
    let effective: boolean;
    if (options.measureNoloads !== false && conf.status === 'ok') {
      const free = simulate(graph, without(conf, e), simOptions);
      effective = free.modules[name]?.state === 'running';
      takesDown = free.started.filter((m) => m !== name && result.modules[m]?.state !== 'running');
    } else {
      effective = result.modules[name]?.notLoadedReason === 'noload';
    }
    noloads.push({ line: e.line, column: e.column, value: e.value, module: name, effective, takesDown });
  }

  const explained = new Set<string>([
    ...listed.map((l) => l.module),
    ...noloads.flatMap((n) => [n.module, ...n.takesDown]),
  ]);
  const troubles = troubleGroups(result, explained);

  const builtin = result.started.filter((m) => result.modules[m]?.builtin).length;
  return {
    file: conf.file,
    autoload: autoloadEnabled(conf),
    startupFailed: result.startupFailed,
    exitCode: result.exitCode,
    listed,
    failing,
    requireFailed,
    noloads,
    troubles,
    counts: {
      listed: seen.size,
      listedRunning: new Set(listed.filter((l) => l.running).map((l) => moduleKey(l.value))).size,
      started: result.started.length,
      builtin,
      declined: result.declined.length,
      notLoaded: result.notLoaded.length,
    },
    ok: failing.length === 0 && !result.startupFailed,
  };
}

function troubleGroups(result: SimulationResult, explained: ReadonlySet<string>): TroubleGroup[] {
  const groups = new Map<string, TroubleGroup>();
  for (const o of Object.values(result.modules)) {
    if (explained.has(o.name)) continue;
    const dependencyTrouble =
      (o.state === 'declined' &&
        o.declineReason !== 'self' &&
        o.declineReason !== 'no-load-function' &&
        o.declineReason !== 'failure') ||
      (o.state === 'not-loaded' && o.notLoadedReason === 'dlopen-failed');
    if (!dependencyTrouble) continue;
    const chain = whyDeclined(result, o.name);
    const last = chain.at(-1);
    const root = last?.module ?? o.name;
    let group = groups.get(root);
    if (!group) {
      group = { root, text: last?.text ?? '', modules: [] };
      groups.set(root, group);
    }
    if (o.name !== root) group.modules.push(o.name);
  }
  return [...groups.values()].sort(
    (a, b) => b.modules.length - a.modules.length || (a.root < b.root ? -1 : 1),
  );
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}

/** A long list as its first few names and a count of the rest. */
export function firstFew(names: readonly string[], shown = 10): string {
  return names.length <= shown
    ? names.join(', ')
    : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/** One sentence per noload line, the way `check` and the readable report say it. */
/** What a noload line does, after "noload => x.so"; `listNames` adds the first few names it takes down. */
export function noloadEffect(n: NoloadLine, listNames = false): string {
  if (!n.effective && n.takesDown.length === 0)
    return `changes nothing: ${n.module} would not be loaded anyway`;
  if (n.takesDown.length === 0) return `keeps ${n.module} out; nothing else needs it`;
  const count = n.takesDown.length;
  const effect = `disables ${count} module${count === 1 ? '' : 's'} besides ${n.module}`;
  return listNames ? `${effect}: ${firstFew(n.takesDown)}` : effect;
}

export function describeNoload(n: NoloadLine): string {
  return `line ${n.line}: noload => ${n.value} ${noloadEffect(n, true)}.`;
}

/** One sentence per failing listing line. */
export function describeListed(l: ListedLine): string {
  const state = l.outcome === 'unknown' ? 'unknown module' : l.outcome;
  return `line ${l.line}: ${l.option} => ${l.value} will not run (${state}).`;
}
