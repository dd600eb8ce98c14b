import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../model';
import { problemsKey, problemsToDiagnostics } from './diagnostics';

const doc = Text.of(['[modules]', '  load => chan_pjsip.so ; SIP', 'autoload = no', '', 'noload=x\\;y']);

function underlined(problems: Parameters<typeof problemsToDiagnostics>[1]): string[] {
  return problemsToDiagnostics(doc, problems).map((d) => doc.sliceString(d.from, d.to));
}

describe('problems to editor diagnostics', () => {
  it('underlines a line-only problem over the content, without indentation or trailing comment', () => {
    const [d] = problemsToDiagnostics(doc, [{ line: 2, severity: 'error', message: 'declined' }]);
    expect(d).toMatchObject({ severity: 'error', message: 'declined' });
    expect(underlined([{ line: 2, severity: 'error', message: 'x' }])).toEqual(['load => chan_pjsip.so']);
    // An escaped semicolon is part of the value, not a comment.
    expect(underlined([{ line: 5, severity: 'info', message: 'x' }])).toEqual(['noload=x\\;y']);
  });

  it('underlines from the column to the end column, or to the end of the content', () => {
    expect(underlined([{ line: 3, column: 12, endColumn: 14, severity: 'warning', message: 'x' }])).toEqual([
      'no',
    ]);
    expect(underlined([{ line: 2, column: 11, severity: 'warning', message: 'x' }])).toEqual([
      'chan_pjsip.so',
    ]);
  });

  it('takes a Problem from the parsers as it is', () => {
    const problem: Problem = {
      severity: 'error',
      code: 'unknown-format',
      message: 'bad',
      file: 'modules.conf',
      line: 1,
      column: 1,
    };
    expect(underlined([problem])).toEqual(['[modules]']);
  });

  it('keeps something to hover for a problem at the end of a line, and leaves out what has no place', () => {
    expect(underlined([{ line: 3, column: 40, severity: 'error', message: 'x' }])).toEqual(['o']);
    const empty = problemsToDiagnostics(doc, [{ line: 4, severity: 'error', message: 'x' }]);
    expect(empty).toHaveLength(1);
    expect(empty[0]?.from).toBe(empty[0]?.to);
    expect(
      problemsToDiagnostics(doc, [
        { severity: 'error', message: 'no line' },
        { line: 9, severity: 'error', message: 'beyond the text' },
        { line: 0, severity: 'error', message: 'before it' },
      ]),
    ).toEqual([]);
  });

  it('gives equal lists the same key and different lists different keys', () => {
    const a = [{ line: 1, severity: 'error' as const, message: 'm' }];
    expect(problemsKey(a)).toBe(problemsKey([{ ...a[0]! }]));
    expect(problemsKey(a)).not.toBe(problemsKey([{ ...a[0]!, line: 2 }]));
  });
});
