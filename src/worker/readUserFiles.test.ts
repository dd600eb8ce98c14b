import { describe, expect, it } from 'vitest';
import { checkTextInput, MAX_BROWSER_MODULES, writeMetadataXml } from '../ingest';
import { generateLargeGraph } from '../engine/testing/largeGraph';
import { diskExplorerApi, fixtureFile } from './testSupport';

/** UTF-16 LE bytes of `text`, with a byte-order mark when asked. */
function utf16le(text: string, bom: boolean): Uint8Array<ArrayBuffer> {
  const units = bom ? `\uFEFF${text}` : text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    bytes[i * 2] = units.charCodeAt(i) & 0xff;
    bytes[i * 2 + 1] = units.charCodeAt(i) >> 8;
  }
  return bytes;
}

describe('the worker reads user files through the same gate as the CLI (checkTextInput)', () => {
  it('opens a UTF-16 menuselect-tree File, with or without BOM, as its UTF-8 original', async () => {
    const original = await (await fixtureFile('menuselect-tree.xml')).text();
    const expected = checkTextInput('tree.xml', original, 'data').text;
    for (const bom of [true, false]) {
      const file = new File([utf16le(original.replace(/\n/g, '\r\n'), bom)], 'tree.xml');
      const result = await diskExplorerApi().openFiles([file]);
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(result.graph?.modules.app_queue).toBeDefined();
      expect(Object.keys(result.graph?.modules ?? {}).sort()).toEqual(
        Object.keys(
          (await diskExplorerApi().openFiles([{ name: 'tree.xml', text: expected ?? '' }])).graph?.modules ??
            {},
        ).sort(),
      );
    }
  });

  it('refuses a binary File with the message the CLI prints, and merges nothing', async () => {
    const file = new File([new Uint8Array(8192).map((_, i) => (i * 31 + 7) % 256)], 'x.bin');
    const result = await diskExplorerApi().openFiles([file, await fixtureFile('menuselect-tree.xml')]);
    expect(result.graph).toBeUndefined();
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'unknown-format',
        message: 'x.bin looks like a binary file, not text; it was not read.',
        file: 'x.bin',
      },
    ]);
  });
});

describe('a graph too large to draw is refused before it reaches the page', () => {
  it(`opens ${MAX_BROWSER_MODULES} modules and refuses one more, naming the file and the command line`, async () => {
    const fileOf = (modules: number): { name: string; text: string } => ({
      name: 'big.xml',
      text: writeMetadataXml(generateLargeGraph({ modules, edges: modules })),
    });
    // The generator's built-ins count among the modules, as they do on the page.
    const atLimit = await diskExplorerApi().openFiles([fileOf(MAX_BROWSER_MODULES)]);
    expect(Object.keys(atLimit.graph?.modules ?? {})).toHaveLength(MAX_BROWSER_MODULES);

    const over = await diskExplorerApi().openFiles([fileOf(MAX_BROWSER_MODULES + 1)]);
    expect(over.graph).toBeUndefined();
    expect(over.problems).toHaveLength(1);
    expect(over.problems[0]).toMatchObject({ severity: 'error', file: 'big.xml' });
    expect(over.problems[0]?.message).toMatch(/^2,501 modules: more than the 2,500 the browser draws/);
    expect(over.problems[0]?.message).toMatch(
      /npx asterisk-module-explorer deps\|path\|impact\|cycles --data/,
    );
  });
});
