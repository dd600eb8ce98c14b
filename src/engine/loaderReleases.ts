/**
 * Which loader an Asterisk version has. The first release of each branch with each behaviour was
 * read from main/loader.c and main/cli.c at every release tag of asterisk/asterisk (13.0.0 to
 * 23.x): a change lands on several branches at once, so a plain version comparison is wrong.
 */
import type { LoaderKind, LoaderRelease } from '../model';

/** For one behaviour: the first minor release of each branch that has it, and the first major where every release has it. */
interface Introduced {
  commit: string;
  /** major → first minor with the behaviour. */
  branches: Readonly<Record<number, number>>;
  /** From this major on, every release has it. */
  allFrom: number;
}

/** ef00ff4e1e "cli: Add module refresh command". */
const REFRESH_COMMAND: Introduced = {
  commit: 'ef00ff4e1e',
  branches: { 16: 24, 18: 10, 19: 2 },
  allFrom: 20,
};
/** 01ff5c8140 "loader.c: Allow dependent modules to be unloaded recursively." */
const RECURSIVE_REFRESH: Introduced = {
  commit: '01ff5c8140',
  branches: { 18: 23, 20: 8, 21: 3 },
  allFrom: 22,
};
/** c209064d66 "loader: Allow declined modules to be unloaded." */
const UNLOAD_DECLINED: Introduced = { commit: 'c209064d66', branches: { 18: 17, 20: 2 }, allFrom: 21 };
/** 6871d1cdfc "Reduce startup/shutdown verbose logging". */
const QUIET_MODULE_LINES: Introduced = {
  commit: '6871d1cdfc',
  branches: { 18: 22, 20: 7, 21: 2 },
  allFrom: 22,
};
/** The dependency-aware loader (3b73ed28c5 and the commits after it) first shipped in 16.0. */
const DEPENDENCY_AWARE_FROM = 16;

/** `16.30.1`, `certified/18.9-cert5`, `Asterisk 20.5.0-rc1`, `GIT-master-1a2b3c`: major and minor, or master. */
function readVersion(version: string): { major: number; minor: number } | 'master' | null {
  const v = version.trim().toLowerCase();
  if (v === '') return null;
  if (/(^|[^a-z])master\b/.test(v)) return 'master';
  const m = /(\d+)(?:\.(\d+))?/.exec(v);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0) };
}

function has(behaviour: Introduced, major: number, minor: number): boolean {
  if (major >= behaviour.allFrom) return true;
  const first = behaviour.branches[major];
  return first !== undefined && minor >= first;
}

/** The loader behaviours of an Asterisk version; an unreadable version gets master's, saying so. */
export function loaderReleaseFor(version: string): LoaderRelease {
  const read = readVersion(version);
  if (read === 'master' || read === null) {
    return {
      version: 'master',
      kind: 'current',
      refreshCommand: true,
      recursiveRefresh: true,
      unloadDeclined: true,
      quietModuleLines: true,
      ...(read === null
        ? {
            assumed:
              version.trim() === ''
                ? "No Asterisk version given: master's loader is simulated."
                : `'${version.trim()}' is not an Asterisk version: master's loader is simulated.`,
          }
        : {}),
    };
  }
  const { major, minor } = read;
  return {
    version: version.trim(),
    kind: major >= DEPENDENCY_AWARE_FROM ? 'current' : 'legacy',
    refreshCommand: has(REFRESH_COMMAND, major, minor),
    recursiveRefresh: has(RECURSIVE_REFRESH, major, minor),
    unloadDeclined: has(UNLOAD_DECLINED, major, minor),
    quietModuleLines: has(QUIET_MODULE_LINES, major, minor),
  };
}

/** The loader the dataset's version runs at startup. */
export function loaderKindFor(version: string): LoaderKind {
  return loaderReleaseFor(version).kind;
}

/** "Asterisk 16.30.1 loader", as the UI and CLI name it. */
export function loaderReleaseName(release: LoaderRelease, kind: LoaderKind = release.kind): string {
  const name = `Asterisk ${release.version}`;
  if (kind === 'proposed') return `proposed graph loader (on ${name})`;
  if (kind !== release.kind)
    return `${kind === 'legacy' ? 'legacy (Asterisk 15 and earlier)' : 'dependency-aware'} loader (on ${name})`;
  return `${name} loader`;
}

/** What sets this version's loader apart from master's, one phrase each, with the commit. */
export function loaderReleaseTraits(release: LoaderRelease): string[] {
  const traits: string[] = [];
  if (release.kind === 'legacy') {
    traits.push(
      'two load_modules stages (preload, then the rest), each opening global-symbol modules first; no requires, no dependency checks',
    );
  }
  if (!release.refreshCommand) traits.push(`no 'module refresh' (${REFRESH_COMMAND.commit} came later)`);
  else if (!release.recursiveRefresh)
    traits.push(`'module refresh' without 'recursively' (${RECURSIVE_REFRESH.commit} came later)`);
  if (!release.unloadDeclined)
    traits.push(
      `a declined module cannot be unloaded: "is not loaded" (${UNLOAD_DECLINED.commit} came later)`,
    );
  if (!release.quietModuleLines)
    traits.push(`per-module lines at verbose 1 and 2, not 4 and 5 (${QUIET_MODULE_LINES.commit} came later)`);
  return traits;
}
