import { describe, expect, it } from 'vitest';
import type { Problem } from '../../model';
import { countedProblems, groupProblems } from './problemGroups';

const nonLoadable = (module: string, line: number): Problem => ({
  severity: 'info',
  code: 'non-loadable',
  message: `${module} has a MODULEINFO block but is not a loadable module (a helper or core source file); it is kept but not drawn as a module.`,
  file: 'core-en_US.xml',
  line,
  column: 1,
  module,
});
const numbered = (problems: Problem[]) => problems.map((problem, index) => ({ problem, index }));

describe('groupProblems', () => {
  it('folds notes that differ only in the module named into one group, where the first one was', () => {
    const cycle: Problem = {
      severity: 'warning',
      code: 'dependency-cycle',
      message: 'Dependency cycle between a, b: none of them can start before the others.',
      module: 'a',
    };
    const entries = groupProblems(
      numbered([cycle, nonLoadable('sig_analog', 10), nonLoadable('pbx', 20), nonLoadable('sig_pri', 30)]),
    );
    expect(entries.map((e) => e.kind)).toEqual(['single', 'group']);
    const group = entries[1];
    if (group?.kind !== 'group') throw new Error('expected a group');
    expect(group.summary).toBe(
      '3 entries have a MODULEINFO block but are not loadable modules (helpers or core source files); they are kept but not drawn as modules.',
    );
    expect(group.severity).toBe('info');
    expect(group.members.map((m) => [m.problem.module, m.problem.line, m.index])).toEqual([
      ['sig_analog', 10, 1],
      ['pbx', 20, 2],
      ['sig_pri', 30, 3],
    ]);
  });

  it('keeps apart problems of another code, severity or wording, and names the shape of other groups', () => {
    const unresolved = (from: string, to: string): Problem => ({
      severity: 'warning',
      code: 'unresolved-name',
      message: `${from} names ${to} (depends), which is neither a module nor a library in this input.`,
      module: from,
    });
    const entries = groupProblems(
      numbered([
        unresolved('chan_a', 'libfoo'),
        unresolved('chan_b', 'libfoo'),
        unresolved('chan_c', 'libbar'),
        { ...nonLoadable('pbx', 1), severity: 'warning' },
        nonLoadable('sig_analog', 2),
      ]),
    );
    expect(entries.map((e) => (e.kind === 'group' ? e.summary : e.item.problem.module))).toEqual([
      '2 × … names libfoo (depends), which is neither a module nor a library in this input.',
      'chan_c',
      'pbx',
      'sig_analog',
    ]);
  });
});

describe('countedProblems', () => {
  it('counts errors and warnings, not informational notes', () => {
    expect(
      countedProblems([
        nonLoadable('pbx', 1),
        nonLoadable('sig_analog', 2),
        { severity: 'error', code: 'malformed-xml', message: 'x.xml ends early.' },
        { severity: 'warning', code: 'self-dependency', message: 'a lists itself.', module: 'a' },
      ]),
    ).toBe(2);
  });
});
