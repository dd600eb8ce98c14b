/** Turns character offsets into 1-based line/column pairs, for problems that point into a file. */
export interface TextPosition {
  line: number;
  column: number;
}

export type PositionOf = (offset: number) => TextPosition;

/**
 * Builds the line-start table once (one pass over the text) so each lookup is a binary search;
 * the xmldoc parser asks for hundreds of positions in a 1.6 MB file.
 */
export function createPositionLocator(text: string): PositionOf {
  let starts: number[] | undefined;
  const lineStarts = (): number[] => {
    if (starts) return starts;
    starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  };
  return (offset: number): TextPosition => {
    const table = lineStarts();
    let lo = 0;
    let hi = table.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((table[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (table[lo] ?? 0) + 1 };
  };
}

/** Position just after the last character: where a truncated file stops. */
export function endPosition(text: string): TextPosition {
  const lastBreak = text.lastIndexOf('\n');
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: text.length - lastBreak };
}
