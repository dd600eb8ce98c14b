/**
 * The one XML reader of the ingest layer: a single saxes pass decides whether a text is well-formed
 * and within XML_LIMITS, and builds the elements the caller keeps, with their offsets. What decides
 * "acceptable" is the same thing that extracts, so no second parser can refuse what the first let
 * through (the deep-nesting crash of issue 9 was such a disagreement).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Problem } from '../../model';
import { formatCount, XML_LIMITS, type XmlLimits } from './limits';
import { createPositionLocator, endPosition, type PositionOf } from './textPosition';

export interface XmlElement {
  name: string;
  /** Attribute values as XML defines them: references resolved, line breaks and tabs as spaces. */
  attributes: Record<string, string>;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  contentStart: number;
  /** Offset of the end tag's `<` (equals contentStart for an empty-element tag). */
  contentEnd: number;
  /** Offset just after the element. */
  end: number;
  /** Kept child elements, in document order. */
  children: XmlElement[];
  /** Character data directly inside the element (references resolved, CDATA included). */
  text: string;
}

export interface XmlDocument {
  root: XmlElement;
  /** Entities declared in the DOCTYPE's internal subset, fully expanded. */
  entities: Readonly<Record<string, string>>;
  positionOf: PositionOf;
}

export interface ReadXmlOptions {
  /**
   * Whether to build an element, given the names from the document element down to it. Asked only
   * when its parent was built; the document element is always built. Elements not built are still
   * checked, and cost almost nothing (the prose of an xmldoc).
   */
  keep?: (path: readonly string[]) => boolean;
  limits?: Partial<XmlLimits>;
}

export interface ReadXmlResult {
  document: XmlDocument | undefined;
  /** Why the text was refused, located; undefined when `document` is set. */
  problem: Problem | undefined;
}

