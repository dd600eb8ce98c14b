/**
 * Reading a C function call in source text: the text between its parentheses and its top-level
 * arguments, with string literals (which may hold commas and parentheses) kept whole.
 */

/** Splits `a, "b,c", f(x, y)` at top-level commas; each part with its offset in `text`. */
export function splitArguments(text: string, offset: number): Array<{ value: string; at: number }> {
  const parts: Array<{ value: string; at: number }> = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(trimmed(text.slice(start, i), offset + start));
      start = i + 1;
    }
  }
  const last = trimmed(text.slice(start), offset + start);
  if (last.value !== '') parts.push(last);
  return parts;
}

function trimmed(value: string, at: number): { value: string; at: number } {
  const lead = value.length - value.trimStart().length;
  return { value: value.trim(), at: at + lead };
}

/** The text between the call's parentheses, or undefined when it never closes. */
export function callBody(text: string, open: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return undefined;
}

/** The arguments of the call whose `(` is at `open`, trimmed; empty when it never closes. */
export function callArguments(text: string, open: number): string[] {
  const body = callBody(text, open);
  return body === undefined ? [] : splitArguments(body, open + 1).map((a) => a.value);
}
