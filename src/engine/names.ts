/**
 * Module name handling as the loader does it: names match case-insensitively, with or without
 * `.so` (main/loader.c: resource_name_baselen, resource_name_match).
 */

/** `app_dial.so` -> `app_dial`; keeps the spelling. */
export function stripSo(name: string): string {
  return name.length > 3 && name.slice(-3).toLowerCase() === '.so' ? name.slice(0, -3) : name;
}

/** The key two resource names share when the loader considers them the same module. */
export function moduleKey(name: string): string {
  const lower = name.toLowerCase();
  return endsWithSo(lower) ? lower.slice(0, -3) : lower;
}

/**
 * The file the loader opens for a resource name: the name itself when it already ends in `.so`
 * (any case), else the name plus `.so` (main/loader.c: load_dynamic_module).
 */
export function moduleFileName(resource: string): string {
  return endsWithSo(resource) ? resource : `${resource}.so`;
}

/** Whether a name ends in `.so` in any case, without allocating. */
export function endsWithSo(name: string): boolean {
  const n = name.length;
  if (n < 4) return false;
  return (
    name.charCodeAt(n - 3) === 46 &&
    (name.charCodeAt(n - 2) | 32) === 115 &&
    (name.charCodeAt(n - 1) | 32) === 111
  );
}

/** printf `%-<width>s`: pads on the right, never truncates. */
export function padRight(text: string, width: number): string {
  return text.padEnd(width);
}
