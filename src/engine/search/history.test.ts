import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetIndexNode, loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { describeNameHistory, nameHistory } from './history';
import type { VersionModules } from './history';

const versions: VersionModules[] = [
  { version: '13.38.3', modules: ['chan_sip', 'app_old', 'app_patchy', 'res_everywhere'] },
  { version: '16.30.1', modules: ['chan_sip', 'app_old', 'res_middle', 'res_everywhere'] },
  { version: '18.26.4', modules: ['chan_sip', 'app_patchy', 'res_middle', 'res_everywhere'] },
  { version: '22.10.1', modules: ['res_new', 'res_everywhere'] },
  { version: '23.4.1', modules: ['res_new', 'res_everywhere'] },
];

describe('name history over built-in versions', () => {
  it('says when a name was last seen', () => {
    const history = nameHistory('chan_sip', versions);
    expect(history).toEqual({ kind: 'removed', name: 'chan_sip', last: '18.26.4' });
    expect(describeNameHistory(history!, '23.4.1')).toBe('chan_sip: removed after 18.26.4 — last in 18.26.4');
    expect(nameHistory('app_old', versions)).toEqual({ kind: 'removed', name: 'app_old', last: '16.30.1' });
  });

  it('says when a name first appeared and that the version on screen lacks it', () => {
    const history = nameHistory('res_new', versions);
    expect(history).toEqual({ kind: 'added', name: 'res_new', first: '22.10.1' });
    expect(describeNameHistory(history!, '18.26.4')).toBe('res_new: added in 22.10.1 — not in 18.26.4');
    expect(describeNameHistory(history!, undefined)).toBe('res_new: added in 22.10.1 — not in these files');
  });

  it('lists the versions of a name that comes and goes, or lived only between the oldest and newest', () => {
    expect(describeNameHistory(nameHistory('app_patchy', versions)!, '23.4.1')).toBe(
      'app_patchy: in 13.38.3, 18.26.4 only',
    );
    expect(describeNameHistory(nameHistory('res_middle', versions)!, '23.4.1')).toBe(
      'res_middle: in 16.30.1, 18.26.4 only',
    );
  });

  it('says a name is in every version when only the files on screen lack it', () => {
    expect(describeNameHistory(nameHistory('res_everywhere', versions)!, undefined)).toBe(
      'res_everywhere: in every built-in version (13.38.3 to 23.4.1) — not in these files',
    );
  });

  it('compares as the loader does (case, .so) and knows nothing of a name no version has', () => {
    expect(nameHistory('CHAN_SIP.so', versions)).toMatchObject({ kind: 'removed', name: 'chan_sip' });
    expect(nameHistory('zzzqqq', versions)).toBeUndefined();
    expect(nameHistory('zzzqqq', [])).toBeUndefined();
  });

  it('tells where chan_sip went, and when chan_websocket came, on the real datasets', () => {
    const real = loadBuiltinDatasetIndexNode().datasets.map((d) => {
      const graph = loadBuiltinDatasetNode(d.version);
      return {
        version: d.version,
        modules: Object.values(graph.modules)
          .filter((m) => m.kind === 'loadable' || m.kind === 'builtin')
          .map((m) => m.name),
      };
    });
    expect(describeNameHistory(nameHistory('chan_sip', real)!, '23.4.1')).toBe(
      'chan_sip: removed after 18.26.4 — last in 18.26.4',
    );
    expect(describeNameHistory(nameHistory('chan_websocket', real)!, '18.26.4')).toBe(
      'chan_websocket: added in 22.10.1 — not in 18.26.4',
    );
    expect(describeNameHistory(nameHistory('test_performance', real)!, '23.4.1')).toBe(
      'test_performance: added in master — not in 23.4.1',
    );
    expect(nameHistory('app_dial', real)?.kind).toBe('everywhere');
  });
});
