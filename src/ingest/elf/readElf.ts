/**
 * Reads what the dynamic linker sees of a shared object (the System V ABI's ELF format): the
 * DT_NEEDED and DT_SONAME entries of its dynamic section and the global symbols of its dynamic
 * symbol table, defined or not. 32- and 64-bit, either byte order. No npm package reads these from
 * bytes in a browser (the ones there are read files with Node's fs or Buffer), hence this reader.
 * Every offset is checked against the file's length: a cut or corrupt file is an error that says
 * which structure, at which byte, went past the end.
 */
import type { ElfObject, ParseResult } from '../../model';

const SHT_STRTAB = 3;
const SHT_DYNAMIC = 6;
const SHT_DYNSYM = 11;
const DT_NEEDED = 1;
const DT_SONAME = 14;
const STB_GLOBAL = 1;
const STB_WEAK = 2;
const SHN_UNDEF = 0;
const ET_DYN = 3;

class ElfError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

interface Section {
  index: number;
  type: number;
  offset: number;
  size: number;
  link: number;
  entsize: number;
}

/** Reads fixed-width fields with the file's byte order and class, checking each against the end. */
class Reader {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly little: boolean,
    readonly is64: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  check(offset: number, length: number, what: string): void {
    if (offset < 0 || length < 0 || offset + length > this.bytes.length)
      throw new ElfError(
        `${what} at byte ${offset} (${length} bytes) runs past the end of the file (${this.bytes.length} bytes): the file is cut short or corrupt.`,
        Math.min(Math.max(offset, 0), this.bytes.length),
      );
  }
  u16(o: number): number {
    return this.view.getUint16(o, this.little);
  }
  u32(o: number): number {
    return this.view.getUint32(o, this.little);
  }
  /** An address or size: 8 bytes in a 64-bit file, 4 in a 32-bit one. */
  word(o: number, what: string): number {
    if (!this.is64) return this.u32(o);
    const v = this.view.getBigUint64(o, this.little);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError(`${what} is out of range`, o);
    return Number(v);
  }
  /** A NUL-terminated string inside [start, end). */
  cstring(start: number, at: number, end: number, what: string): string {
    const from = start + at;
    if (at < 0 || from >= end) throw new ElfError(`${what}: string offset ${at} is outside its table`, start);
    let to = from;
    while (to < end && this.bytes[to] !== 0) to++;
    let s = '';
    for (let i = from; i < to; i++) s += String.fromCharCode(this.bytes[i] ?? 0);
    return s;
  }
}

function problem(file: string, message: string, offset?: number): ParseResult<ElfObject> {
  return {
    data: undefined,
    problems: [
      {
        severity: 'error',
        code: 'unknown-format',
        message: offset === undefined ? message : `${message} (byte ${offset})`,
        file,
      },
    ],
  };
}

export function readElf(bytes: Uint8Array, file: string): ParseResult<ElfObject> {
  if (bytes.length < 16 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46)
    return problem(
      file,
      'Not an ELF file: it does not start with 0x7f "ELF". Give the module files (.so) as built.',
    );
  const cls = bytes[4];
  const data = bytes[5];
  if ((cls !== 1 && cls !== 2) || (data !== 1 && data !== 2))
    return problem(file, `Unknown ELF class ${cls ?? '?'} or byte order ${data ?? '?'}.`, 4);
  try {
    return { data: readObject(new Reader(bytes, data === 1, cls === 2), file), problems: [] };
  } catch (err) {
    if (err instanceof ElfError) return problem(file, err.message, err.offset);
    if (err instanceof RangeError) return problem(file, `The file is cut short or corrupt: ${err.message}.`);
    throw err;
  }
}

