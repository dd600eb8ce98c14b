import { describe, expect, it } from 'vitest';
import { ingestFiles } from './ingestFiles';
import { parseMetadataXml } from './metadataXml/parseMetadataXml';
import { writeMetadataXml } from './metadataXml/writeMetadataXml';
import { parseMenuselectTree } from './parseMenuselectTree';
import { parseXmldoc } from './parseXmldoc';

describe('entity tricks, unknown providers and hostile attribute values are reported, located', () => {
  it('reports a <depend> whose entity expands to nothing, and one whose entity is not declared', () => {
    const text = [
      '<!DOCTYPE docs [ <!ENTITY nothing ""> ]>',
      '<docs>',
      '<module name="app_a">',
      '  <depend>&nothing;</depend>',
      '  <depend>res_b</depend>',
      '</module>',
      '<module name="res_b"/>',
      '</docs>',
    ].join('\n');
    const { data, problems } = parseXmldoc(text, 'core-en_US.xml');
    expect(data?.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['app_a->res_b']);
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'unresolved-name',
        message:
          'app_a: the <depend> at line 4 names no module ("&nothing;" expands to nothing); it is skipped.',
        file: 'core-en_US.xml',
        line: 4,
        column: 3,
        module: 'app_a',
      },
    ]);

    const external =
      '<!DOCTYPE menu SYSTEM "x.dtd">\n<menu><category name="MENUSELECT_APPS">\n<member name="app_a"><depend>&elsewhere;</depend></member></category></menu>';
    const tree = parseMenuselectTree(external, 'menuselect-tree');
    expect(tree.data?.edges).toEqual([]);
    expect(tree.problems.map((p) => [p.message, p.line, p.column])).toEqual([
      [
        'app_a: the <depend> at line 3 names no module (entity &elsewhere; is not declared in this file); it is skipped.',
        3,
        22,
      ],
    ]);
  });

  it('reports an item whose module="..." names no module in the dataset', () => {
    const text =
      '<docs>\n<module name="app_a"/>\n  <application name="Foo" module="nothere"/>\n  <application name="Bar" module="app_nothere"/>\n</docs>';
    const { graph, problems } = ingestFiles([{ name: 'core-en_US.xml', text }]);
    expect(graph).toBeDefined();
    expect(problems).toContainEqual({
      severity: 'warning',
      code: 'unresolved-name',
      message: "application Foo: provider 'nothere' is not a module in this dataset.",
      file: 'core-en_US.xml',
      line: 3,
      column: 3,
    });
    // A module-like name is kept as a module (app_voicemail documents itself this way) but said.
    expect(problems).toContainEqual({
      severity: 'info',
      code: 'unresolved-name',
      message:
        'app_nothere is known only as the provider of application Bar: no MODULEINFO, menuselect or runtime entry names it.',
      file: 'core-en_US.xml',
      line: 4,
      column: 3,
      module: 'app_nothere',
    });
  });

  it('does not report items documented under a source file of a multi-file module (confbridge_manager)', () => {
    const text =
      '<docs>\n<module name="app_confbridge"/>\n<managerEvent name="ConfbridgeStart" module="confbridge_manager"/>\n</docs>';
    const { problems } = ingestFiles([{ name: 'core-en_US.xml', text }]);
    expect(problems.filter((p) => p.message.includes('provider'))).toEqual([]);
  });

  it('shows a dataset version that is not a version as "custom" and says why', () => {
    const graph = parseMetadataXml(
      writeMetadataXml({
        info: { version: '22.10.1', sources: [], hasLinkFacts: false, builtinOrder: [] },
        modules: {},
        libraries: {},
        edges: [],
        outgoing: {},
        incoming: {},
        items: [],
        categories: [],
      }),
      'x.xml',
    );
    expect(graph.data?.info.version).toBe('22.10.1');
    const hostile =
      '<moduleMetadata formatVersion="1">\n  <dataset version="&lt;b&gt;x&lt;/b&gt;"/>\n</moduleMetadata>';
    const { data, problems } = parseMetadataXml(hostile, 'hostile.xml');
    expect(data?.info.version).toBe('custom');
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'unknown-format',
        message: 'hostile.xml: dataset version "<b>x</b>" is not a version; shown as "custom".',
        file: 'hostile.xml',
        line: 2,
        column: 3,
      },
    ]);
  });

  it('reports closed-value attributes outside their set: a <use> type, a support level', () => {
    const text =
      '<docs>\n<module name="app_a">\n  <use type="maybe">res_b</use>\n  <support_level>&lt;i&gt;</support_level>\n</module>\n</docs>';
    const { data, problems } = parseXmldoc(text, 'core-en_US.xml');
    expect(data?.modules.app_a?.supportLevel).toBe('unspecified');
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'app_a: <use type="maybe"> is neither "module" nor "external"; res_b is read as an untyped <use>.'],
      [2, 'app_a has an unknown support level "<i>".'],
    ]);
  });
});
