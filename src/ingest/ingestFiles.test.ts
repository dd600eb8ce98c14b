import { describe, expect, it } from 'vitest';
import { edgesFrom, edgesTo, type Problem } from '../model';
import { readE2eFixture, readIngestFixture } from './fixtures/readFixture';
import { ingestFiles } from './ingestFiles';
import { writeMetadataXml } from './metadataXml/writeMetadataXml';

const xmldoc = { name: 'core-en_US.xml', text: readE2eFixture('core-en_US.xml') };
const menuselect = { name: 'menuselect-tree.xml', text: readE2eFixture('menuselect-tree.xml') };
const runtime = { name: 'runtime.json', text: readIngestFixture('runtime.json') };

function withCode(problems: readonly Problem[], code: Problem['code']): Problem[] {
  return problems.filter((p) => p.code === code);
}

describe('ingestFiles merging an xmldoc with a menuselect-tree', () => {
  const { graph, problems, formats } = ingestFiles([xmldoc, menuselect]);

  it('detects each format from the content', () => {
    expect(formats).toEqual(['xmldoc', 'menuselect-tree']);
    expect(graph?.info.sources.map((s) => s.kind)).toEqual(['xmldoc', 'menuselect-tree']);
  });

  it('turns <depend> on a name that is not a module into a library and a uses-library edge', () => {
    expect(graph?.libraries.pjproject).toBeDefined();
    expect(edgesFrom(graph!, 'res_pjsip_session').map((e) => `${e.kind}:${e.to}`)).toEqual([
      'uses-library:pjproject',
      'depends:res_pjsip',
      'optional:res_statsd',
    ]);
    expect(edgesTo(graph!, 'pjproject').map((e) => e.from)).toEqual(['res_pjsip', 'res_pjsip_session']);
  });

  it('settles an untyped <use> by what it names: a module is optional, anything else an optional library', () => {
    const spandsp = edgesFrom(graph!, 'res_fax_spandsp');
    expect(spandsp.find((e) => e.to === 'res_statsd')).toMatchObject({ kind: 'optional' });
    expect(spandsp.find((e) => e.to === 'res_statsd')?.optional).toBeUndefined();
    expect(spandsp.find((e) => e.to === 'tiff')).toMatchObject({ kind: 'uses-library', optional: true });
  });

  it('keeps one edge per fact with the sources of both files when they agree', () => {
    const edge = edgesFrom(graph!, 'func_odbc').find((e) => e.to === 'res_odbc');
    expect(edge?.sources.map((s) => s.file)).toEqual(['core-en_US.xml', 'menuselect-tree.xml']);
  });

  it('reports a support level that differs between the files, and keeps menuselect', () => {
    const [disagreement] = withCode(problems, 'source-disagreement').filter(
      (p) => p.module === 'res_fax_spandsp',
    );
    expect(disagreement?.message).toMatch(/core-en_US\.xml says extended, menuselect-tree\.xml says core/);
    expect(disagreement).toMatchObject({ file: 'core-en_US.xml', line: 102, column: 1 });
    expect(graph?.modules.res_fax_spandsp?.supportLevel).toBe('core');
    expect(graph?.modules.res_fax_spandsp?.sources.supportLevel?.map((s) => s.file)).toEqual([
      'menuselect-tree.xml',
    ]);
  });

  it('reports a dependency that one file lists and the other does not, and keeps it', () => {
    const edgeProblem = withCode(problems, 'source-disagreement').find(
      (p) => p.module === 'res_pjsip_session',
    );
    expect(edgeProblem?.message).toContain('res_statsd');
    expect(edgeProblem?.message).toContain('menuselect-tree.xml does not');
  });

  it('lets menuselect decide what is loadable: format_compatibility is a core file, not a format module', () => {
    expect(graph?.modules.format_compatibility?.kind).toBe('non-loadable');
    expect(graph?.modules.app_queue?.kind).toBe('loadable');
    expect(graph?.modules.codec_opus?.kind).toBe('build-option');
    const nonLoadable = withCode(problems, 'non-loadable').map((p) => p.module);
    expect(nonLoadable).toEqual(['sig_analog', 'format_compatibility']);
    expect(withCode(problems, 'non-loadable')[0]).toMatchObject({
      severity: 'info',
      file: 'core-en_US.xml',
      line: 174,
    });
  });

  it('reports self-dependencies and each dependency cycle once', () => {
    expect(withCode(problems, 'self-dependency').map((p) => p.module)).toEqual(['res_speech']);
    expect(withCode(problems, 'dependency-cycle').map((p) => p.message)).toEqual([
      expect.stringContaining('res_fax, res_fax_spandsp'),
      expect.stringContaining('res_odbc, res_odbc_transaction'),
    ]);
  });

  it('still reports the duplicate module name of the xmldoc with its position', () => {
    expect(withCode(problems, 'duplicate-module')[0]).toMatchObject({
      module: 'format_compatibility',
      line: 180,
    });
  });

  it('keeps the menuselect categories', () => {
    expect(graph?.categories.find((c) => c.name === 'MENUSELECT_APPS')?.members).toContain('app_queue');
  });
});

