import { describe, expect, it } from 'vitest';
import { COLUMNS, filterRows, nextSort, sortRows } from './tableRows';
import type { Column, TableRow } from './tableRows';

function row(name: string, facts: Partial<TableRow> = {}): TableRow {
  return {
    name,
    category: 'res',
    supportLevel: 'core',
    loadPriority: undefined,
    dependencies: 0,
    dependents: 0,
    transitiveDependents: 0,
    simulation: undefined,
    ...facts,
  };
}

const rows = [
  row('res_pjsip', { loadPriority: 50, transitiveDependents: 57, simulation: 'started' }),
  row('app_dial', { category: 'apps', loadPriority: 128, transitiveDependents: 0, simulation: 'declined' }),
  row('chan_pjsip', { category: 'channels', transitiveDependents: 3 }),
  row('app_meetme', { category: 'apps', supportLevel: 'deprecated', loadPriority: 128 }),
];

const column = (key: Column['key']): Column => COLUMNS.find((c) => c.key === key) ?? COLUMNS[0]!;

describe('module table rows', () => {
  it('filters on every word against name, category and support level, ignoring case', () => {
    expect(filterRows(rows, 'PJSIP').map((r) => r.name)).toEqual(['res_pjsip', 'chan_pjsip']);
    expect(filterRows(rows, 'apps deprecated').map((r) => r.name)).toEqual(['app_meetme']);
    expect(filterRows(rows, '  ')).toHaveLength(4);
    expect(filterRows(rows, 'zzz')).toEqual([]);
  });

  it('sorts numbers both ways with missing values last, ties by name', () => {
    const names = (sorted: TableRow[]) => sorted.map((r) => r.name);
    expect(names(sortRows(rows, { key: 'transitiveDependents', direction: 'descending' }))).toEqual([
      'res_pjsip',
      'chan_pjsip',
      'app_dial',
      'app_meetme',
    ]);
    expect(names(sortRows(rows, { key: 'loadPriority', direction: 'ascending' }))).toEqual([
      'res_pjsip',
      'app_dial',
      'app_meetme',
      'chan_pjsip',
    ]);
    expect(names(sortRows(rows, { key: 'loadPriority', direction: 'descending' }))).toEqual([
      'app_dial',
      'app_meetme',
      'res_pjsip',
      'chan_pjsip',
    ]);
    expect(names(sortRows(rows, { key: 'simulation', direction: 'ascending' }))).toEqual([
      'app_dial',
      'res_pjsip',
      'app_meetme',
      'chan_pjsip',
    ]);
  });

  it('starts numbers largest first and names A to Z, and flips on a second click', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, column('dependents'))).toEqual({
      key: 'dependents',
      direction: 'descending',
    });
    expect(nextSort({ key: 'dependents', direction: 'descending' }, column('category'))).toEqual({
      key: 'category',
      direction: 'ascending',
    });
    expect(nextSort({ key: 'name', direction: 'ascending' }, column('name'))).toEqual({
      key: 'name',
      direction: 'descending',
    });
  });
});
