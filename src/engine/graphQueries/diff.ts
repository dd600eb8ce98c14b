/**
 * What changed between two builds of Asterisk (two datasets): modules added and removed, pairs
 * that look like renames, and per module the dependencies, load priority, support level,
 * deprecation and menuselect default that differ.
 */
import type { EdgeKind, ModuleGraph, ModuleInfo } from '../../model';
import { EDGE_KINDS } from '../../model';
import { compareNames } from './adjacency';
import { editDistance } from './moduleNames';

export interface RenamedModule {
  from: string;
  to: string;
  /** Why the pair looks like a rename, in a sentence. */
  why: string;
}

export interface ModuleChange {
  module: string;
  /** One aspect of the module, e.g. "requires: +res_x, -res_y" or "priority 128 -> 90". */
  what: string;
}

export interface VersionDiff {
  from: string;
  to: string;
  /** Loadable and built-in modules only in `b`, by name. */
  added: string[];
  /** Loadable and built-in modules only in `a`, by name. */
  removed: string[];
  /** A removed and an added module that look like one renamed (both stay in `removed` and `added`). */
  renamed: RenamedModule[];
  /** By module name, one entry per module per aspect. */
  changed: ModuleChange[];
  /** What was not compared, and why. */
  notes: string[];
}

function isModule(m: ModuleInfo): boolean {
  return m.kind === 'loadable' || m.kind === 'builtin';
}

/** What each module needs, per kind. */
function dependencies(graph: ModuleGraph): Map<string, Map<EdgeKind, Set<string>>> {
  const deps = new Map<string, Map<EdgeKind, Set<string>>>();
  for (const e of graph.edges) {
    let byKind = deps.get(e.from);
    if (!byKind) {
      byKind = new Map();
      deps.set(e.from, byKind);
    }
    let targets = byKind.get(e.kind);
    if (!targets) {
      targets = new Set();
      byKind.set(e.kind, targets);
    }
    targets.add(e.to);
  }
  return deps;
}

export function diffGraphs(a: ModuleGraph, b: ModuleGraph): VersionDiff {
  const inA = Object.values(a.modules).filter(isModule);
  const inB = Object.values(b.modules).filter(isModule);
  const namesA = new Set(inA.map((m) => m.name));
  const namesB = new Set(inB.map((m) => m.name));
  const added = inB
    .filter((m) => !namesA.has(m.name))
    .map((m) => m.name)
    .sort(compareNames);
  const removed = inA
    .filter((m) => !namesB.has(m.name))
    .map((m) => m.name)
    .sort(compareNames);

  const depsA = dependencies(a);
  const depsB = dependencies(b);
  // Only builds recorded for real have link facts: a dataset without them would show every
  // `links` edge of the other as a change.
  const kinds = EDGE_KINDS.filter((k) => k !== 'links' || (a.info.hasLinkFacts && b.info.hasLinkFacts));
  const changed: ModuleChange[] = [];
  for (const name of [...namesA].filter((n) => namesB.has(n)).sort(compareNames)) {
    const ma = a.modules[name];
    const mb = b.modules[name];
    if (!ma || !mb) continue;
    for (const what of moduleChanges(ma, mb, kinds, depsA.get(name), depsB.get(name)))
      changed.push({ module: name, what });
  }
  return {
    from: a.info.version,
    to: b.info.version,
    added,
    removed,
    renamed: renames(a, b, removed, added),
    changed,
    notes: kinds.includes('links')
      ? []
      : [
          `Link-time dependencies (links) are not compared: ${[a, b]
            .filter((g) => !g.info.hasLinkFacts)
            .map((g) => g.info.version)
            .join(' and ')} ${a.info.hasLinkFacts || b.info.hasLinkFacts ? 'has' : 'have'} no link facts.`,
        ],
  };
}

const NO_DEPS = new Map<EdgeKind, Set<string>>();

