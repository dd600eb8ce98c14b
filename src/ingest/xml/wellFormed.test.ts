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
    expect(problem).toMatchObject({ code: 'malformed-xml', file: 'bad.xml', line: 3 });
    expect(problem?.column).toBeGreaterThan(0);
    expect(problem?.message).toMatch(/module/);
  });

  it('reports an empty file as such', () => {
    expect(checkWellFormed('', 'empty.xml')?.message).toBe('empty.xml is empty.');
  });
});
