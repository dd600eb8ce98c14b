/**
 * State classes per element id as space-separated strings; the adapter applies only the
 * difference between what is on the canvas and what the new state wants, so a state change costs
 * a restyle of the elements it touches, not of all of them.
 */
export type ClassMap = ReadonlyMap<string, string>;

export interface ClassChange {
  id: string;
  add: string[];
  remove: string[];
}

function split(classes: string | undefined): string[] {
  return classes ? classes.split(' ').filter(Boolean) : [];
}

/** Changes turning `previous` into `next`; an id missing from a map has no state classes. */
export function diffClasses(previous: ClassMap, next: ClassMap): ClassChange[] {
  const changes: ClassChange[] = [];
  const visit = (id: string): void => {
    const before = previous.get(id) ?? '';
    const after = next.get(id) ?? '';
    if (before === after) return;
    const a = split(before);
    const b = split(after);
    const add = b.filter((c) => !a.includes(c));
    const remove = a.filter((c) => !b.includes(c));
    if (add.length > 0 || remove.length > 0) changes.push({ id, add, remove });
  };
  for (const id of next.keys()) visit(id);
  for (const id of previous.keys()) if (!next.has(id)) visit(id);
  return changes;
}

/** Joins class lists of several layers (scene, overlay) for one element, without duplicates. */
export function mergeClasses(...parts: Array<string | undefined>): string {
  const all: string[] = [];
  for (const part of parts) for (const c of split(part)) if (!all.includes(c)) all.push(c);
  return all.join(' ');
}
