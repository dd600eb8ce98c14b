import type { Problem } from '../../model';
import { createPositionLocator, type PositionOf } from '../xml/textPosition';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse with a problem that names line and column instead of an exception. */
export function readJsonObject(text: string, file: string): { value?: JsonObject; problem?: Problem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message)?.[1];
    const at = offset === undefined ? undefined : createPositionLocator(text)(Number(offset));
    return {
      problem: {
        severity: 'error',
        code: 'unknown-format',
        message: `${file} is not valid JSON: ${message}`,
        file,
        ...(at ?? {}),
      },
    };
  }
  if (!isJsonObject(value)) {
    return {
      problem: {
        severity: 'error',
        code: 'unknown-format',
        message: `${file}: expected a JSON object keyed by module name.`,
        file,
      },
    };
  }
  return { value };
}

/**
 * Where each top-level key of a JSON object starts, so problems about a module can point at its
 * entry. Keys are found in order; a key's name also appears inside earlier values (as a dependency),
 * hence the check for the colon that makes it a key.
 */
export function topLevelKeyPositions(
  text: string,
  keys: readonly string[],
): (key: string) => { line: number; column: number } | undefined {
  const positionOf: PositionOf = createPositionLocator(text);
  const offsets = new Map<string, number>();
  let cursor = 0;
  for (const key of keys) {
    const quoted = JSON.stringify(key);
    let at = text.indexOf(quoted, cursor);
    while (at !== -1 && !/^\s*:/.test(text.slice(at + quoted.length, at + quoted.length + 8))) {
      at = text.indexOf(quoted, at + 1);
    }
    if (at === -1) continue;
    offsets.set(key, at);
    cursor = at + quoted.length;
  }
  return (key) => {
    const offset = offsets.get(key);
    return offset === undefined ? undefined : positionOf(offset);
  };
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim())
    : [];
}

/** A top-level entry of a module table that is not an object: skipped, and said where. */
export function entryNotObjectProblem(
  file: string,
  name: string,
  at: { line?: number; column?: number },
): Problem {
  return {
    severity: 'warning',
    code: 'unknown-format',
    message: `${file}: the entry for ${name} is not an object; skipped.`,
    file,
    line: at.line,
    column: at.column,
    module: name,
  };
}
