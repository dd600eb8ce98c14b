import { describe, expect, it } from 'vitest';
import { DEFAULT_ELEMENT_VIEW } from './elements';
import { layoutKey, readPrecomputedLayout } from './layoutFile';

describe('precomputed layout files', () => {
  it('key every setting that changes which nodes exist, and nothing else', () => {
    const keys = new Set([
      layoutKey(DEFAULT_ELEMENT_VIEW, 'layered'),
      layoutKey(DEFAULT_ELEMENT_VIEW, 'force'),
      layoutKey({ ...DEFAULT_ELEMENT_VIEW, showLibraries: !DEFAULT_ELEMENT_VIEW.showLibraries }, 'layered'),
      layoutKey({ ...DEFAULT_ELEMENT_VIEW, showNonLoadable: true }, 'layered'),
      layoutKey({ ...DEFAULT_ELEMENT_VIEW, mode: 'providers' }, 'layered'),
    ]);
    expect(keys.size).toBe(5);
    // The provider view ignores the module view's toggles.
    expect(layoutKey({ mode: 'providers', showLibraries: false, showNonLoadable: true }, 'force')).toBe(
      layoutKey({ ...DEFAULT_ELEMENT_VIEW, mode: 'providers' }, 'force'),
    );
  });

  it('are accepted only for the version they were made for', () => {
    const file = {
      format: 'asterisk-module-explorer-layout',
      formatVersion: 1,
      version: '22.10.1',
      generatedBy: 'x',
      layouts: { k: { a: { x: 1, y: 2 } } },
    };
    expect(readPrecomputedLayout(file, '22.10.1')?.layouts.k).toEqual({ a: { x: 1, y: 2 } });
    expect(readPrecomputedLayout(file, '23.4.1')).toBeUndefined();
    expect(readPrecomputedLayout({ ...file, format: 'other' }, '22.10.1')).toBeUndefined();
    expect(readPrecomputedLayout('not json', '22.10.1')).toBeUndefined();
  });

  it('drop a layout whose positions are not points instead of drawing nonsense', () => {
    const file = {
      format: 'asterisk-module-explorer-layout',
      formatVersion: 1,
      version: 'v',
      generatedBy: '',
      layouts: { good: { a: { x: 1, y: 2 } }, bad: { a: { x: '1' } } },
    };
    expect(Object.keys(readPrecomputedLayout(file, 'v')?.layouts ?? {})).toEqual(['good']);
  });
});