function readObject(r: Reader, file: string): ElfObject {
  const headerSize = r.is64 ? 64 : 52;
  r.check(0, headerSize, 'The ELF header');
  const type = r.u16(16);
  const machine = r.u16(18);
  const shoff = r.word(r.is64 ? 0x28 : 0x20, 'e_shoff');
  const shentsize = r.u16(r.is64 ? 0x3a : 0x2e);
  const shnum = r.u16(r.is64 ? 0x3c : 0x30);
  if (type !== ET_DYN) throw new ElfError(`Not a shared object (e_type ${type}; a module is ET_DYN, 3)`, 16);
  if (shnum === 0 || shoff === 0)
    throw new ElfError(
      'It has no section headers (stripped with sstrip?): its dynamic symbols cannot be found',
      0,
    );
  const minEntry = r.is64 ? 64 : 40;
  if (shentsize < minEntry)
    throw new ElfError(`Section header size ${shentsize} is below ${minEntry}`, r.is64 ? 0x3a : 0x2e);
  r.check(shoff, shentsize * shnum, `The section header table (${shnum} entries)`);

  const sections: Section[] = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * shentsize;
    sections.push(
      r.is64
        ? {
            index: i,
            type: r.u32(o + 4),
            offset: r.word(o + 24, 'sh_offset'),
            size: r.word(o + 32, 'sh_size'),
            link: r.u32(o + 40),
            entsize: r.word(o + 56, 'sh_entsize'),
          }
        : {
            index: i,
            type: r.u32(o + 4),
            offset: r.u32(o + 16),
            size: r.u32(o + 20),
            link: r.u32(o + 24),
            entsize: r.u32(o + 36),
          },
    );
  }
  const stringTable = (s: Section, what: string): Section => {
    const table = sections[s.link];
    if (!table || table.type !== SHT_STRTAB)
      throw new ElfError(
        `${what} names string table ${s.link}, which is not one`,
        shoff + s.index * shentsize,
      );
    r.check(table.offset, table.size, `${what}'s string table`);
    return table;
  };

  const out: ElfObject = { file, bits: r.is64 ? 64 : 32, machine, needed: [], defined: [], undefined: [] };
  const dynamic = sections.find((s) => s.type === SHT_DYNAMIC);
  if (dynamic) {
    r.check(dynamic.offset, dynamic.size, 'The dynamic section');
    const strs = stringTable(dynamic, 'The dynamic section');
    const entry = r.is64 ? 16 : 8;
    for (let o = dynamic.offset; o + entry <= dynamic.offset + dynamic.size; o += entry) {
      const tag = r.word(o, 'd_tag');
      if (tag === 0) break;
      if (tag !== DT_NEEDED && tag !== DT_SONAME) continue;
      const name = r.cstring(
        strs.offset,
        r.word(o + entry / 2, 'd_val'),
        strs.offset + strs.size,
        'A dynamic entry',
      );
      if (tag === DT_NEEDED) out.needed.push(name);
      else out.soname = name;
    }
  }
  const dynsym = sections.find((s) => s.type === SHT_DYNSYM);
  if (dynsym) {
    r.check(dynsym.offset, dynsym.size, 'The dynamic symbol table');
    const strs = stringTable(dynsym, 'The dynamic symbol table');
    const entry = dynsym.entsize || (r.is64 ? 24 : 16);
    const defined = new Set<string>();
    const undefinedSyms = new Set<string>();
    // Entry 0 is the reserved null symbol.
    for (let o = dynsym.offset + entry; o + entry <= dynsym.offset + dynsym.size; o += entry) {
      const nameAt = r.u32(o);
      const info = r.bytes[o + (r.is64 ? 4 : 12)] ?? 0;
      const shndx = r.u16(o + (r.is64 ? 6 : 14));
      const bind = info >> 4;
      if (bind !== STB_GLOBAL && bind !== STB_WEAK) continue;
      const name = r.cstring(strs.offset, nameAt, strs.offset + strs.size, 'A dynamic symbol');
      if (name === '') continue;
      (shndx === SHN_UNDEF ? undefinedSyms : defined).add(name);
    }
    out.defined = [...defined].sort();
    out.undefined = [...undefinedSyms].sort();
  }
  return out;
}
