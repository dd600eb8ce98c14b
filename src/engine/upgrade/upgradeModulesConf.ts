/**
 * Carries a modules.conf to another Asterisk version: every line naming a module the target does
 * not have (with what became of it: removed when, its replacement where the metadata names one),
 * deprecated modules, lines that would newly fail there (a require included), and the file
 * rewritten with those lines changed or commented out, each with a comment saying why.
 */
import type { ModuleGraph, ModuleInfo, ModulesConf, ModulesConfEntry } from '../../model';
import { resolveModule } from '../graphQueries/moduleNames';
import { intentOf } from '../intent/intentOf';
import type { IntentResult } from '../intent/intentOf';
import { nameHistory } from '../search/history';
import type { VersionModules } from '../search/history';
import { simulate } from '../simulate';

export type UpgradeFindingKind = 'removed' | 'unknown' | 'deprecated' | 'newly-fails';

export interface UpgradeFinding {
  kind: UpgradeFindingKind;
  line: number;
  column: number;
  option: string;
  /** The value as written. */
  value: string;
  message: string;
  /** The module the line now names in the rewritten file, when it was replaced. */
  replacement?: string;
}

export interface UpgradeInput {
  conf: ModulesConf;
  text: string;
  from: ModuleGraph;
  to: ModuleGraph;
  /** Module names of the built-in versions, oldest first, to say when a module disappeared. */
  history?: readonly VersionModules[];
}

export interface UpgradeResult {
  from: string;
  to: string;
  findings: UpgradeFinding[];
  /** The rewritten modules.conf. */
  text: string;
  /** The file as it is, on the target version. */
  asIs: IntentResult;
  /** The rewritten file on the target version. */
  rewritten: IntentResult;
  /** The file as it is does what it says on the target version. */
  ok: boolean;
}

const NAMING = new Set(['load', 'preload', 'require', 'preload-require', 'noload']);

function isModule(info: ModuleInfo | undefined): boolean {
  return info?.kind === 'loadable' || info?.kind === 'builtin';
}

/** `app_stack (GoSub)` -> `app_stack`: the metadata's replacement, as a module name. */
function replacementModule(text: string | undefined): string | undefined {
  return /^\s*([A-Za-z0-9_]+)/.exec(text ?? '')?.[1];
}

function parseTextConf(conf: ModulesConf, entries: ModulesConfEntry[]): ModulesConf {
  return { ...conf, entries };
}

