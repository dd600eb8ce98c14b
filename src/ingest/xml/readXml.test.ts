import { describe, expect, it } from 'vitest';
import { parseXmldoc } from '../parseXmldoc';
import { readXml } from './readXml';

function nested(depth: number): string {
  return `<docs>\n${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}\n</docs>`;
}

describe('readXml, the one XML reader and its limits', () => {
  it('refuses nesting deeper than 1,000 elements, naming the line and column of the element too deep', () => {
    const { document, problem } = readXml(nested(5000), 'deep.xml');
    expect(document).toBeUndefined();
    // <docs> is element 1, so the 1,001st open element is the 1,000th <a>, at offset 7 + 999 * 3.
    expect(problem).toEqual({
      severity: 'error',
      code: 'malformed-xml',
      message: 'deep.xml is refused: nesting deeper than 1,000 elements at line 2, column 2998.',
      file: 'deep.xml',
      line: 2,
      column: 2998,
    });
  });

  it('accepts nesting up to the limit', () => {
    expect(readXml(nested(999), 'ok.xml').problem).toBeUndefined();
  });

  it('is what the xmldoc parser uses: a deep module body is a located problem, not a thrown error', () => {
    const text = `<docs>\n<module name="app_x">${'<use>'.repeat(2000)}${'</use>'.repeat(2000)}</module>\n</docs>`;
    const result = parseXmldoc(text, 'core-en_US.xml');
    expect(result.data).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(
      /^core-en_US\.xml is refused: nesting deeper than 1,000 elements at line 2, column \d+\.$/,
    );
  });

  it('refuses "billion laughs" entities at their declaration', () => {
    const lol = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const text = `<?xml version="1.0"?>\n<!DOCTYPE docs [\n${lol.join('\n')}\n]>\n<docs><module name="app_a"><depend>&lol9;</depend></module></docs>`;
    const { problem } = readXml(text, 'lol.xml');
    expect(problem?.message).toBe(
      'lol.xml is refused: entity &lol5; expands to more than 65,536 characters at line 8, column 1.',
    );
    expect(problem).toMatchObject({ line: 8, column: 1 });
  });

  it('refuses entities that refer to themselves', () => {
    const text = '<!DOCTYPE docs [\n<!ENTITY a "x&b;">\n<!ENTITY b "&a;">\n]>\n<docs>&a;</docs>';
    expect(readXml(text, 'loop.xml').problem?.message).toBe(
      'loop.xml is refused: entity &a; refers to itself at line 2, column 1.',
    );
  });

  it('refuses many references to a large entity once they would add too much text', () => {
    const text = `<!DOCTYPE docs [<!ENTITY big "${'x'.repeat(60_000)}">]>\n<docs>\n${'&big;'.repeat(100)}\n</docs>`;
    const problem = readXml(text, 'wide.xml').problem;
    expect(problem?.message).toMatch(
      /^wide\.xml is refused: entity references would add more than 4,000,000 characters \(here &big;\) at line 3, column \d+\.$/,
    );
  });

  it('refuses an element with too many attributes, and text over the limit of an element it keeps', () => {
    const attributes = Array.from({ length: 300 }, (_, i) => `a${i}="x"`).join(' ');
    expect(readXml(`<docs>\n  <m ${attributes}/></docs>`, 'attrs.xml').problem?.message).toBe(
      'attrs.xml is refused: <m> has more than 256 attributes at line 2, column 3.',
    );
    const long = `<docs><m>${'y'.repeat(200)}</m></docs>`;
    expect(
      readXml(long, 'text.xml', { keep: () => true, limits: { maxTextChars: 100 } }).problem?.message,
    ).toBe('text.xml is refused: the text of <m> is longer than 100 characters at line 1, column 7.');
  });

  it('builds only the elements asked for, with offsets, resolved entities and CDATA', () => {
    const text =
      '<!DOCTYPE docs [ <!ENTITY who "the core &amp; friends"> ]>\n<docs>\n  <module name="a&amp;b"><depend>&who;</depend><x><y/></x></module>\n  <p><![CDATA[<not/>]]></p>\n</docs>';
    const { document } = readXml(text, 'a.xml', { keep: (path) => path.length <= 3 && path[2] !== 'x' });
    const [module, p] = document?.root.children ?? [];
    expect(module?.attributes.name).toBe('a&b');
    expect(module?.children.map((c) => c.name)).toEqual(['depend']);
    expect(module?.children[0]?.text).toBe('the core & friends');
    expect(p?.text).toBe('<not/>');
    expect(document?.positionOf(p?.start ?? -1)).toEqual({ line: 4, column: 3 });
    expect(text.slice(module?.start, module?.end)).toMatch(/^<module name="a&amp;b">.*<\/module>$/);
  });

  it('says what is wrong in words, with the position, never a bare library message', () => {
    expect(readXml('<docs>\n<a>\u0001</a></docs>', 'ctl.xml').problem?.message).toBe(
      'ctl.xml is not well-formed XML: a character XML does not allow (is this a text file?) at line 2, column 4.',
    );
  });
});
