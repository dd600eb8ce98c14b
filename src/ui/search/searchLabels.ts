import type { SearchEntryKind, SearchHit } from '../../store';

/** The badge after each name: what kind of thing it is, in the words the rest of the app uses. */
export const KIND_LABELS: Record<SearchEntryKind, string> = {
  module: 'module',
  builtin: 'built-in',
  application: 'application',
  function: 'function',
  manager: 'AMI action',
  agi: 'AGI',
  managerEvent: 'AMI event',
  library: 'library',
  'non-loadable': 'non-loadable',
  'build-option': 'build option',
};

/** "app_dial"; "app_voicemail +2" for an item several modules provide (all of them in the tooltip). */
export function providerLabel(hit: SearchHit): string {
  const [first, ...rest] = hit.providers;
  if (first === undefined) return '';
  return rest.length === 0 ? first : `${first} +${rest.length}`;
}
