import type { ModuleRow, SimulationState } from '../../store';

/** A module row as the table shows it: the graph's facts and the last simulation's verdict. */
export interface TableRow extends ModuleRow {
  /** Undefined when no simulation of this graph has run. */
  simulation: SimulationState | undefined;
}

export type SortKey = keyof TableRow;

export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

export interface Column {
  key: SortKey;
  label: string;
  /** Numbers sort largest first on the first click: the question is usually "which is biggest". */
  numeric: boolean;
}

export const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', numeric: false },
  { key: 'category', label: 'Category', numeric: false },
  { key: 'supportLevel', label: 'Support level', numeric: false },
  { key: 'loadPriority', label: 'Load priority', numeric: true },
  { key: 'dependencies', label: 'Dependencies', numeric: true },
  { key: 'dependents', label: 'Dependents', numeric: true },
  { key: 'transitiveDependents', label: 'Transitive dependents', numeric: true },
  { key: 'simulation', label: 'Simulation', numeric: false },
];

/** Every word of the filter must appear in the name, the category or the support level. */
export function filterRows(rows: readonly TableRow[], filter: string): TableRow[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const text = `${r.name.toLowerCase()} ${r.category} ${r.supportLevel}`;
    return words.every((w) => text.includes(w));
  });
}

/** Sorted by one column; rows without a value (no load priority, no simulation) last either way, ties by name. */
export function sortRows(rows: readonly TableRow[], sort: Sort): TableRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    if (x !== y) {
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      if (order !== 0) return sign * order;
    }
    return a.name.localeCompare(b.name);
  });
}

/** Clicking the sorted column flips it; another column starts in its natural direction. */
export function nextSort(current: Sort, column: Column): Sort {
  if (current.key === column.key) {
    return { key: column.key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key: column.key, direction: column.numeric ? 'descending' : 'ascending' };
}