export function upgradeModulesConf(input: UpgradeInput): UpgradeResult {
  const { conf, from, to } = input;
  const findings: UpgradeFinding[] = [];
  const lines = input.text.replace(/\r\n?/g, '\n').split('\n');
  const before = new Map<number, string[]>();
  const replaced = new Map<number, string>();
  const commentedOut = new Set<number>();
  const toVersion = to.info.version;
  const listedKeys = new Set(
    conf.entries.filter((e) => NAMING.has(e.option)).map((e) => e.value.toLowerCase().replace(/\.so$/, '')),
  );
  const drivers = Object.values(to.modules)
    .filter((m) => m.kind === 'loadable' && m.category === 'channels')
    .map((m) => m.name)
    .sort();
  const rewrittenEntries: ModulesConfEntry[] = [];

  for (const e of conf.entries) {
    if (!NAMING.has(e.option) || e.value === '') {
      rewrittenEntries.push(e);
      continue;
    }
    const inTarget = resolveModule(to, e.value);
    const targetInfo = inTarget === undefined ? undefined : to.modules[inTarget];
    const at = { line: e.line, column: e.column, option: e.option, value: e.value };
    if (isModule(targetInfo)) {
      rewrittenEntries.push(e);
      if (targetInfo?.supportLevel === 'deprecated' || targetInfo?.deprecatedIn) {
        const repl = replacementModule(targetInfo.replacement);
        const message = `${targetInfo.name} is deprecated${targetInfo.deprecatedIn ? ` since ${targetInfo.deprecatedIn}` : ''}${targetInfo.removedIn ? `, to be removed in ${targetInfo.removedIn}` : ''}${repl ? `; its replacement is ${targetInfo.replacement ?? repl}` : ''}.`;
        findings.push({ kind: 'deprecated', ...at, message });
        before.set(e.line, [...(before.get(e.line) ?? []), `; [upgrade to ${toVersion}] ${message}`]);
      }
      continue;
    }
    const sourceName = resolveModule(from, e.value);
    const sourceInfo = sourceName === undefined ? undefined : from.modules[sourceName];
    const name = sourceInfo?.name ?? e.value.replace(/\.so$/i, '');
    const history = input.history ? nameHistory(name, input.history) : undefined;
    const when: string[] = [];
    if (sourceInfo?.removedIn) when.push(`removed in ${sourceInfo.removedIn}`);
    else when.push(`not in Asterisk ${toVersion}`);
    if (sourceInfo?.deprecatedIn) when.push(`deprecated since ${sourceInfo.deprecatedIn}`);
    if (history?.kind === 'removed') when.push(`last in ${history.last} among the built-in datasets`);
    const replacementText = sourceInfo?.replacement;
    const repl = replacementModule(replacementText);
    const replInTarget = repl === undefined ? undefined : resolveModule(to, repl);
    const known = isModule(sourceInfo) || history !== undefined;
    const kind: UpgradeFindingKind = known ? 'removed' : 'unknown';

    if (e.option === 'noload') {
      const message = `${name}: ${when.join(', ')}; this noload line does nothing there.`;
      findings.push({ kind, ...at, message });
      commentedOut.add(e.line);
      before.set(e.line, [...(before.get(e.line) ?? []), `; [upgrade to ${toVersion}] ${message}`]);
      continue;
    }
    if (replInTarget !== undefined && isModule(to.modules[replInTarget])) {
      const already = listedKeys.has(replInTarget.toLowerCase());
      const message = `${name}: ${when.join(', ')}; its metadata names ${replacementText ?? repl} as the replacement${already ? ', which this file already lists' : ''}.`;
      findings.push({ kind, ...at, message, replacement: replInTarget });
      before.set(e.line, [...(before.get(e.line) ?? []), `; [upgrade to ${toVersion}] ${message}`]);
      if (already) commentedOut.add(e.line);
      else {
        replaced.set(e.line, replInTarget);
        listedKeys.add(replInTarget.toLowerCase());
        rewrittenEntries.push({ ...e, value: `${replInTarget}.so` });
      }
      continue;
    }
    const category = sourceInfo?.category;
    const pointer =
      category === 'channels' ? ` Channel drivers in Asterisk ${toVersion}: ${drivers.join(', ')}.` : '';
    const message = known
      ? `${name}: ${when.join(', ')}; no replacement is named in its metadata.${pointer}`
      : `${name} is not a module of Asterisk ${from.info.version} nor ${toVersion}, nor of any built-in dataset: a typo or a third-party module.`;
    findings.push({ kind, ...at, message });
    commentedOut.add(e.line);
    before.set(e.line, [...(before.get(e.line) ?? []), `; [upgrade to ${toVersion}] ${message}`]);
  }

  // Lines that work on the source version and would fail on the target (a require stops Asterisk).
  // Each simulation runs the loader of its dataset's version.
  const asIs = intentOf(to, conf, simulate(to, conf));
  const onSource = intentOf(from, conf, simulate(from, conf), { measureNoloads: false });
  const failedBefore = new Set(onSource.failing.map((l) => l.line));
  const reported = new Set(findings.map((f) => f.line));
  for (const l of asIs.failing) {
    if (failedBefore.has(l.line) || reported.has(l.line)) continue;
    const isRequire = l.option === 'require' || l.option === 'preload-require';
    const message = `${l.option} => ${l.value} would newly fail on Asterisk ${toVersion}${isRequire ? ' and stop Asterisk' : ''}: ${l.why.join(' ')}`;
    findings.push({
      kind: 'newly-fails',
      line: l.line,
      column: l.column,
      option: l.option,
      value: l.value,
      message,
    });
    before.set(l.line, [...(before.get(l.line) ?? []), `; [upgrade to ${toVersion}] ${message}`]);
  }
  findings.sort((a, b) => a.line - b.line);

  const out: string[] = [];
  lines.forEach((text, i) => {
    const n = i + 1;
    for (const c of before.get(n) ?? []) out.push(c);
    const repl = replaced.get(n);
    const entry = conf.entries.find((e) => e.line === n);
    if (repl !== undefined && entry) out.push(replaceValue(text, entry.value, `${repl}.so`));
    else if (commentedOut.has(n)) out.push(`;${text}`);
    else out.push(text);
  });
  const rewrittenConf = parseTextConf(conf, rewrittenEntries);
  const rewritten = intentOf(to, rewrittenConf, simulate(to, rewrittenConf), { measureNoloads: false });
  return {
    from: from.info.version,
    to: toVersion,
    findings,
    text: out.join('\n'),
    asIs,
    rewritten,
    ok: asIs.ok,
  };
}

function replaceValue(line: string, value: string, next: string): string {
  const eq = line.indexOf('=');
  const at = line.indexOf(value, eq < 0 ? 0 : eq);
  return at < 0 ? line : `${line.slice(0, at)}${next}${line.slice(at + value.length)}`;
}
