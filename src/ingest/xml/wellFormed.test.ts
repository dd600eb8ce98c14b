import { describe, expect, it } from 'vitest';
import { readE2eFixture } from '../fixtures/readFixture';
import { checkWellFormed } from './wellFormed';

describe('checkWellFormed', () => {
  it('accepts the full-form xmldoc fixture with its DOCTYPE, entities, CDATA and XInclude', () => {
    expect(checkWellFormed(readE2eFixture('core-en_US.xml'), 'core-en_US.xml')).toBeUndefined();
  });

  it('points a truncated file at the line and column where the text stops', () => {
    const text = readE2eFixture('truncated-core-en_US.xml');
    const problem = checkWellFormed(text, 'truncated-core-en_US.xml');
    const lines = text.split('\n');
    expect(problem).toMatchObject({
      severity: 'error',
      code: 'malformed-xml',
      file: 'truncated-core-en_US.xml',
      line: lines.length,
    });
    expect(problem?.column).toBe((lines.at(-1) ?? '').length + 1);
    expect(problem?.message).toContain('<docs>');
    expect(problem?.message).toContain('truncated');
  });

  it('names the line and column of a mismatched end tag', () => {
    const problem = checkWellFormed('<docs>\n  <module name="app_dial">\n  </modul>\n</docs>', 'bad.xml');
    expect(problem).toMatchObject({ code: 'malformed-xml', file: 'bad.xml', line: 3, column: 10 });
    expect(problem?.message).toBe(
      'bad.xml is not well-formed XML: the end tag </modul> does not close the open <module> at line 3, column 10.',
    );
  });

  it('knows entities declared in the DOCTYPE, and tolerates others only when an external DTD may declare them', () => {
    expect(
      checkWellFormed('<!DOCTYPE docs [ <!ENTITY me "x"> ]>\n<docs>&me;</docs>', 'a.xml'),
    ).toBeUndefined();
    expect(
      checkWellFormed('<!DOCTYPE docs SYSTEM "appdocsxml.dtd">\n<docs>&other;</docs>', 'b.xml'),
    ).toBeUndefined();
    expect(checkWellFormed('<docs>&other;</docs>', 'c.xml')).toMatchObject({ line: 1, column: 13 });
  });

  it('reports an empty file as such', () => {
    expect(checkWellFormed('', 'empty.xml')?.message).toBe('empty.xml is empty.');
  });
});
