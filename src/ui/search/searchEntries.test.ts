import { describe, expect, it } from 'vitest';
import { testGraph } from '../../graph/testGraph';
import { findEntries, searchEntries } from './searchEntries';

const graph = testGraph({
  modules: [
    { name: 'app_dial' },
    { name: 'app_directed_pickup' },
    { name: 'res_pjsip_dialog_info_body_generator' },
  ],
  libraries: ['dialog'],
  items: [
    ['application', 'Dial', 'app_dial'],
    ['application', 'VoiceMail', 'app_voicemail'],
    ['application', 'VoiceMail', 'app_voicemail_odbc'],
  ],
});

describe('module search', () => {
  it('ranks an exact name before prefixes and prefixes before names that merely contain the query', () => {
    const found = findEntries(searchEntries(graph), 'app_dial').map((e) => e.label);
    expect(found).toEqual(['app_dial']);
    const dial = findEntries(searchEntries(graph), 'dial').map((e) => `${e.label} (${e.detail})`);
    expect(dial).toEqual([
      'Dial (application)',
      'dialog (library)',
      'app_dial (res)',
      'res_pjsip_dialog_info_body_generator (res)',
    ]);
  });

  it('matches regardless of case and lists an item provided by several modules once', () => {
    const found = findEntries(searchEntries(graph), 'VOICEMAIL');
    expect(found).toHaveLength(1);
    expect(found[0]?.selection).toEqual({ kind: 'item', itemKind: 'application', name: 'VoiceMail' });
  });

  it('finds nothing for an empty query', () => {
    expect(findEntries(searchEntries(graph), '  ')).toEqual([]);
  });
});
