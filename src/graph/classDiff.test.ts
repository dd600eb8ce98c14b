import { describe, expect, it } from 'vitest';
import { diffClasses, mergeClasses } from './classDiff';

describe('diffClasses', () => {
  it('lists only elements whose classes change, with what to add and remove', () => {
    const before = new Map([
      ['a', 'hidden'],
      ['b', 'selected'],
      ['c', 'dimmed'],
    ]);
    const after = new Map([
      ['a', 'focus-direct'],
      ['b', 'selected'],
      ['c', 'dimmed hl'],
    ]);
    expect(diffClasses(before, after)).toEqual([
      { id: 'a', add: ['focus-direct'], remove: ['hidden'] },
      { id: 'c', add: ['hl'], remove: [] },
    ]);
  });

  it('treats a missing id as no state classes, in either map', () => {
    expect(diffClasses(new Map([['a', 'dimmed']]), new Map())).toEqual([
      { id: 'a', add: [], remove: ['dimmed'] },
    ]);
    expect(diffClasses(new Map(), new Map([['b', 'hidden']]))).toEqual([
      { id: 'b', add: ['hidden'], remove: [] },
    ]);
  });

  it('ignores the order of classes', () => {
    expect(diffClasses(new Map([['a', 'hl dimmed']]), new Map([['a', 'dimmed hl']]))).toEqual([]);
  });
});

describe('mergeClasses', () => {
  it('joins layers without duplicates or empty parts', () => {
    expect(mergeClasses('selected', undefined, 'faded selected', '')).toBe('selected faded');
  });
});
