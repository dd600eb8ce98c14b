import { describe, expect, it } from 'vitest';
import { parseMetadataXml } from '../ingest';
import type { LoadProgress } from './explorerApi';
import { diskExplorerApi, fixtureFile } from './testSupport';

describe('explorer API', () => {
  it('lists the built-in datasets and names the newest release as the default', async () => {
    const index = await diskExplorerApi().listDatasets();
    const releases = index.datasets.map((d) => d.version).filter((v) => /^\d/.test(v));
    const newest = [...releases].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
    expect(index.default).toBe(newest);
    expect(index.datasets.map((d) => d.version)).toContain('master');
  });

  it('loads a built-in dataset with as many loadable modules as its index entry says', async () => {
    const api = diskExplorerApi();
    const entry = (await api.listDatasets()).datasets.find((d) => d.version === '22.10.1');
    const { graph } = await api.loadDataset('22.10.1');
    expect(graph?.info.version).toBe('22.10.1');
    const loadable = Object.values(graph?.modules ?? {}).filter((m) => m.kind === 'loadable');
    expect(loadable.length).toBe(entry?.modules);
    expect(graph?.modules.app_dial?.kind).toBe('loadable');
  });

  it('reports a version that has no dataset as an error and returns no graph', async () => {
    const result = await diskExplorerApi().loadDataset('1.8.0');
    expect(result.graph).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ severity: 'error', file: 'datasets/1.8.0.xml' });
    expect(result.problems[0]?.message).toContain('1.8.0');
  });

  it('merges an xmldoc and a menuselect-tree opened together and reports each phase per file', async () => {
    const progress: LoadProgress[] = [];
    const files = [await fixtureFile('core-en_US.xml'), await fixtureFile('menuselect-tree.xml')];
    const result = await diskExplorerApi().openFiles(files, {}, (p) => progress.push(p));

    // res_pjsip_session only has a <module> in the xmldoc; app_queue is only a menuselect member.
    expect(result.graph?.modules.res_pjsip_session?.kind).toBe('loadable');
    expect(result.graph?.modules.app_queue?.kind).toBe('loadable');
    expect(result.graph?.info.sources.map((s) => s.file)).toEqual(['core-en_US.xml', 'menuselect-tree.xml']);
    expect(result.problems.some((p) => p.code === 'source-disagreement')).toBe(true);

    expect(progress.map((p) => `${p.phase} ${p.fileIndex}/${p.fileCount}`)).toEqual([
      'reading 1/2',
      'reading 1/2',
      'reading 2/2',
      'reading 2/2',
      'loading-builtins 0/2',
      'parsing 2/2',
      'done 2/2',
    ]);
    expect(progress[1]?.format).toBe('xmldoc');
    expect(progress[3]?.format).toBe('menuselect-tree');
    expect(progress.at(-1)?.bytesRead).toBe(progress.at(-1)?.totalBytes);
  });

  it('borrows load order facts from the best matching built-in version unless told which one', async () => {
    const api = diskExplorerApi();
    const files = [await fixtureFile('core-en_US.xml'), await fixtureFile('menuselect-tree.xml')];
    const best = await api.openFiles(files);
    expect(best.graph?.info.runtimeFactsFrom?.matched).toBeGreaterThan(0.9);
    const chosen = await api.openFiles(files, { runtimeFactsVersion: '16.30.1' });
    expect(chosen.graph?.info.runtimeFactsFrom?.version).toBe('16.30.1');
  });

  it('returns no graph and an error with line and column for a truncated xmldoc', async () => {
    const result = await diskExplorerApi().openFiles([await fixtureFile('truncated-core-en_US.xml')]);
    expect(result.graph).toBeUndefined();
    const error = result.problems.find((p) => p.severity === 'error');
    expect(error).toMatchObject({ code: 'malformed-xml', file: 'truncated-core-en_US.xml' });
    expect(error?.line).toBeGreaterThan(1);
    expect(error?.column).toBeGreaterThan(0);
  });

  it('accepts text already in memory as well as File objects', async () => {
    const file = await fixtureFile('menuselect-tree.xml');
    const result = await diskExplorerApi().openFiles([{ name: 'tree.xml', text: await file.text() }]);
    expect(result.graph?.modules.app_queue).toBeDefined();
    expect(result.graph?.info.sources[0]?.file).toBe('tree.xml');
  });

  it('exports Module Metadata XML that reads back to the same modules and edges', async () => {
    const api = diskExplorerApi();
    const { graph } = await api.loadDataset('master');
    if (!graph) throw new Error('master dataset missing');
    const back = parseMetadataXml(api.exportMetadataXml(graph), 'export.xml').data;
    expect(Object.keys(back?.modules ?? {}).sort()).toEqual(Object.keys(graph.modules).sort());
    expect(back?.edges.length).toBe(graph.edges.length);
  });

  it('gives no precomputed layout for a version without one', async () => {
    expect(await diskExplorerApi().loadPrecomputedLayout('1.8.0')).toBeUndefined();
  });
});
