/**
 * A forward scanner over well-formed XML that finds elements and their offsets without building
 * a tree. fast-xml-parser has no positions and spends most of its time on the 1.6 MB of prose in a
 * full xmldoc; the scanner jumps over whole elements, and fast-xml-parser then parses only the small
 * pieces we need. Only call it on text that passed `checkWellFormed`.
 */
import { decodeXmlText } from './entities';

export interface ScannedElement {
  name: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  contentStart: number;
  /** Offset of the end tag's `<` (equals contentStart for an empty-element tag). */
  contentEnd: number;
  /** Offset just after the element. */
  end: number;
  /** Attributes, entity-decoded. */
  attributes: Record<string, string>;
}

const START_TAG = /<([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY_DECL = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;

export function parseAttributes(
  text: string,
  entities?: Readonly<Record<string, string>>,
): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1];
    if (name !== undefined) attributes[name] = decodeXmlText(m[2] ?? m[3] ?? '', entities);
  }
  return attributes;
}

function skipMarkup(text: string, lt: number): number {
  if (text.startsWith('<!--', lt)) return end(text, text.indexOf('-->', lt + 4), 3);
  if (text.startsWith('<![CDATA[', lt)) return end(text, text.indexOf(']]>', lt + 9), 3);
  if (text.startsWith('<?', lt)) return end(text, text.indexOf('?>', lt + 2), 2);
  if (text.startsWith('<!DOCTYPE', lt)) return skipDoctype(text, lt);
  return end(text, text.indexOf('>', lt), 1);
}

function end(text: string, at: number, length: number): number {
  return at === -1 ? text.length : at + length;
}

function skipDoctype(text: string, lt: number): number {
  const bracket = text.indexOf('[', lt);
  const close = text.indexOf('>', lt);
  if (bracket === -1 || close < bracket) return end(text, close, 1);
  // The internal subset may hold `>` inside declarations; it ends at `]` followed by `>`.
  const subsetEnd = /\]\s*>/g;
  subsetEnd.lastIndex = bracket;
  const m = subsetEnd.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/** Entities declared in the DOCTYPE's internal subset, so attribute values that use them decode. */
export function declaredEntities(text: string, root: ScannedElement | undefined): Record<string, string> {
  const prolog = text.slice(0, root?.start ?? text.length);
  const entities: Record<string, string> = {};
  if (!prolog.includes('<!ENTITY')) return entities;
  for (const m of prolog.matchAll(ENTITY_DECL)) {
    // Character and predefined references in an entity value are expanded when it is used.
    if (m[1] !== undefined) entities[m[1]] = decodeXmlText(m[2] ?? m[3] ?? '');
  }
  return entities;
}

const closeFinders = new Map<string, RegExp>();

function findElementEnd(text: string, name: string, from: number): { contentEnd: number; end: number } {
  let finder = closeFinders.get(name);
  if (!finder) {
    // Comments and CDATA sections are matched (and skipped) so tag-like text inside them is not counted.
    finder = new RegExp(
      `<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<(/?)${name.replace(/[.]/g, '\\.')}(?=[\\s/>])`,
      'g',
    );
    closeFinders.set(name, finder);
  }
  finder.lastIndex = from;
  let depth = 1;
  for (let m = finder.exec(text); m; m = finder.exec(text)) {
    if (m[1] === undefined) continue;
    if (m[1] === '/') {
      depth--;
      if (depth === 0) return { contentEnd: m.index, end: end(text, text.indexOf('>', m.index), 1) };
    } else {
      START_TAG.lastIndex = m.index;
      const tag = START_TAG.exec(text);
      if (tag && !(tag[2] ?? '').endsWith('/')) depth++;
    }
  }
  return { contentEnd: text.length, end: text.length };
}

/** In well-formed text the document element's end tag is the last end tag. */
function rootEnd(text: string, name: string): { contentEnd: number; end: number } {
  const at = text.lastIndexOf(`</${name}`);
  return at === -1
    ? { contentEnd: text.length, end: text.length }
    : { contentEnd: at, end: end(text, text.indexOf('>', at), 1) };
}

function readElement(
  text: string,
  lt: number,
  entities?: Readonly<Record<string, string>>,
  isRoot = false,
): ScannedElement | undefined {
  START_TAG.lastIndex = lt;
  const tag = START_TAG.exec(text);
  if (!tag) return undefined;
  const name = tag[1] ?? '';
  const rawAttributes = tag[2] ?? '';
  const contentStart = lt + tag[0].length;
  const selfClosing = rawAttributes.endsWith('/');
  const { contentEnd, end: elementEnd } = selfClosing
    ? { contentEnd: contentStart, end: contentStart }
    : isRoot
      ? rootEnd(text, name)
      : findElementEnd(text, name, contentStart);
  return {
    name,
    start: lt,
    contentStart,
    contentEnd,
    end: elementEnd,
    attributes: parseAttributes(selfClosing ? rawAttributes.slice(0, -1) : rawAttributes, entities),
  };
}

/** The document element (after the XML declaration, DOCTYPE, PIs and comments), or undefined. */
export function findRootElement(text: string): ScannedElement | undefined {
  let pos = 0;
  for (;;) {
    const lt = text.indexOf('<', pos);
    if (lt === -1) return undefined;
    const next = text[lt + 1];
    if (next === '!' || next === '?') {
      pos = skipMarkup(text, lt);
      continue;
    }
    return readElement(text, lt, undefined, true);
  }
}

/** Name of the document element, read from the start only (cheap enough for format detection). */
export function rootElementName(text: string): string | undefined {
  let pos = 0;
  for (;;) {
    const lt = text.indexOf('<', pos);
    if (lt === -1) return undefined;
    const next = text[lt + 1];
    if (next === '!' || next === '?') {
      pos = skipMarkup(text, lt);
      continue;
    }
    return /^<([A-Za-z_][\w:.-]*)/.exec(text.slice(lt, lt + 200))?.[1];
  }
}

/** Child elements of `parent`, in document order, each skipped over whole. */
export function childElements(
  text: string,
  parent: ScannedElement,
  entities?: Readonly<Record<string, string>>,
): ScannedElement[] {
  const children: ScannedElement[] = [];
  let pos = parent.contentStart;
  while (pos < parent.contentEnd) {
    const lt = text.indexOf('<', pos);
    if (lt === -1 || lt >= parent.contentEnd) break;
    const next = text[lt + 1];
    if (next === '!' || next === '?' || next === '/') {
      pos = skipMarkup(text, lt);
      continue;
    }
    const child = readElement(text, lt, entities);
    if (!child) {
      pos = lt + 1;
      continue;
    }
    children.push(child);
    pos = child.end;
  }
  return children;
}
