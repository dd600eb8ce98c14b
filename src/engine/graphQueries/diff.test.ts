import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import type { ModuleGraph, ModuleInfo } from '../../model';
import { buildGraph } from '../testing/buildGraph';
import { diffGraphs } from './diff';
import { categorised, withEdges } from './testGraphs';

function edit(graph: ModuleGraph, changes: Record<string, Partial<ModuleInfo>>): ModuleGraph {
  const modules = { ...graph.modules };
  for (const [name, change] of Object.entries(changes)) {
    const m = modules[name];
    if (m) modules[name] = { ...m, ...change };
  }
  return { ...graph, modules };
}

const before = edit(
  categorised(
    buildGraph(
      {
        extconfig: { builtin: true, priority: 0 },
        res_core: { priority: 10 },
        res_y: {},
        res_x: { requires: ['res_core'], depends: ['res_y'], priority: 128, supportLevel: 'extended' },
        app_old: { replacement: 'app_new', deprecatedIn: '19' },
        res_voicemail: {},
        func_strings: {},
        chan_sip: { deprecatedIn: '17', removedIn: '21' },
        app_same: {},
      },
      { version: '18.0.0' },
    ),
  ),
  { res_y: { defaultEnabled: false } },
);
const after = withEdges(
  categorised(
    buildGraph(
      {
        extconfig: { builtin: true, priority: 0 },
        res_core: { priority: 20 },
        res_y: {},
        res_z: {},
        res_x: {
          requires: ['res_core', 'res_z'],
          priority: 90,
          supportLevel: 'deprecated',
          deprecatedIn: '22',
        },
        app_new: {},
        res_voicemail_odbc: {},
        func_string: {},
        chan_websocket: {},
        app_same: {},
      },
      { version: '22.0.0' },
    ),
  ),
  [{ from: 'app_same', to: 'libfoo', kind: 'uses-library' }],
);

describe('diffGraphs on hand-made graphs', () => {
  const d = diffGraphs(before, after);

  it('lists added and removed modules by name', () => {
    expect(d.from).toBe('18.0.0');
    expect(d.to).toBe('22.0.0');
    expect(d.added).toEqual(['app_new', 'chan_websocket', 'func_string', 'res_voicemail_odbc', 'res_z']);
    expect(d.removed).toEqual(['app_old', 'chan_sip', 'func_strings', 'res_voicemail']);
  });

  it('pairs renamed-looking modules and says why; unrelated names stay unpaired', () => {
    expect(d.renamed).toEqual([
      { from: 'app_old', to: 'app_new', why: 'app_old names app_new as its replacement in 18.0.0' },
      {
        from: 'func_strings',
        to: 'func_string',
        why: 'same category (funcs), and the names differ by 1 letter',
      },
      {
        from: 'res_voicemail',
        to: 'res_voicemail_odbc',
        why: 'same category (res), and res_voicemail_odbc extends the name res_voicemail by whole words',
      },
    ]);
  });

  it('lists each changed aspect of a module once, modules by name', () => {
    expect(d.changed).toEqual([
      { module: 'app_same', what: 'uses-library: +libfoo' },
      { module: 'res_core', what: 'priority 10 -> 20' },
      { module: 'res_x', what: 'depends: -res_y' },
      { module: 'res_x', what: 'requires: +res_z' },
      { module: 'res_x', what: 'priority 128 -> 90' },
      { module: 'res_x', what: 'support level extended -> deprecated' },
      { module: 'res_x', what: 'deprecation: none -> deprecated in 22' },
      { module: 'res_y', what: 'default enabled no -> yes' },
    ]);
  });

  it('is symmetric', () => {
    const back = diffGraphs(after, before);
    expect(back.added).toEqual(d.removed);
    expect(back.removed).toEqual(d.added);
    expect(back.changed.map((c) => c.module)).toEqual(d.changed.map((c) => c.module));
    expect(back.changed.find((c) => c.module === 'res_x' && c.what.startsWith('requires'))?.what).toBe(
      'requires: -res_z',
    );
  });

  it('finds nothing between a graph and itself', () => {
    expect(diffGraphs(after, after)).toMatchObject({
      added: [],
      removed: [],
      renamed: [],
      changed: [],
      notes: [],
    });
  });

  it('compares links only when both datasets record link facts', () => {
    const a = buildGraph({ res_a: { globalSymbols: true }, app_b: {} }, { hasLinkFacts: false });
    const b = buildGraph({ res_a: { globalSymbols: true }, app_b: { links: ['res_a'] } });
    expect(diffGraphs(a, b).changed).toEqual([]);
    const c = buildGraph({ res_a: { globalSymbols: true }, app_b: {} });
    expect(diffGraphs(c, b).changed).toEqual([{ module: 'app_b', what: 'links: +res_a' }]);
  });
});

describe('diffGraphs on the built-in datasets', () => {
  const g18 = loadBuiltinDatasetNode('18.26.4');
  const g23 = loadBuiltinDatasetNode('23.4.1');
  const master = loadBuiltinDatasetNode('master');

  it('18.26.4 -> 23.4.1: chan_sip and app_macro removed, chan_websocket added, no false renames', () => {
    const d = diffGraphs(g18, g23);
    expect(d.removed).toEqual(expect.arrayContaining(['chan_sip', 'app_macro', 'res_monitor', 'app_fax']));
    expect(d.added).toEqual(expect.arrayContaining(['chan_websocket', 'app_voicemail_odbc']));
    expect(d.renamed).toEqual([]);
    expect(d.changed).toContainEqual({ module: 'app_meetme', what: 'support level extended -> deprecated' });
    expect(d.changed).toContainEqual({ module: 'app_dial', what: 'requires: -ccss' });
    expect(d.changed).toContainEqual({ module: 'res_fax', what: 'conflicts: -app_fax' });
  });

  it('one entry per module per aspect, and no links noise against a dataset without link facts', () => {
    const d = diffGraphs(g18, master);
    const aspects = d.changed.map(
      (c) => `${c.module} ${/^[a-z-]+( level| enabled)?/.exec(c.what)?.[0] ?? ''}`,
    );
    expect(new Set(aspects).size).toBe(aspects.length);
    expect(d.changed.some((c) => c.what.startsWith('links:'))).toBe(false);
    expect(d.notes).toEqual(['Link-time dependencies (links) are not compared: 18.26.4 has no link facts.']);
  });

  it('23.4.1 -> master: test_performance added; the requires master has only with pjproject count as kept', () => {
    expect(diffGraphs(g23, master)).toMatchObject({
      from: '23.4.1',
      to: 'master',
      added: ['test_performance'],
      removed: [],
      changed: [],
    });
  });

  it('13.38.3 -> 16.30.1 shows load priority changes', () => {
    const d = diffGraphs(loadBuiltinDatasetNode('13.38.3'), loadBuiltinDatasetNode('16.30.1'));
    expect(d.changed).toContainEqual({ module: 'res_pjsip', what: 'priority 45 -> 55' });
  });
});
