import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { ModuleGraph } from '../../model';
import { BUILTIN_VERSIONS } from '../builtinDatasets';
import { readE2eFixture, readIngestFixture } from '../fixtures/readFixture';
import { ingestFiles } from '../ingestFiles';
import { loadBuiltinDatasetNode } from '../node/loadBuiltinDataset';
import { parseMetadataXml } from './parseMetadataXml';
import { writeMetadataXml } from './writeMetadataXml';

const schema = readFileSync(new URL('../../../docs/module-metadata.xsd', import.meta.url), 'utf8');

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'dataset.xml', contents: xml },
    schema: { fileName: 'module-metadata.xsd', contents: schema },
  });
  return result.errors.map((e) => e.message);
}

function mergedFromSeveralFiles(): ModuleGraph {
  const { graph } = ingestFiles([
    { name: 'core-en_US.xml', text: readE2eFixture('core-en_US.xml') },
    { name: 'menuselect-tree.xml', text: readE2eFixture('menuselect-tree.xml') },
    { name: 'runtime.json', text: readIngestFixture('runtime.json') },
    { name: 'modules-metadata.json', text: readIngestFixture('modules-metadata.json') },
  ]);
  if (!graph) throw new Error('fixtures did not merge');
  return graph;
}

describe('Module Metadata XML round trip', () => {
  it.each(BUILTIN_VERSIONS)('reads back built-in dataset %s exactly as written', (version) => {
    const graph = loadBuiltinDatasetNode(version);
    const { data, problems } = parseMetadataXml(writeMetadataXml(graph), 'again.xml');
    expect(problems).toEqual([]);
    expect(data).toEqual(graph);
  });

  it('keeps an edge that exists only in builds with a library, and reads it back through a merge', async () => {
    const master = loadBuiltinDatasetNode('master');
    const conditional = (g: ModuleGraph): string[] =>
      g.edges
        .filter((e) => e.whenBuiltWith !== undefined)
        .map((e) => `${e.from} ${e.kind} ${e.to} ${e.whenBuiltWith}`);
    const xml = writeMetadataXml(master);
    expect(xml).toContain(
      '<edge from="res_rtp_asterisk" to="res_pjproject" kind="requires" whenBuiltWith="pjproject"',
    );
    expect(await schemaErrors(xml)).toEqual([]);
    const again = ingestFiles([{ name: 'master.xml', text: xml }]).graph;
    expect(again && conditional(again)).toEqual(conditional(master));
    expect(conditional(master)).toContain('res_rtp_asterisk requires res_pjproject pjproject');
  });

  it('reads back a graph merged from an xmldoc, a menuselect-tree, runtime.json and loader-trace metadata', () => {
    const graph = mergedFromSeveralFiles();
    expect(graph.info.hasLinkFacts).toBe(true);
    const { data, problems } = parseMetadataXml(writeMetadataXml(graph), 'merged.xml');
    expect(problems).toEqual([]);
    expect(data).toEqual(graph);
  });

  it('keeps borrowed-facts information, odd characters and line breaks in text', () => {
    const graph = mergedFromSeveralFiles();
    graph.info.runtimeFactsFrom = {
      version: '22.10.1',
      matched: 0.9733333333333334,
      matchedCount: 292,
      total: 300,
    };
    const dial = graph.modules.app_dial;
    if (!dial) throw new Error('no app_dial');
    dial.description = 'Dials "A" & <B>\n\tthen\r\nwaits  ';
    dial.replacement = 'app_stack (GoSub)';
    const { data } = parseMetadataXml(writeMetadataXml(graph, { comment: 'test -- comment' }), 'odd.xml');
    expect(data).toEqual(graph);
  });

  it('is deterministic, so regenerated datasets diff cleanly', () => {
    const graph = mergedFromSeveralFiles();
    expect(writeMetadataXml(graph)).toBe(writeMetadataXml(structuredClone(graph)));
  });
});

describe('Module Metadata XML and its schema (docs/module-metadata.xsd)', () => {
  it.each(BUILTIN_VERSIONS)('the written form of built-in dataset %s is valid', async (version) => {
    expect(await schemaErrors(writeMetadataXml(loadBuiltinDatasetNode(version)))).toEqual([]);
  });

  it('the shipped file of the default dataset is valid', async () => {
    expect(
      await schemaErrors(
        readFileSync(new URL('../../../public/datasets/23.4.1.xml', import.meta.url), 'utf8'),
      ),
    ).toEqual([]);
  });

  it('a merged graph with borrowed facts is valid', async () => {
    const graph = mergedFromSeveralFiles();
    graph.info.runtimeFactsFrom = { version: '22.10.1', matched: 0.5, matchedCount: 1, total: 2 };
    expect(await schemaErrors(writeMetadataXml(graph))).toEqual([]);
  });

  it('rejects an unknown module kind', async () => {
    const xml = writeMetadataXml(mergedFromSeveralFiles()).replace('kind="loadable"', 'kind="plugin"');
    expect((await schemaErrors(xml)).join('\n')).toMatch(/plugin/);
  });
});

describe('parseMetadataXml on bad input', () => {
  const good = writeMetadataXml(mergedFromSeveralFiles());

  it('reports a truncated file with line and column and gives no graph', () => {
    const { data, problems } = parseMetadataXml(good.slice(0, good.length / 2), 'cut.xml');
    expect(data).toBeUndefined();
    expect(problems[0]).toMatchObject({ code: 'malformed-xml', file: 'cut.xml' });
    expect(problems[0]?.line).toBeGreaterThan(1);
  });

  it('reports another root element', () => {
    const { data, problems } = parseMetadataXml('<docs></docs>', 'docs.xml');
    expect(data).toBeUndefined();
    expect(problems[0]?.code).toBe('unknown-root');
  });

  it('skips an edge of unknown kind and says where it is', () => {
    const bad = good.replace(/<edge (.*?)kind="depends"/, '<edge $1kind="needs"');
    const line = bad.split('\n').findIndex((l) => l.includes('kind="needs"')) + 1;
    const { data, problems } = parseMetadataXml(bad, 'bad.xml');
    expect(data?.edges.length).toBe(mergedFromSeveralFiles().edges.length - 1);
    expect(problems).toEqual([expect.objectContaining({ file: 'bad.xml', line, column: 1 })]);
    expect(problems[0]?.message).toContain('needs');
  });

  it('reports a source reference to a file id that does not exist', () => {
    const bad = good.replace(/src="@0/, 'src="@99');
    expect(parseMetadataXml(bad, 'bad.xml').problems[0]?.message).toContain('@99');
  });
});
