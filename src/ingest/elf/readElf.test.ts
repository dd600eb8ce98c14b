/**
 * The fixtures are tiny modules built by scripts/build-elf-fixtures.mjs with gcc (x86-64, little
 * endian); a 32-bit big-endian object is written byte by byte below.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readElf } from './readElf';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name)));

/** A 32-bit big-endian ET_DYN with .dynstr, .dynsym and .dynamic, as a MIPS or PowerPC build has. */
function bigEndian32(): Uint8Array {
  const strs = '\0libc.so.6\0res_be.so\0ast_be_export\0ast_core_import\0';
  const at = (s: string): number => strs.indexOf(`\0${s}\0`) + 1;
  const bytes = new Uint8Array(512);
  const v = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 1, 2, 1], 0);
  v.setUint16(16, 3); // ET_DYN
  v.setUint16(18, 8); // EM_MIPS
  const strOff = 64;
  for (let i = 0; i < strs.length; i++) bytes[strOff + i] = strs.charCodeAt(i);
  const symOff = 128; // 3 symbols of 16 bytes: null, defined export, undefined import
  v.setUint32(symOff + 16, at('ast_be_export'));
  bytes[symOff + 16 + 12] = 0x12; // GLOBAL FUNC
  v.setUint16(symOff + 16 + 14, 5);
  v.setUint32(symOff + 32, at('ast_core_import'));
  bytes[symOff + 32 + 12] = 0x10; // GLOBAL NOTYPE, undefined
  const dynOff = 192; // NEEDED, SONAME, NULL
  v.setUint32(dynOff, 1);
  v.setUint32(dynOff + 4, at('libc.so.6'));
  v.setUint32(dynOff + 8, 14);
  v.setUint32(dynOff + 12, at('res_be.so'));
  const shoff = 256;
  v.setUint32(0x20, shoff);
  v.setUint16(0x2e, 40);
  v.setUint16(0x30, 4);
  const section = (
    i: number,
    type: number,
    offset: number,
    size: number,
    link: number,
    entsize: number,
  ): void => {
    const o = shoff + i * 40;
    v.setUint32(o + 4, type);
    v.setUint32(o + 16, offset);
    v.setUint32(o + 20, size);
    v.setUint32(o + 24, link);
    v.setUint32(o + 36, entsize);
  };
  section(1, 3, strOff, strs.length, 0, 0);
  section(2, 11, symOff, 48, 1, 16);
  section(3, 6, dynOff, 24, 1, 8);
  return bytes;
}

describe('readElf', () => {
  it("reads a module's needed libraries, soname and the symbols it imports and exports", () => {
    const r = readElf(fixture('app_fixture_user.so'), 'app_fixture_user.so');
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual({
      file: 'app_fixture_user.so',
      bits: 64,
      machine: 62,
      soname: 'app_fixture_user.so',
      needed: ['libm.so.6'],
      defined: ['load_module'],
      undefined: [
        '__ast_format_interface_register',
        '__ast_module_shutdown_ref',
        'ast_fixture_provider_count',
      ],
    });
    expect(readElf(fixture('res_fixture_provider.so'), 'res_fixture_provider.so').data?.defined).toEqual([
      'ast_fixture_provider_count',
      'ast_fixture_provider_register',
    ]);
  });

  it('reads 32-bit big-endian objects too', () => {
    expect(readElf(bigEndian32(), 'res_be.so').data).toEqual({
      file: 'res_be.so',
      bits: 32,
      machine: 8,
      soname: 'res_be.so',
      needed: ['libc.so.6'],
      defined: ['ast_be_export'],
      undefined: ['ast_core_import'],
    });
  });

  it('refuses what is not an ELF shared object, saying what it is', () => {
    const text = new TextEncoder().encode('[modules]\nautoload=yes\n');
    expect(readElf(text, 'modules.conf').problems[0]?.message).toContain('Not an ELF file');
    const exe = fixture('app_fixture_user.so').slice();
    exe[16] = 2; // ET_EXEC
    expect(readElf(exe, 'a.out').problems[0]?.message).toContain('Not a shared object (e_type 2');
  });

  it('says where a cut-short file ends, and never reads past it', () => {
    const whole = fixture('app_fixture_user.so');
    for (const length of [20, 63, 200, whole.length - 100, whole.length - 1]) {
      const r = readElf(whole.slice(0, length), 'cut.so');
      expect(r.data).toBeUndefined();
      expect(r.problems[0]).toMatchObject({ severity: 'error', file: 'cut.so' });
      expect(r.problems[0]?.message).toMatch(/cut short|past the end|section headers|Not an ELF/);
    }
  });
});
