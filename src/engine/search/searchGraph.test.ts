import { describe, expect, it } from 'vitest';
import { indexEdges } from '../../model';
import type { ModuleGraph, ModuleInfo, ModuleKind, ProvidedItem, ProvidedItemKind } from '../../model';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { normaliseQuery, searchGraph } from './searchGraph';
import type { SearchHit } from './searchGraph';

function tinyGraph(
  modules: Array<[name: string, kind: ModuleKind]>,
  items: Array<[kind: ProvidedItemKind, name: string, module: string]> = [],
  libraries: string[] = [],
): ModuleGraph {
  const infos: Record<string, ModuleInfo> = {};
  for (const [name, kind] of modules) {
    infos[name] = { name, kind, category: 'res', supportLevel: 'core', flags: [], globalSymbols: false, sources: {} };
  }
  const provided: ProvidedItem[] = items.map(([kind, name, module]) => ({ kind, name, module }));
  return {
    info: { version: 'test', sources: [], hasLinkFacts: false, builtinOrder: [] },
    modules: infos,
    libraries: Object.fromEntries(libraries.map((name) => [name, { name, sources: [] }])),
    edges: [],
    ...indexEdges([]),
    items: provided,
    categories: [],
  };
}

const show = (hits: readonly SearchHit[]): string[] => hits.map((h) => `${h.name} ${h.kind} ${h.match}`);

describe('search ranking on small graphs', () => {
  const graph = tinyGraph(
    [
      ['app_dial', 'loadable'],
      ['dial', 'non-loadable'],
      ['dialplan_functions', 'non-loadable'],
      ['func_dialgroup', 'loadable'],
      ['manager', 'builtin'],
      ['codec_opus', 'build-option'],
    ],
    [
      ['application', 'Dial', 'app_dial'],
      ['function', 'DIALGROUP', 'func_dialgroup'],
      ['managerEvent', 'Dial', 'core'],
      ['managerEvent', 'DialBegin', 'core'],
      ['application', 'VoiceMail', 'app_voicemail_odbc'],
      ['application', 'VoiceMail', 'app_voicemail'],
      ['application', 'voicemail', 'app_voicemail_imap'],
    ],
    ['dialog'],
  );

  it('puts the exact application before the exact non-loadable entry, prefixes next, fuzzy last', () => {
    expect(show(searchGraph(graph, 'Dial').hits)).toEqual([
      'Dial application exact',
      'DIALGROUP function prefix',
      'dial non-loadable exact',
      'dialog library prefix',
      'dialplan_functions non-loadable prefix',
      'Dial managerEvent exact',
      'app_dial module fuzzy',
      'func_dialgroup module fuzzy',
      'DialBegin managerEvent prefix',
    ]);
  });

  it('says whether some entry has exactly the name asked for', () => {
    expect(searchGraph(graph, 'dial').exact).toBe(true);
    expect(searchGraph(graph, 'dia').exact).toBe(false);
  });

  it('compares names case-insensitively and lists an item with several providers once, with all of them', () => {
    const [first, ...rest] = searchGraph(graph, 'VOICEMAIL').hits;
    expect(first).toMatchObject({
      name: 'VoiceMail',
      kind: 'application',
      match: 'exact',
      providers: ['app_voicemail', 'app_voicemail_imap', 'app_voicemail_odbc'],
    });
    expect(rest.filter((h) => h.kind === 'application')).toEqual([]);
  });

  it('reads file names and dialplan calls as the names they stand for', () => {
    expect(normaliseQuery('  app_dial.SO ')).toBe('app_dial');
    expect(normaliseQuery('Dial()')).toBe('dial');
    expect(normaliseQuery('DIALGROUP(mygroup,add)')).toBe('dialgroup');
    expect(searchGraph(graph, 'app_dial.so').hits[0]).toMatchObject({ name: 'app_dial', match: 'exact' });
    expect(searchGraph(graph, 'DIALGROUP(x)').hits[0]).toMatchObject({ name: 'DIALGROUP', match: 'exact' });
  });

  it('finds built-ins as primary and build options as secondary entries', () => {
    expect(searchGraph(graph, 'manager').hits[0]).toMatchObject({ kind: 'builtin', tier: 0 });
    expect(searchGraph(graph, 'codec_opus').hits[0]).toMatchObject({ kind: 'build-option', tier: 1 });
  });

  it('keeps to the limit and finds nothing for a blank query or one that matches nothing', () => {
    expect(searchGraph(graph, 'dial', 3).hits).toHaveLength(3);
    expect(searchGraph(graph, '   ').hits).toEqual([]);
    expect(searchGraph(graph, '()').hits).toEqual([]);
    expect(searchGraph(graph, 'zzzqqq').hits).toEqual([]);
  });

  it('finds a name with a typo in it through fuzzy matching', () => {
    expect(show(searchGraph(graph, 'func_dailgroup').hits)).toContain('func_dialgroup module fuzzy');
  });
});

describe('search ranking on the real datasets', () => {
  const master = loadBuiltinDatasetNode('master');
  const current = loadBuiltinDatasetNode('23.4.1');

  it('"Dial" finds the application Dial of app_dial first and the non-loadable dial entry below it', () => {
    const { hits } = searchGraph(master, 'Dial');
    expect(hits[0]).toMatchObject({ name: 'Dial', kind: 'application', providers: ['app_dial'], match: 'exact' });
    const entry = hits.findIndex((h) => h.kind === 'non-loadable' && h.name === 'dial');
    expect(entry).toBeGreaterThan(0);
    // Every primary exact or prefix match ranks above the non-loadable entry.
    expect(hits.slice(0, entry).every((h) => h.tier === 0 && h.match !== 'fuzzy')).toBe(true);
    expect(hits.map((h) => h.name)).toContain('app_dial');
  });

  it('"CALLERID()" finds the function before the non-loadable callerid entry', () => {
    const names = show(searchGraph(master, 'CALLERID()').hits);
    expect(names[0]).toBe('CALLERID function exact');
    expect(names[1]).toBe('callerid non-loadable exact');
  });

  it('a removed module finds its relatives by fuzzy matching only', () => {
    const result = searchGraph(current, 'chan_sip');
    expect(result.exact).toBe(false);
    expect(result.hits.every((h) => h.match === 'fuzzy')).toBe(true);
    expect(result.hits.map((h) => h.name)).toContain('chan_pjsip');
  });

  it('answers a query on master in a few milliseconds once the index is built', () => {
    const queries = ['Dial', 'd', 'dia', 'chan_sip', 'res_pjsip_session', 'voicemail', 'zzzqqq', 'CALLERID()', 'app_dial.so'];
    const built = performance.now();
    searchGraph(master, 'warm up');
    const buildMs = performance.now() - built;
    for (let i = 0; i < 5; i++) for (const q of queries) searchGraph(master, q);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      for (const q of queries) {
        const t = performance.now();
        searchGraph(master, q);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? NaN;
    const p95 = times[Math.floor(times.length * 0.95)] ?? NaN;
    console.log(
      `search on master: index ${buildMs.toFixed(1)} ms, query median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (${times.length} queries)`,
    );
    expect(times).toHaveLength(queries.length * 20);
  });
});
