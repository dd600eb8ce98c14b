import { describe, expect, it } from 'vitest';
import { cli, scratchFiles } from './testing/cliHarness';
import type { DataProblemGroup } from './dataProblems';

const file = scratchFiles('ame-harden-');

const XMLDOC = [
  '<?xml version="1.0" encoding="UTF-16"?>',
  '<docs>',
  '<module name="app_a"><depend>res_b</depend></module>',
  '<module name="res_b"/>',
  '<application name="Foo" module="nothere"/>',
  '</docs>',
  '',
].join('\r\n');
const AUTOLOAD = file('autoload.conf', '[modules]\nautoload = yes\n');

function utf16le(text: string, bom: boolean): Uint8Array {
  const units = bom ? `\uFEFF${text}` : text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    bytes[i * 2] = units.charCodeAt(i) & 0xff;
    bytes[i * 2 + 1] = units.charCodeAt(i) >> 8;
  }
  return bytes;
}

describe('the CLI reads hostile input as the UI does: one verdict, located, exit 1, no stack trace', () => {
  it('refuses deeply nested XML with the line and column, in words', async () => {
    const deep = file(
      'deep.xml',
      `<docs>\n<module name="app_a">${'<x>'.repeat(3000)}${'</x>'.repeat(3000)}</module>\n</docs>`,
    );
    const { code, out, err } = await cli('check', '--data', deep, '--modules-conf', AUTOLOAD);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      `${deep}:2:3016: error: ${deep} is refused: nesting deeper than 1,000 elements at line 2, column 3016.\n`,
    );
  });

  it('refuses billion-laughs entities at their declaration', async () => {
    const lol = ['<!ENTITY l0 "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
    const laughs = file(
      'laughs.xml',
      `<!DOCTYPE docs [\n${lol.join('\n')}\n]>\n<docs><module name="app_a"><depend>&l9;</depend></module></docs>`,
    );
    const { code, err } = await cli('simulate', '--data', laughs, '--modules-conf', AUTOLOAD);
    expect(code).toBe(1);
    expect(err).toContain(
      `${laughs}:7:1: error: ${laughs} is refused: entity &l5; expands to more than 65,536 characters at line 7, column 1.`,
    );
  });

  it.each([
    ['UTF-16 LE with BOM', utf16le(XMLDOC, true)],
    ['UTF-16 LE without BOM', utf16le(XMLDOC, false)],
    [
      'UTF-8 with BOM and CRLF',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(XMLDOC.replace('UTF-16', 'UTF-8'))]),
    ],
  ])('reads an xmldoc in %s', async (label, bytes) => {
    const data = file(`${label.replace(/\W+/g, '-')}.xml`, bytes);
    const { code, out } = await cli('simulate', '--data', data, '--modules-conf', AUTOLOAD, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { started: string[]; dataProblems: DataProblemGroup[] };
    expect(json.started).toEqual(expect.arrayContaining(['res_b', 'app_a']));
    expect(
      json.dataProblems.find((g) => g.code === 'unresolved-name' && g.severity === 'warning')?.problems[0],
    ).toMatchObject({
      message: "application Foo: provider 'nothere' is not a module in this dataset.",
      line: 5,
      column: 1,
    });
  });

  it('calls a binary file a binary file', async () => {
    const bin = file(
      'x.bin',
      new Uint8Array(8192).map((_, i) => (i * 31 + 7) % 256),
    );
    const { code, err } = await cli('check', '--data', bin, '--modules-conf', AUTOLOAD);
    expect(code).toBe(1);
    expect(err).toBe(`${bin}: error: ${bin} looks like a binary file, not text; it was not read.\n`);
  });

  it('refuses a 100,000-line modules.conf, naming the limit', async () => {
    const huge = file('huge.conf', `[modules]\nautoload = yes\n${';\n'.repeat(100_000)}`);
    const { code, err } = await cli('check', '--data', '23.4.1', '--modules-conf', huge);
    expect(code).toBe(1);
    expect(err).toBe(
      `${huge}: error: ${huge} has more than 20,000 lines; a modules.conf may have at most 20,000, so it was not read.\n`,
    );
  });
});

describe('check and simulate print the data problems the UI shows, grouped with counts', () => {
  it('check --data 23.4.1: on stderr in text mode', async () => {
    const { code, err } = await cli('check', '--data', '23.4.1', '--modules-conf', AUTOLOAD);
    expect(code).toBe(0);
    expect(err).toContain(
      'Data problems in 23.4.1 (162, as the Problems tab shows them):\n  162 × non-loadable entry (info)\n',
    );
  });

  it('simulate --json: as dataProblems, every problem listed', async () => {
    const { out } = await cli('simulate', '--data', '23.4.1', '--modules-conf', AUTOLOAD, '--json');
    const groups = (JSON.parse(out) as { dataProblems: DataProblemGroup[] }).dataProblems;
    expect(groups.map((g) => [g.code, g.severity, g.label, g.count, g.problems.length])).toEqual([
      ['non-loadable', 'info', 'non-loadable entry', 162, 162],
    ]);
  });
});
