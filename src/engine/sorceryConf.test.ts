/**
 * sorcery.conf on the master dataset: res_pjsip's default mappings (res/res_pjsip/*.c at f0c1c1a7:
 * endpoint, aor and auth to the config wizard) give way to the file's.
 */
import { describe, expect, it } from 'vitest';
import type { SorceryConf } from '../model';
import { loadBuiltinDatasetNode } from '../ingest/node/loadBuiltinDataset';
import { simulate } from './simulate';
import { conf } from './testing/conf';

const graph = loadBuiltinDatasetNode('master');
const realtime: SorceryConf = {
  file: 'sorcery.conf',
  mappings: ['endpoint', 'aor', 'auth'].map((objectType, i) => ({
    instance: 'res_pjsip',
    objectType,
    wizard: 'realtime',
    line: i + 2,
    column: 1,
  })),
};

describe('sorcery.conf', () => {
  it("moves res_pjsip's references from the config wizard's module to the configured wizard's", () => {
    const plain = simulate(graph, conf('autoload = yes'));
    const withConf = simulate(graph, conf('autoload = yes'), { sorceryConf: realtime });
    expect(plain.modules.res_pjsip?.state).toBe('running');
    expect((plain.useCounts.res_sorcery_config ?? 0) - (withConf.useCounts.res_sorcery_config ?? 0)).toBe(3);
    expect((withConf.useCounts.res_sorcery_realtime ?? 0) - (plain.useCounts.res_sorcery_realtime ?? 0)).toBe(
      3,
    );
    // They are released when res_pjsip goes, like the default ones.
    expect(withConf.finalModules.res_pjsip?.runtimeReferences).toEqual(
      expect.arrayContaining(['res_sorcery_realtime']),
    );
  });

  it('names an instance or a wizard the dataset does not have, with its line', () => {
    const r = simulate(graph, conf('autoload = yes'), {
      sorceryConf: {
        file: 'sorcery.conf',
        mappings: [
          { instance: 'res_nothing', objectType: 'x', wizard: 'realtime', line: 2, column: 1 },
          { instance: 'res_pjsip', objectType: 'endpoint', wizard: 'ldap', line: 4, column: 1 },
        ],
      },
    });
    expect(r.problems.filter((p) => p.file === 'sorcery.conf').map((p) => [p.line, p.message])).toEqual([
      [2, expect.stringContaining('[res_nothing] is not a sorcery instance of this dataset')],
      [4, "Wizard 'ldap' for res_pjsip endpoint: no module res_sorcery_ldap in this dataset."],
    ]);
  });
});
