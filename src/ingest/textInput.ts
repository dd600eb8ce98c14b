/**
 * Turning a user's file into text, the same way in the worker and the CLI: size and type limits
 * checked before anything is parsed, then one decoding (UTF-8 with or without BOM, UTF-16 LE/BE
 * with a BOM or recognised by its NUL bytes, CRLF line ends read as LF).
 */
import type { Problem } from '../model';
import { formatCount } from './xml/limits';

/** What the file is for, which decides its limits. */
export type TextInputKind = 'data' | 'modules-conf' | 'dialplan';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface TextInputLimit {
  maxBytes: number;
  /** Lines, for files a person writes and the app shows in an editor. */
  maxLines?: number;
}

/** docs/format.md, "Limits": keep the two in step. */
export const TEXT_INPUT_LIMITS: Readonly<Record<TextInputKind, TextInputLimit>> = {
  data: { maxBytes: 64 * 1024 * 1024 },
  'modules-conf': { maxBytes: 1024 * 1024, maxLines: 20_000 },
  dialplan: { maxBytes: 1024 * 1024, maxLines: 20_000 },
};

/** How much of the start of a file decides whether it is text. */
export const SNIFF_BYTES = 64 * 1024;

export interface TextInputResult {
  /** The decoded text; undefined when the file was refused. */
  text: string | undefined;
  encoding: TextEncodingName;
  /** Why the file was refused. */
  problem: Problem | undefined;
}

const KIND_WORDS: Record<TextInputKind, string> = {
  data: 'a data file',
  'modules-conf': 'a modules.conf',
  dialplan: 'a dialplan file',
};

function sizeWords(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${formatCount(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${formatCount(bytes)} bytes`;
}

/** Encoding from a byte-order mark, else from where the NUL bytes of ASCII text in UTF-16 fall. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 2) return { encoding: 'utf-8', bomLength: 0 };
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  // Markup and config files are mostly ASCII: in UTF-16 one byte of nearly every pair is NUL.
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return { encoding: 'utf-16le', bomLength: 0 };
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'utf-16be') {
    // Swapped to little-endian: not every TextDecoder (small-ICU builds) knows utf-16be.
    const swapped = new Uint8Array(bytes.length & ~1);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      swapped[i] = bytes[i + 1] ?? 0;
      swapped[i + 1] = bytes[i] ?? 0;
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  return new TextDecoder(encoding).decode(bytes);
}

/** Text as every parser expects it: no byte-order mark, LF line ends. */
export function normalizeText(text: string): string {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
}

/** Decodes a file's bytes (see the module comment); never throws, bad sequences become U+FFFD. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const { encoding, bomLength } = detectEncoding(bytes);
  return { text: normalizeText(decodeBytes(bytes.subarray(bomLength), encoding)), encoding };
}

/**
 * Whether the start of a decoded text looks like a binary file: NUL or other control characters,
 * or bytes that were not UTF-8 (U+FFFD), make up more than a small share of it. A modules.conf in
 * Latin-1 with a few accented comments stays text.
 */
export function looksBinary(sample: string): boolean {
  if (sample.length === 0) return false;
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0xfffd)
      suspicious++;
  }
  return suspicious > sample.length * 0.1;
}

function countLinesUpTo(text: string, limit: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && lines <= limit; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The size check of checkTextInput alone, for callers that know a file's size before reading it. */
export function checkInputSize(name: string, size: number, kind: TextInputKind): Problem | undefined {
  const { maxBytes } = TEXT_INPUT_LIMITS[kind];
  if (size <= maxBytes) return undefined;
  return {
    severity: 'error',
    code: 'unknown-format',
    message: `${name} is ${sizeWords(size)}; ${KIND_WORDS[kind]} may be at most ${sizeWords(maxBytes)}, so it was not read.`,
    file: name,
  };
}

/**
 * The one gate every user file goes through before a parser sees it (worker and CLI): refuses
 * files over TEXT_INPUT_LIMITS[kind] (size before decoding; lines for files shown in an editor) and
 * files that look binary, naming the file and the limit; otherwise returns the decoded text.
 * `input` may be bytes (a file on disk, a browser File's contents) or text already decoded.
 */
export function checkTextInput(
  name: string,
  input: Uint8Array | string,
  kind: TextInputKind,
): TextInputResult {
  const limit = TEXT_INPUT_LIMITS[kind];
  const size = typeof input === 'string' ? input.length : input.byteLength;
  const refuse = (message: string, encoding: TextEncodingName): TextInputResult => ({
    text: undefined,
    encoding,
    problem: { severity: 'error', code: 'unknown-format', message, file: name },
  });
  const tooLarge = checkInputSize(name, size, kind);
  if (tooLarge) return { text: undefined, encoding: 'utf-8', problem: tooLarge };
  let text: string;
  let encoding: TextEncodingName = 'utf-8';
  let sample: string;
  if (typeof input === 'string') {
    text = normalizeText(input);
    sample = text.slice(0, SNIFF_BYTES);
  } else {
    const detected = detectEncoding(input);
    encoding = detected.encoding;
    // Decoding only the start first: a binary file is refused without decoding all of it.
    const head = input.subarray(detected.bomLength, detected.bomLength + SNIFF_BYTES);
    sample = decodeBytes(head, encoding);
    if (looksBinary(trimPartialEnd(sample, head.length < input.length - detected.bomLength)))
      return refuse(`${name} looks like a binary file, not text; it was not read.`, encoding);
    text = decodeText(input).text;
  }
  if (typeof input === 'string' && looksBinary(sample))
    return refuse(`${name} looks like a binary file, not text; it was not read.`, encoding);
  if (limit.maxLines !== undefined && countLinesUpTo(text, limit.maxLines) > limit.maxLines)
    return refuse(
      `${name} has more than ${formatCount(limit.maxLines)} lines; ${KIND_WORDS[kind]} may have at most ${formatCount(limit.maxLines)}, so it was not read.`,
      encoding,
    );
  return { text, encoding, problem: undefined };
}

/** A sample cut mid-character ends in one U+FFFD that says nothing about the file. */
function trimPartialEnd(sample: string, cut: boolean): string {
  return cut && sample.endsWith('\ufffd') ? sample.slice(0, -1) : sample;
}

/**
 * The most modules the browser draws. The largest real Asterisk has about 650; past this the
 * graph's crossing from the worker and its first drawing cost the page more than 100 ms at a time
 * on a modest machine (`npm run bench`, "large input"). The command line has no such limit.
 */
export const MAX_BROWSER_MODULES = 2_500;

/** Refuses, before it reaches the page, a merged graph too large to draw without blocking it. */
export function checkGraphSize(fileNames: readonly string[], modules: number): Problem | undefined {
  if (modules <= MAX_BROWSER_MODULES) return undefined;
  const one = fileNames.length === 1 ? fileNames[0] : undefined;
  return {
    severity: 'error',
    code: 'unknown-format',
    message:
      `${formatCount(modules)} modules${one === undefined ? ` in ${fileNames.join(', ')}` : ''}: more ` +
      `than the ${formatCount(MAX_BROWSER_MODULES)} the browser draws (Asterisk itself has about 650), ` +
      'so it was not opened and the current dataset stays. The command line answers the same ' +
      'questions for a graph of any size: npx asterisk-module-explorer deps|path|impact|cycles --data <file>.',
    ...(one !== undefined ? { file: one } : {}),
  };
}
