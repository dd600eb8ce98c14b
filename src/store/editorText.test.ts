import { describe, expect, it } from 'vitest';
import { editorTextKind, readEditorFile, refusePastedText } from './editorText';

describe('editor text rules', () => {
  it('holds modules.conf to its limits and every other editor to the dialplan ones', () => {
    expect(editorTextKind('modules.conf')).toBe('modules-conf');
    expect(editorTextKind('/etc/asterisk/MODULES.CONF')).toBe('modules-conf');
    expect(editorTextKind('Planned modules.conf')).toBe('modules-conf');
    expect(editorTextKind('notmodules.conf')).toBe('dialplan');
    expect(editorTextKind('extensions.conf')).toBe('dialplan');
    expect(editorTextKind('users.conf')).toBe('dialplan');
  });

  it('refuses a binary paste, or one making the text too long, and lets ordinary text in', () => {
    expect(refusePastedText('modules.conf', 'PK\u0003\u0004\u0000zip', 'x')).toBe(
      'Paste refused: The pasted text looks like a binary file, not text; it was not read.',
    );
    const many = 'load => a.so\n'.repeat(30_000);
    expect(refusePastedText('extensions.conf', many, many)).toMatch(
      /^Paste refused: The pasted text has more than 20,000 lines; a dialplan file may have at most 20,000/,
    );
    const half = 'x\n'.repeat(12_000);
    expect(refusePastedText('modules.conf', half, half + half)).toMatch(
      /^Paste refused: with the pasted text, modules.conf has more than 20,000 lines/,
    );
    expect(refusePastedText('modules.conf', 'load => app_dial.so', '[modules]\nload => app_dial.so')).toBe(
      undefined,
    );
  });

  it('reads an opened file, or refuses it naming the file and why', async () => {
    const ok = await readEditorFile(new File(['\ufeff[modules]\r\nautoload = no\r\n'], 'modules.conf'));
    expect(ok).toEqual({ text: '[modules]\nautoload = no\n' });
    const binary = await readEditorFile(
      new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2])], 'chan_pjsip.so'),
      'modules-conf',
    );
    expect(binary.refused).toBe('chan_pjsip.so looks like a binary file, not text; it was not read.');
    const big = await readEditorFile(new File(['x'.repeat(1024 * 1024 + 1)], 'modules.conf'));
    expect(big.refused).toMatch(
      /^modules.conf is 1.0 MB; a modules.conf may be at most 1 MB, so it was not read.$/,
    );
  });
});
