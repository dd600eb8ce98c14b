/**
 * Format detection's peek at a text: the name of its document element, read from the start only,
 * without checking the rest (readXml does that, and extracts, once the format is known).
 */

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

function skipMarkup(text: string, lt: number): number {
  if (text.startsWith('<!--', lt)) return end(text, text.indexOf('-->', lt + 4), 3);
  if (text.startsWith('<![CDATA[', lt)) return end(text, text.indexOf(']]>', lt + 9), 3);
  if (text.startsWith('<?', lt)) return end(text, text.indexOf('?>', lt + 2), 2);
  if (text.startsWith('<!DOCTYPE', lt)) return skipDoctype(text, lt);
  return end(text, text.indexOf('>', lt), 1);
}

/** Name of the document element (after the XML declaration, DOCTYPE, PIs and comments), or undefined. */
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
