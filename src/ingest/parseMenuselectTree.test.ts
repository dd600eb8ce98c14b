import { describe, expect, it } from 'vitest';
import { readE2eFixture } from './fixtures/readFixture';
import { parseMenuselectTree } from './parseMenuselectTree';

const FILE = 'menuselect-tree.xml';

describe('parseMenuselectTree', () => {
  const { data, problems } = parseMenuselectTree(readE2eFixture(FILE), FILE);

  it('reads categories with their display names and members in file order', () => {
    expect(data?.categories.map((c) => c.name)).toEqual([
      'MENUSELECT_APPS',
      'MENUSELECT_BRIDGES',
      'MENUSELECT_CODECS',
      'MENUSELECT_FUNCS',
      'MENUSELECT_RES',
      'MENUSELECT_CHANNELS',
      'MENUSELECT_CFLAGS',
    ]);
    expect(data?.categories[1]).toEqual({
      name: 'MENUSELECT_BRIDGES',
      displayName: 'Bridging Modules',
      members: ['bridge_softmix', 'binaural_rendering_in_bridge_softmix'],
    });
    expect(problems).toEqual([]);
  });

  it('maps module categories to folders and keeps the member display name as description', () => {
    expect(data?.modules.app_queue).toMatchObject({
      kind: 'loadable',
      category: 'apps',
      description: 'True Call Queueing',
      supportLevel: 'core',
    });
    expect(data?.modules.func_odbc?.category).toBe('funcs');
    expect(data?.modules.bridge_softmix?.category).toBe('bridges');
  });

  it('keeps build options and downloadable binary modules as build options', () => {
    expect(data?.modules.binaural_rendering_in_bridge_softmix).toMatchObject({
      kind: 'build-option',
      supportLevel: 'option',
    });
    expect(data?.modules.codec_opus).toMatchObject({
      kind: 'build-option',
      supportLevel: 'external',
      category: 'codecs',
    });
    // Members of a category that is not a module folder are build options whatever their support level.
    expect(data?.modules.DONT_OPTIMIZE).toMatchObject({ kind: 'build-option', category: 'other' });
  });

  it('reads MODULEINFO bodies with blank lines, trailing spaces and untyped <use>', () => {
    const edges = (data?.edges ?? [])
      .filter((e) => e.from === 'res_fax_spandsp')
      .map((e) => `${e.kind}:${e.to}`);
    expect(edges).toEqual(['depends:spandsp', 'depends:res_fax', 'optional:res_statsd', 'optional:tiff']);
    expect(data?.modules.app_meetme).toMatchObject({ defaultEnabled: false, supportLevel: 'deprecated' });
  });

  it('points each member at its line, including a start tag spread over several lines', () => {
    expect(data?.modules.app_confbridge?.sources.moduleinfo?.[0]).toEqual({
      kind: 'menuselect-tree',
      file: FILE,
      line: 4,
      column: 1,
    });
    const option = data?.modules.binaural_rendering_in_bridge_softmix?.sources.kind?.[0];
    expect(option).toMatchObject({ line: 42, column: 2 });
  });

  it('rejects an xmldoc given as menuselect-tree', () => {
    const result = parseMenuselectTree(readE2eFixture('core-en_US.xml'), 'core-en_US.xml');
    expect(result.data).toBeUndefined();
    expect(result.problems[0]?.code).toBe('unknown-root');
  });
});
