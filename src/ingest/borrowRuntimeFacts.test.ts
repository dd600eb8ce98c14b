import { describe, expect, it } from 'vitest';
import { edgesFrom } from '../model';
import { BUILTIN_VERSIONS } from './builtinDatasets';
import { borrowRuntimeFacts, hasRuntimeFacts, rankBuiltinDatasets } from './borrowRuntimeFacts';
import { readE2eFixture } from './fixtures/readFixture';
import { ingestFiles } from './ingestFiles';
import { loadBuiltinDatasetNode } from './node/loadBuiltinDataset';

const builtins = BUILTIN_VERSIONS.map((v) => loadBuiltinDatasetNode(v));
const userFiles = [
  { name: 'core-en_US.xml', text: readE2eFixture('core-en_US.xml') },
  { name: 'menuselect-tree.xml', text: readE2eFixture('menuselect-tree.xml') },
];

describe('borrowing load order facts for a user’s own files', () => {
  const own = ingestFiles(userFiles).graph;
  if (!own) throw new Error('fixtures did not parse');

  it('finds no loader facts in an xmldoc and a menuselect-tree', () => {
    expect(hasRuntimeFacts(own)).toBe(false);
  });

  it('ranks the datasets that contain every module first, then the closest module set', () => {
    const ranking = rankBuiltinDatasets(own, builtins);
    // chan_websocket exists from 22 on, so older datasets match less than all.
    expect(
      ranking
        .slice(0, 3)
        .map((r) => r.version)
        .sort(),
    ).toEqual(['22.10.1', '23.4.1', 'master']);
    expect(ranking[0]).toMatchObject({ matched: 1, matchedCount: 23, total: 23 });
    expect(ranking.at(-1)?.matched).toBeLessThan(1);
  });

  it('copies priorities, flags and requires from the best match and says so', () => {
    const { graph, problems } = borrowRuntimeFacts(own, builtins);
    const from = graph.info.runtimeFactsFrom;
    expect(from).toMatchObject({ matched: 1, matchedCount: 23, total: 23 });
    // 22.10.1 and 23.4.1 have the same module set; the newer release wins the tie.
    expect(from?.version).toBe('23.4.1');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'runtime-facts-borrowed',
        message: `Load order facts from Asterisk ${from?.version}, 100% of modules matched (23 of 23).`,
      }),
    ]);
    expect(graph.modules.app_queue?.loadPriority).toBe(150);
    expect(graph.modules.app_queue?.sources.loadPriority).toEqual([
      { kind: 'runtime', file: `Asterisk ${from?.version} built-in dataset` },
    ]);
    expect(
      edgesFrom(graph, 'res_fax_spandsp')
        .filter((e) => e.kind === 'enhances')
        .map((e) => e.to),
    ).toEqual(['res_fax']);
    // MODULEINFO facts stay the user's own.
    expect(graph.modules.res_fax_spandsp?.supportLevel).toBe('core');
  });

  it('adds the built-in modules the borrowed requires point at', () => {
    const { graph } = borrowRuntimeFacts(own, builtins);
    expect(graph.modules.cdr).toMatchObject({ kind: 'builtin', category: 'main' });
    expect(graph.info.builtinOrder).toHaveLength(16);
  });

  it('uses the version the user picks instead of the best match', () => {
    const { graph, problems } = borrowRuntimeFacts(own, builtins, '16.30.1');
    expect(graph.info.runtimeFactsFrom?.version).toBe('16.30.1');
    expect(graph.info.runtimeFactsFrom?.matched).toBeLessThan(1);
    expect(problems[0]?.message).toMatch(
      /^Load order facts from Asterisk 16\.30\.1, \d+% of modules matched/,
    );
  });

  it('is applied by ingestFiles when built-in datasets are given', () => {
    const { graph, problems } = ingestFiles(userFiles, {
      builtinDatasets: builtins,
      runtimeFactsVersion: '22.10.1',
    });
    expect(graph?.info.runtimeFactsFrom?.version).toBe('22.10.1');
    expect(problems.some((p) => p.code === 'runtime-facts-borrowed')).toBe(true);
  });

  it('is not applied when the files carry loader facts of their own', () => {
    const runtime = {
      name: 'runtime.json',
      text: '{"app_queue": {"builtin": false, "category": "apps", "flags": ["AST_MODFLAG_LOAD_ORDER"], "load_pri": 150, "has_load": true}}',
    };
    const { graph } = ingestFiles([...userFiles, runtime], { builtinDatasets: builtins });
    expect(graph?.info.runtimeFactsFrom).toBeUndefined();
  });
});
