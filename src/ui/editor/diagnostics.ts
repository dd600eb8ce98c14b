import type { Text } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';

/**
 * A problem to underline in the editor. `Problem` (src/model) fits as it is, so a parser's
 * problem list can be passed straight through. Lines and columns are 1-based; `endColumn` is the
 * column just after the last character to underline.
 */
export interface EditorProblem {
  line?: number;
  column?: number;
  endColumn?: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** Where a line's content ends: before a trailing `;` comment (not an escaped `\;`) and spaces. */
function contentEnd(text: string): number {
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ';') {
      end = i;
      break;
    }
  }
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/**
 * The diagnostics of `problems` in `doc`. A problem with only a line underlines that line's
 * content (without indentation or a trailing comment); with a column, from there to `endColumn`
 * or to the end of the content. Problems without a line, or on a line the text no longer has, are
 * left out: the views list them beside the editor.
 */
export function problemsToDiagnostics(doc: Text, problems: readonly EditorProblem[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of problems) {
    if (p.line === undefined || p.line < 1 || p.line > doc.lines) continue;
    const line = doc.line(p.line);
    const end = contentEnd(line.text);
    let start: number;
    let stop: number;
    if (p.column === undefined) {
      start = line.text.length - line.text.trimStart().length;
      stop = end;
    } else {
      start = Math.min(Math.max(p.column - 1, 0), line.length);
      stop = p.endColumn !== undefined ? Math.min(Math.max(p.endColumn - 1, start), line.length) : end;
    }
    // An empty range would draw as a point; a problem on a line's end or an empty line still
    // gets something to hover.
    if (stop <= start) {
      if (start < line.length) stop = start + 1;
      else if (line.length > 0) {
        start = line.length - 1;
        stop = line.length;
      }
    }
    out.push({ from: line.from + start, to: line.from + stop, severity: p.severity, message: p.message });
  }
  return out;
}

/** A stable key for a problem list, so an equal list passed again does not reset the underlines. */
export function problemsKey(problems: readonly EditorProblem[]): string {
  return JSON.stringify(problems.map((p) => [p.line, p.column, p.endColumn, p.severity, p.message]));
}
