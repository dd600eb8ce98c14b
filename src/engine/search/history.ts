/**
 * Where a module name went: which built-in versions have it, told as a person would
 * ("chan_sip: removed after 18.26.4 — last in 18.26.4").
 */
import { moduleKey } from '../names';

/** The module names of one built-in version. */
export interface VersionModules {
  version: string;
  modules: readonly string[];
}

export type NameHistory =
  /** In the oldest versions up to `last`, in none after it. */
  | { kind: 'removed'; name: string; last: string }
  /** In `first` and every newer version, in none before it. */
  | { kind: 'added'; name: string; first: string }
  /** In some versions with gaps, or only in versions between the oldest and the newest. */
  | { kind: 'only'; name: string; versions: string[] }
  /** In every built-in version (so only missing from the graph on screen, e.g. a user's file). */
  | { kind: 'everywhere'; name: string; versions: string[] };

/**
 * The history of `name` over `versions` (ordered oldest to newest); undefined when no version has
 * it. Names compare as the loader compares them: case-insensitively, with or without `.so`.
 */
export function nameHistory(name: string, versions: readonly VersionModules[]): NameHistory | undefined {
  const key = moduleKey(name.trim());
  const present: number[] = [];
  let spelling: string | undefined;
  versions.forEach((v, i) => {
    const found = v.modules.find((m) => moduleKey(m) === key);
    if (found === undefined) return;
    present.push(i);
    spelling = found;
  });
  const first = present[0];
  const last = present.at(-1);
  if (first === undefined || last === undefined || spelling === undefined) return undefined;
  const names = present.map((i) => versions[i]?.version ?? '');
  const contiguous = last - first + 1 === present.length;
  const newest = versions.length - 1;
  if (contiguous && first === 0 && last === newest) return { kind: 'everywhere', name: spelling, versions: names };
  if (contiguous && first === 0) return { kind: 'removed', name: spelling, last: names.at(-1) ?? '' };
  if (contiguous && last === newest) return { kind: 'added', name: spelling, first: names[0] ?? '' };
  return { kind: 'only', name: spelling, versions: names };
}

/**
 * One line for the search box. `current` is the version on screen (undefined for a user's files):
 * "added in 22.10.1 — not in 18.26.4" says why the newer name is missing here.
 */
export function describeNameHistory(history: NameHistory, current: string | undefined): string {
  const here = current ? `not in ${current}` : 'not in these files';
  switch (history.kind) {
    case 'removed':
      return `${history.name}: removed after ${history.last} — last in ${history.last}`;
    case 'added':
      return `${history.name}: added in ${history.first} — ${here}`;
    case 'only':
      return `${history.name}: in ${history.versions.join(', ')} only`;
    case 'everywhere':
      return `${history.name}: in every built-in version (${history.versions[0] ?? ''} to ${history.versions.at(-1) ?? ''}) — ${here}`;
  }
}
