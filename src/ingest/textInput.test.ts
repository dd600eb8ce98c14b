import { describe, expect, it } from 'vitest';
import { ingestFiles } from './ingestFiles';
import { checkTextInput, decodeText } from './textInput';

const XMLDOC = `<?xml version="1.0" encoding="UTF-8"?>\r\n<docs>\r\n<module name="app_a"><depend>res_b</depend></module>\r\n<module name="res_b"/>\r\n</docs>\r\n`;

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = bom ? `\uFEFF${text}` : text;
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    bytes[i * 2 + (endian === 'le' ? 0 : 1)] = c & 0xff;
    bytes[i * 2 + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return bytes;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeText: every encoding the UI and the CLI accept gives the same text', () => {
  const expected = XMLDOC.replace(/\r\n/g, '\n');
  it.each([
    ['UTF-8', utf8(XMLDOC)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(XMLDOC)])],
    ['UTF-16 LE with BOM', utf16(XMLDOC, 'le', true)],
    ['UTF-16 BE with BOM', utf16(XMLDOC, 'be', true)],
    ['UTF-16 LE without BOM', utf16(XMLDOC, 'le', false)],
    ['UTF-16 BE without BOM', utf16(XMLDOC, 'be', false)],
  ])('%s', (_label, bytes) => {
    expect(decodeText(bytes).text).toBe(expected);
    const checked = checkTextInput('core-en_US.xml', bytes, 'data');
    expect(checked.problem).toBeUndefined();
    const { graph, problems } = ingestFiles([{ name: 'core-en_US.xml', text: checked.text ?? '' }]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(graph?.edges.filter((e) => e.from === 'app_a').map((e) => e.to)).toEqual(['res_b']);
  });

  it('keeps non-ASCII text intact through UTF-16', () => {
    expect(decodeText(utf16('; Ünïcødé ☎ 𝄞\n[modules]\n', 'be', true)).text).toBe(
      '; Ünïcødé ☎ 𝄞\n[modules]\n',
    );
  });
});

describe('checkTextInput: size and type before any parser reads a file', () => {
  it('calls a binary file a binary file', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(checkTextInput('x.bin', bytes, 'data')).toMatchObject({
      text: undefined,
      problem: {
        severity: 'error',
        message: 'x.bin looks like a binary file, not text; it was not read.',
        file: 'x.bin',
      },
    });
    expect(
      checkTextInput('modules.conf', 'PK\u0003\u0004\u0000\u0000garbage', 'modules-conf').problem?.message,
    ).toBe('modules.conf looks like a binary file, not text; it was not read.');
  });

  it('reads a Latin-1 modules.conf with a few accented comments as text', () => {
    const latin1 = new Uint8Array([...utf8('; caf'), 0xe9, ...utf8('\n[modules]\nautoload = yes\n')]);
    expect(checkTextInput('modules.conf', latin1, 'modules-conf').text).toContain('[modules]');
  });

  it('refuses files over the stated limits, naming the limit', () => {
    const lines = `[modules]\n${'load => app_dial.so\n'.repeat(100_000)}`;
    expect(checkTextInput('huge.conf', lines, 'modules-conf').problem?.message).toBe(
      `huge.conf is ${(lines.length / 1024 / 1024).toFixed(1)} MB; a modules.conf may be at most 1 MB, so it was not read.`,
    );
    const manyShortLines = `[modules]\n${'\n'.repeat(100_000)}`;
    expect(checkTextInput('long.conf', manyShortLines, 'modules-conf').problem?.message).toBe(
      'long.conf has more than 20,000 lines; a modules.conf may have at most 20,000, so it was not read.',
    );
    expect(checkTextInput('extensions.conf', manyShortLines, 'dialplan').problem?.message).toBe(
      'extensions.conf has more than 20,000 lines; a dialplan file may have at most 20,000, so it was not read.',
    );
    expect(checkTextInput('big.xml', new Uint8Array(64 * 1024 * 1024 + 1), 'data').problem?.message).toBe(
      'big.xml is 64.0 MB; a data file may be at most 64 MB, so it was not read.',
    );
  });
});
