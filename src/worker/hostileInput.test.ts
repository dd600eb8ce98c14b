import { describe, expect, it } from 'vitest';
import { diskExplorerApi } from './testSupport';

/**
 * The page's path for hostile files (the worker's openFiles, which the Open files button calls):
 * the same verdicts, in the same words and places, as the CLI's (cli/hardening.test.ts), and the
 * graph on screen is never replaced by a refused file.
 */
describe('hostile files opened in the page: refused or reported, located, never a crash', () => {
  it('refuses deeply nested XML with its line and column, in words', async () => {
    const text = `<docs>\n<module name="app_a">${'<x>'.repeat(3000)}${'</x>'.repeat(3000)}</module>\n</docs>`;
    const result = await diskExplorerApi().openFiles([{ name: 'deep.xml', text }]);
    expect(result.graph).toBeUndefined();
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: 'deep.xml is refused: nesting deeper than 1,000 elements at line 2, column 3016.',
        file: 'deep.xml',
        line: 2,
        column: 3016,
      }),
    );
  });

  it('refuses entities that expand to too much, at their declaration', async () => {
    const lol = ['<!ENTITY l0 "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
    const text = `<!DOCTYPE docs [\n${lol.join('\n')}\n]>\n<docs><module name="app_a"><depend>&l9;</depend></module></docs>`;
    const result = await diskExplorerApi().openFiles([{ name: 'laughs.xml', text }]);
    expect(result.graph).toBeUndefined();
    expect(result.problems.map((p) => p.message)).toContain(
      'laughs.xml is refused: entity &l5; expands to more than 65,536 characters at line 7, column 1.',
    );
  });

  it('reports an application whose module names no module, and keeps the graph', async () => {
    const text = '<docs>\n<module name="app_a"/>\n  <application name="Foo" module="nothere"/>\n</docs>';
    const result = await diskExplorerApi().openFiles([{ name: 'core-en_US.xml', text }]);
    expect(result.graph?.modules.app_a).toBeDefined();
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: "application Foo: provider 'nothere' is not a module in this dataset.",
        line: 3,
        column: 3,
      }),
    );
  });

  it('shows a dataset version that is markup as "custom", and says so', async () => {
    const text =
      '<moduleMetadata formatVersion="1">\n  <dataset version="&lt;img src=x&gt;"/>\n</moduleMetadata>';
    const result = await diskExplorerApi().openFiles([{ name: 'hostile.xml', text }]);
    expect(result.graph?.info.version).toBe('custom');
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        message: 'hostile.xml: dataset version "<img src=x>" is not a version; shown as "custom".',
        line: 2,
        column: 3,
      }),
    );
  });
});