describe('ingestFiles with loader facts', () => {
  it('merges runtime.json with MODULEINFO and reports names that resolve to nothing', () => {
    const { graph, problems } = ingestFiles([xmldoc, menuselect, runtime]);
    expect(graph?.modules.app_queue?.loadPriority).toBe(150);
    expect(
      edgesFrom(graph!, 'res_fax_spandsp')
        .filter((e) => e.kind === 'enhances')
        .map((e) => e.to),
    ).toEqual(['res_fax']);
    const unresolved = withCode(problems, 'unresolved-name');
    expect(unresolved.map((p) => p.message)).toEqual([
      expect.stringContaining('app_mixmonitor names func_periodic_hook (optional)'),
      expect.stringContaining('app_mixmonitor names res_beep (optional)'),
    ]);
    expect(unresolved[0]).toMatchObject({ file: 'runtime.json', module: 'app_mixmonitor' });
  });

  it('derives the built-in registration order from the built-ins it found', () => {
    const { graph } = ingestFiles([runtime]);
    expect(graph?.info.builtinOrder).toEqual(['extconfig', 'acl']);
  });

  it('takes a recorded built-in order, version and commit from the options', () => {
    const { graph } = ingestFiles([runtime], {
      builtinOrder: ['acl', 'extconfig'],
      version: '99.0.0',
      commit: 'abc',
    });
    expect(graph?.info).toMatchObject({
      builtinOrder: ['acl', 'extconfig'],
      version: '99.0.0',
      commit: 'abc',
    });
  });
});

describe('ingestFiles on bad input', () => {
  it('returns no graph when a file is malformed, so the previous graph stays', () => {
    const { graph, problems } = ingestFiles([
      menuselect,
      { name: 'cut.xml', text: readE2eFixture('truncated-core-en_US.xml') },
    ]);
    expect(graph).toBeUndefined();
    expect(problems[0]).toMatchObject({ code: 'malformed-xml', file: 'cut.xml' });
    expect(problems[0]?.line).toBeGreaterThan(1);
  });

  it('reports an XML file with an unknown root element', () => {
    const { graph, problems } = ingestFiles([
      { name: 'page.xml', text: '<?xml version="1.0"?>\n<html><body/></html>' },
    ]);
    expect(graph).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'unknown-root', file: 'page.xml' })]);
    expect(problems[0]?.message).toContain('<html>');
  });

  it('reports a file in an unknown format', () => {
    const { problems } = ingestFiles([{ name: 'notes.txt', text: 'hello' }]);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'unknown-format', severity: 'error', file: 'notes.txt' }),
    ]);
  });

  it('notes a modules.conf without failing the other files', () => {
    const { graph, problems } = ingestFiles([
      menuselect,
      { name: 'modules.conf', text: '[modules]\nautoload=yes\n' },
    ]);
    expect(graph).toBeDefined();
    expect(problems.find((p) => p.file === 'modules.conf')).toMatchObject({ severity: 'info' });
  });
});

describe('ingestFiles on an exported Module Metadata XML', () => {
  it('gives back exactly the graph that was written', () => {
    const merged = ingestFiles([xmldoc, menuselect, runtime]).graph;
    if (!merged) throw new Error('fixtures did not merge');
    const { graph, problems, formats } = ingestFiles([
      { name: 'export.xml', text: writeMetadataXml(merged) },
    ]);
    expect(formats).toEqual(['metadata-xml']);
    expect(graph).toEqual(merged);
    // A fact keeps only the sources that agreed with the kept value, so a settled fact disagreement
    // is not reported again; an edge keeps every file that listed it, so that disagreement still shows.
    expect(withCode(problems, 'source-disagreement').map((p) => p.message)).toEqual([
      'res_pjsip_session: core-en_US.xml lists res_statsd as optional, menuselect-tree.xml does not; kept.',
    ]);
    expect(withCode(problems, 'duplicate-module')).toEqual([]);
  });
});
