import type { VersionDiff } from '../../worker';

/** The aspects the Compare tab groups changed modules by, in the order it shows them. */
export type ChangeAspect = 'dependencies' | 'priorities' | 'support levels' | 'deprecations' | 'other';

export const CHANGE_ASPECTS: readonly ChangeAspect[] = [
  'dependencies',
  'priorities',
  'support levels',
  'deprecations',
  'other',
];

export const ASPECT_LABELS: Record<ChangeAspect, string> = {
  dependencies: 'Dependencies',
  priorities: 'Load priorities',
  'support levels': 'Support levels',
  deprecations: 'Deprecations',
  other: 'Other changes',
};

const EDGE_KIND_PREFIX = /^(depends|requires|optional|enhances|conflicts|uses-library|links):/;

/**
 * Which aspect one `changed` entry of the diff is about, from how the engine starts it
 * ("requires: +res_x", "priority 128 -> 90", "support level …", "deprecation: …"); only the start
 * is read, so module names inside an entry cannot mislead it.
 */
export function aspectOf(what: string): ChangeAspect {
  const text = what.trim();
  if (EDGE_KIND_PREFIX.test(text)) return 'dependencies';
  if (text.startsWith('priority ')) return 'priorities';
  if (text.startsWith('support level ')) return 'support levels';
  if (text.startsWith('deprecation')) return 'deprecations';
  return 'other';
}

export interface ChangeGroup {
  aspect: ChangeAspect;
  changes: VersionDiff['changed'];
}

/** The diff's changed entries by aspect (empty aspects left out), each in the diff's order. */
export function groupChanges(changed: VersionDiff['changed']): ChangeGroup[] {
  const byAspect = new Map<ChangeAspect, VersionDiff['changed']>();
  for (const change of changed) {
    const aspect = aspectOf(change.what);
    const list = byAspect.get(aspect);
    if (list) list.push(change);
    else byAspect.set(aspect, [change]);
  }
  return CHANGE_ASPECTS.flatMap((aspect) => {
    const changes = byAspect.get(aspect);
    return changes ? [{ aspect, changes }] : [];
  });
}
