import { SaxesParser } from 'saxes';
import type { Problem } from '../../model';
import { endPosition } from './textPosition';

const SAXES_MESSAGE = /^(\d+):(\d+): (.*)$/s;
const INTERNAL_ENTITY = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
const EXTERNAL_DTD = /<!DOCTYPE\s+[\w:.-]+\s+(?:SYSTEM|PUBLIC)\b/;

interface SaxesError {
  line: number;
  column: number;
  message: string;
}

function split(error: Error): SaxesError {
  const m = SAXES_MESSAGE.exec(error.message);
  return m
    ? { line: Number(m[1]), column: Number(m[2]), message: m[3] ?? error.message }
    : { line: 1, column: 1, message: error.message };
}

/**
 * Checks well-formedness with saxes, a strict streaming XML parser that reports line and column.
 * fast-xml-parser's own parser silently accepts truncated input, and its validator is about half
 * as fast on a full xmldoc. Entities declared in the DOCTYPE's internal subset are known to the
 * check; when the DOCTYPE names an external DTD (the xmldoc's `appdocsxml.dtd`), other entities may
 * be declared there, so undefined entities are not reported.
 * Returns the problem to show, or undefined when the text is well-formed.
 */
export function checkWellFormed(text: string, file: string): Problem | undefined {
  if (text.trim() === '')
    return { severity: 'error', code: 'malformed-xml', message: `${file} is empty.`, file };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const doctypeEnd = text.indexOf('<!DOCTYPE') === -1 ? -1 : text.indexOf(']>');
  const prolog = doctypeEnd === -1 ? '' : text.slice(0, doctypeEnd);
  for (const m of prolog.matchAll(INTERNAL_ENTITY)) {
    if (m[1] !== undefined) parser.ENTITIES[m[1]] = m[2] ?? m[3] ?? '';
  }
  const tolerateUndefinedEntities = EXTERNAL_DTD.test(text.slice(0, 2000));
  const errors: SaxesError[] = [];
  parser.on('error', (error) => {
    const e = split(error);
    if (tolerateUndefinedEntities && e.message.startsWith('undefined entity')) return;
    errors.push(e);
  });
  parser.write(text).close();
  const first = errors[0];
  if (!first) return undefined;
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
      line: end.line,
      column: end.column,
    };
  }
  // saxes reports one mistake as several messages at the same place ("unexpected close tag",
  // "unmatched closing tag: modul"); together they say what is wrong.
  const said = [
    ...new Set(
      errors
        .filter((e) => e.line === first.line && e.column === first.column)
        .map((e) => e.message.replace(/\.$/, '')),
    ),
  ];
  return {
    severity: 'error',
    code: 'malformed-xml',
    message: `${file} is not well-formed XML: ${said.join('; ')} (line ${first.line}, column ${Math.max(first.column, 1)}).`,
    file,
    line: first.line,
    column: Math.max(first.column, 1),
  };
}