const SAXES_MESSAGE = /^(\d+):(\d+): (.*)$/s;
const EXTERNAL_DTD = /^\s*[^\s[>]+\s+(?:SYSTEM|PUBLIC)\b/;
const ENTITY_DECL = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const MAX_ERRORS = 20;

/** Thrown from a saxes handler to stop reading once the verdict is known. */
class StopReading extends Error {}

interface SaxesError {
  line: number;
  column: number;
  message: string;
}

function splitSaxesError(error: Error): SaxesError {
  const m = SAXES_MESSAGE.exec(error.message);
  return m
    ? { line: Number(m[1]), column: Math.max(Number(m[2]), 1), message: m[3] ?? error.message }
    : { line: 1, column: 1, message: error.message };
}

/** saxes's sentences for the mistakes people make, said the way the rest of the app says things. */
function reword(message: string, openElement: string | undefined): string {
  const text = message.replace(/\.$/, '');
  const unmatched = /^unmatched closing tag: (.*)$/.exec(text);
  if (unmatched)
    return openElement === undefined
      ? `the end tag </${unmatched[1] ?? ''}> closes no open element`
      : `the end tag </${unmatched[1] ?? ''}> does not close the open <${openElement}>`;
  if (text === 'unexpected close tag') return '';
  if (text === 'disallowed character') return 'a character XML does not allow (is this a text file?)';
  if (text === 'undefined entity') return 'an entity reference that is not declared';
  if (text === 'text data outside of root node') return 'text after the end of the document element';
  if (text === 'document must contain a root element') return 'no document element';
  if (text === 'documents may contain only one root') return 'a second document element';
  return text;
}

/** Reads `text` (named `file` in problems) in one pass; see ReadXmlOptions. */
export function readXml(text: string, file: string, options: ReadXmlOptions = {}): ReadXmlResult {
  const limits: XmlLimits = { ...XML_LIMITS, ...options.limits };
  const keep = options.keep ?? (() => false);
  const positionOf = createPositionLocator(text);
  const refuse = (offset: number, message: string): ReadXmlResult => {
    const at = positionOf(offset);
    return {
      document: undefined,
      problem: {
        severity: 'error',
        code: 'malformed-xml',
        message: `${file} is refused: ${message} at line ${at.line}, column ${at.column}.`,
        file,
        ...at,
      },
    };
  };
  if (text.trim() === '')
    return {
      document: undefined,
      problem: { severity: 'error', code: 'malformed-xml', message: `${file} is empty.`, file },
    };

  const parser = new SaxesParser({ xmlns: false, position: true });
  const path: string[] = [];
  // One entry per open element: the element when it is built, undefined when skipped.
  const open: Array<XmlElement | undefined> = [];
  let root: XmlElement | undefined;
  let entities: Record<string, string> = {};
  let tolerateUndefinedEntities = false;
  let limitHit: ReadXmlResult | undefined;
  let lastClosed: string | undefined;
  const errors: Array<SaxesError & { openElement: string | undefined }> = [];

  const stop = (result: ReadXmlResult): never => {
    limitHit = result;
    throw new StopReading();
  };

  parser.on('doctype', (doctype) => {
    tolerateUndefinedEntities = EXTERNAL_DTD.test(doctype);
    const doctypeStart = Math.max(text.lastIndexOf('<!DOCTYPE', parser.position), 0);
    const declared = readEntities(text, doctype, doctypeStart, parser.position, limits);
    if ('refused' in declared) stop(refuse(declared.offset, declared.refused));
    else entities = declared.entities;
    for (const [name, value] of Object.entries(entities)) parser.ENTITIES[name] = value;
  });

  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (errors.length > 0) return;
    const contentStart = parser.position;
    // In well-formed XML no `<` occurs inside a start tag, so the last one before its end is its start.
    const start = Math.max(text.lastIndexOf('<', contentStart - 1), 0);
    if (open.length >= limits.maxDepth)
      stop(refuse(start, `nesting deeper than ${formatCount(limits.maxDepth)} elements`));
    let attributeCount = 0;
    for (const name in tag.attributes) {
      if (++attributeCount > limits.maxAttributes)
        stop(refuse(start, `<${tag.name}> has more than ${formatCount(limits.maxAttributes)} attributes`));
      if ((tag.attributes[name] ?? '').length > limits.maxTextChars)
        stop(
          refuse(
            start,
            `attribute ${name} of <${tag.name}> is longer than ${formatCount(limits.maxTextChars)} characters`,
          ),
        );
    }
    const parentBuilt = open.length === 0 || open[open.length - 1] !== undefined;
    path.push(tag.name);
    let element: XmlElement | undefined;
    if (parentBuilt && (open.length === 0 || keep(path))) {
      element = {
        name: tag.name,
        attributes: { ...tag.attributes },
        start,
        contentStart,
        contentEnd: contentStart,
        end: contentStart,
        children: [],
        text: '',
      };
      const parent = open[open.length - 1];
      if (parent) parent.children.push(element);
      else root ??= element;
    }
    open.push(element);
  });

  parser.on('closetag', (tag: SaxesTagPlain) => {
    lastClosed = tag.name;
    if (errors.length > 0) return;
    const element = open.pop();
    path.pop();
    if (!element) return;
    element.end = parser.position;
    if (!tag.isSelfClosing) element.contentEnd = Math.max(text.lastIndexOf('<', parser.position - 1), 0);
  });

  const addText = (chunk: string): void => {
    const element = open[open.length - 1];
    if (!element || errors.length > 0) return;
    element.text += chunk;
    if (element.text.length > limits.maxTextChars)
      stop(
        refuse(
          element.start,
          `the text of <${element.name}> is longer than ${formatCount(limits.maxTextChars)} characters`,
        ),
      );
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.on('error', (error) => {
    const e = splitSaxesError(error);
    if (tolerateUndefinedEntities && e.message.startsWith('undefined entity')) return;
    // saxes pops the open elements before it says "unexpected close tag": the one it just popped
    // is the element a wrong end tag failed to close.
    errors.push({
      ...e,
      openElement: e.message.startsWith('unexpected close tag') ? lastClosed : path[path.length - 1],
    });
    if (errors.length >= MAX_ERRORS) throw new StopReading();
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  if (limitHit) return limitHit;
  const first = errors[0];
  if (first) return { document: undefined, problem: malformed(text, file, first, errors) };
  if (!root)
    return {
      document: undefined,
      problem: {
        severity: 'error',
        code: 'malformed-xml',
        message: `${file} has no document element.`,
        file,
        ...endPosition(text),
      },
    };
  return { document: { root, entities, positionOf }, problem: undefined };
}

function malformed(
  text: string,
  file: string,
  first: SaxesError & { openElement: string | undefined },
  errors: ReadonlyArray<SaxesError & { openElement: string | undefined }>,
): Problem {
  if (first.message.startsWith('unclosed tag')) {
    // The file stops inside open elements: say which, and point where the text ends.
    const names = errors
      .filter((e) => e.message.startsWith('unclosed tag: '))
      .map((e) => `<${e.message.slice('unclosed tag: '.length)}>`);
    const end = endPosition(text);
    return {
      severity: 'error',
      code: 'malformed-xml',
      message: `${file} ends before ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} closed; the file looks truncated.`,
      file,
      ...end,
    };
  }
  // saxes reports one mistake as several messages at the same place ("unexpected close tag",
  // "unmatched closing tag: modul"); together they say what is wrong.
  const said = [
    ...new Set(
      errors
        .filter((e) => e.line === first.line && e.column === first.column)
        .map((e) => reword(e.message, first.openElement))
        .filter((m) => m !== ''),
    ),
  ];
  return {
    severity: 'error',
    code: 'malformed-xml',
    message: `${file} is not well-formed XML: ${said.join('; ') || 'unexpected markup'} at line ${first.line}, column ${first.column}.`,
    file,
    line: first.line,
    column: first.column,
  };
}

type DeclaredEntities = { entities: Record<string, string> } | { refused: string; offset: number };

/**
 * The general entities of the internal subset, expanded (references inside their values included)
 * within the limits: a value that grows past maxEntityChars, refers to itself, or whose uses would
 * add more than maxEntityExpansion characters is refused at its declaration ("billion laughs").
 */
function readEntities(
  text: string,
  doctype: string,
  doctypeStart: number,
  doctypeEnd: number,
  limits: XmlLimits,
): DeclaredEntities {
  const raw = new Map<string, { value: string; offset: number }>();
  for (const m of doctype.matchAll(ENTITY_DECL)) {
    const name = m[1];
    if (name === undefined || raw.has(name)) continue; // XML: the first declaration binds.
    raw.set(name, { value: m[2] ?? m[3] ?? '', offset: text.indexOf(m[0], doctypeStart) });
    if (raw.size > limits.maxEntities)
      return {
        refused: `more than ${formatCount(limits.maxEntities)} entity declarations`,
        offset: text.indexOf(m[0], doctypeStart),
      };
  }
  const expanded = new Map<string, string>();
  const expanding = new Set<string>();
  let refusal: { refused: string; offset: number } | undefined;
  const expand = (name: string): string | undefined => {
    const done = expanded.get(name);
    if (done !== undefined) return done;
    const declared = raw.get(name);
    if (!declared) return undefined;
    if (expanding.has(name)) {
      refusal ??= { refused: `entity &${name}; refers to itself`, offset: declared.offset };
      return '';
    }
    expanding.add(name);
    let value = '';
    let last = 0;
    for (const m of declared.value.matchAll(REFERENCE)) {
      const ref = m[1] ?? '';
      value += declared.value.slice(last, m.index);
      last = m.index + m[0].length;
      value += resolveReference(ref, expand) ?? m[0];
      if (refusal) break;
      if (value.length > limits.maxEntityChars) {
        refusal = {
          refused: `entity &${name}; expands to more than ${formatCount(limits.maxEntityChars)} characters`,
          offset: declared.offset,
        };
        break;
      }
    }
    value += declared.value.slice(last);
    expanding.delete(name);
    expanded.set(name, value);
    return value;
  };
  for (const name of raw.keys()) {
    expand(name);
    if (refusal) return refusal;
  }
  let added = 0;
  for (const [name, value] of expanded) {
    if (value.length <= name.length + 2) continue;
    const reference = `&${name};`;
    for (let at = text.indexOf(reference, doctypeEnd); at !== -1; at = text.indexOf(reference, at + 1)) {
      added += value.length - reference.length;
      if (added > limits.maxEntityExpansion)
        return {
          refused: `entity references would add more than ${formatCount(limits.maxEntityExpansion)} characters (here &${name};)`,
          offset: at,
        };
    }
  }
  return { entities: Object.fromEntries(expanded) };
}

function resolveReference(ref: string, expand: (name: string) => string | undefined): string | undefined {
  if (ref.startsWith('#x')) return codePoint(Number.parseInt(ref.slice(2), 16));
  if (ref.startsWith('#')) return codePoint(Number.parseInt(ref.slice(1), 10));
  return PREDEFINED[ref] ?? expand(ref);
}

function codePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}