function moduleChanges(
  a: ModuleInfo,
  b: ModuleInfo,
  kinds: readonly EdgeKind[],
  depsA: Map<EdgeKind, Set<string>> = NO_DEPS,
  depsB: Map<EdgeKind, Set<string>> = NO_DEPS,
): string[] {
  const out: string[] = [];
  if (a.kind !== b.kind) out.push(`kind ${a.kind} -> ${b.kind}`);
  if (a.category !== b.category) out.push(`category ${a.category} -> ${b.category}`);
  for (const kind of kinds) {
    const before = depsA.get(kind) ?? new Set<string>();
    const after = depsB.get(kind) ?? new Set<string>();
    const plus = [...after].filter((n) => !before.has(n)).sort(compareNames);
    const minus = [...before].filter((n) => !after.has(n)).sort(compareNames);
    if (plus.length + minus.length > 0)
      out.push(`${kind}: ${[...plus.map((n) => `+${n}`), ...minus.map((n) => `-${n}`)].join(', ')}`);
  }
  // A dataset without run-time facts knows no priorities; "unknown -> 90" for every module says nothing.
  if (a.loadPriority !== undefined && b.loadPriority !== undefined && a.loadPriority !== b.loadPriority)
    out.push(`priority ${a.loadPriority} -> ${b.loadPriority}`);
  if (a.supportLevel !== b.supportLevel) out.push(`support level ${a.supportLevel} -> ${b.supportLevel}`);
  const deprecationA = deprecation(a);
  const deprecationB = deprecation(b);
  if (deprecationA !== deprecationB) out.push(`deprecation: ${deprecationA} -> ${deprecationB}`);
  // menuselect's default is yes: an unstated default and an explicit yes are the same.
  const enabledA = a.defaultEnabled ?? true;
  const enabledB = b.defaultEnabled ?? true;
  if (enabledA !== enabledB)
    out.push(`default enabled ${enabledA ? 'yes' : 'no'} -> ${enabledB ? 'yes' : 'no'}`);
  return out;
}

function deprecation(m: ModuleInfo): string {
  const parts = [
    m.deprecatedIn === undefined ? '' : `deprecated in ${m.deprecatedIn}`,
    m.removedIn === undefined ? '' : `removed in ${m.removedIn}`,
    m.replacement === undefined ? '' : `replaced by ${m.replacement}`,
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/** The name without its folder prefix (`res_pjsip_session` -> `pjsip_session`). */
function stem(name: string): string {
  const cut = name.indexOf('_');
  return cut < 0 ? name : name.slice(cut + 1);
}

interface Candidate {
  rank: number;
  distance: number;
  to: string;
  why: string;
}

/**
 * Pairs a removed module with an added one of the same category when the old one names the new
 * one as its replacement, when one name extends the other by whole words
 * (`app_voicemail` -> `app_voicemail_odbc`), or when the names differ by a typo's worth of
 * letters. Each module is paired at most once, best evidence first.
 */
function renames(
  a: ModuleGraph,
  b: ModuleGraph,
  removed: readonly string[],
  added: readonly string[],
): RenamedModule[] {
  const candidates: Array<Candidate & { from: string }> = [];
  for (const from of removed) {
    const old = a.modules[from];
    if (!old) continue;
    const replacement = old.replacement?.trim().split(/[\s(]/)[0];
    for (const to of added) {
      const next = b.modules[to];
      if (!next) continue;
      const c = judge(old, next, replacement, a.info.version);
      if (c) candidates.push({ ...c, from });
    }
  }
  candidates.sort(
    (x, y) =>
      x.rank - y.rank || x.distance - y.distance || compareNames(x.from, y.from) || compareNames(x.to, y.to),
  );
  const usedFrom = new Set<string>();
  const usedTo = new Set<string>();
  const pairs: RenamedModule[] = [];
  for (const c of candidates) {
    if (usedFrom.has(c.from) || usedTo.has(c.to)) continue;
    usedFrom.add(c.from);
    usedTo.add(c.to);
    pairs.push({ from: c.from, to: c.to, why: c.why });
  }
  return pairs.sort((x, y) => compareNames(x.from, y.from));
}

function judge(
  old: ModuleInfo,
  next: ModuleInfo,
  replacement: string | undefined,
  version: string,
): Candidate | undefined {
  if (replacement === next.name)
    return {
      rank: 0,
      distance: 0,
      to: next.name,
      why: `${old.name} names ${next.name} as its replacement in ${version}`,
    };
  if (old.category !== next.category) return undefined;
  const s1 = stem(old.name);
  const s2 = stem(next.name);
  const [short, long] = s1.length <= s2.length ? [s1, s2] : [s2, s1];
  if (long.startsWith(`${short}_`)) {
    const verb = s2.length > s1.length ? 'extends' : 'shortens';
    return {
      rank: 1,
      distance: long.length - short.length,
      to: next.name,
      why: `same category (${old.category}), and ${next.name} ${verb} the name ${old.name} by whole words`,
    };
  }
  const distance = editDistance(s1, s2);
  if (distance <= 2 && distance * 4 <= long.length)
    return {
      rank: 2,
      distance,
      to: next.name,
      why: `same category (${old.category}), and the names differ by ${distance} letter${distance === 1 ? '' : 's'}`,
    };
  return undefined;
}
