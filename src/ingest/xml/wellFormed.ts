import { XMLValidator } from 'fast-xml-parser';
import type { Problem } from '../../model';
import { endPosition } from './textPosition';

/**
 * Checks well-formedness with fast-xml-parser's validator, because its parser silently accepts
 * truncated input. Returns the problem to show, or undefined when the text is well-formed.
 */
export function checkWellFormed(text: string, file: string): Problem | undefined {
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  const { code, msg, line, col } = result.err;
  const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(msg);
  if (code === 'InvalidXml' && unclosed) {
    // The validator reports unclosed elements at 1:1; the useful place is where the text stops.
    const names = [...(unclosed[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => `<${m[1] ?? ''}>`);
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
  if (text.trim() === '') {
    return { severity: 'error', code: 'malformed-xml', message: `${file} is empty.`, file };
  }
  return {
    severity: 'error',
    code: 'malformed-xml',
    message: `${file} is not well-formed XML: ${msg}`,
    file,
    line,
    ...(col === undefined ? {} : { column: col }),
  };
}
