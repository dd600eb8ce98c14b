/**
 * Finds what an application's argument text uses: dialplan functions (`${CALLERID(num)}`, nested
 * `${IF(${DB_EXISTS(x)}?a:b)}`, calls inside `$[...]`, `Set(FUNC(x)=...)`), global variables, and
 * channel technologies (`PJSIP/100`, `${TRUNK}/${EXTEN}` with TRUNK from [globals]).
 * Offsets are 0-based positions in the text given, so the caller turns them into columns.
 */
import { CHANNEL_TECHNOLOGIES } from '../../model';

export interface Found {
  name: string;
  offset: number;
  via?: string;
}

const IDENT = /[A-Za-z0-9_]/;

/** Functions of Asterisk's expression parser itself (main/ast_expr2.y), not dialplan functions. */
const EXPRESSION_BUILTINS = new Set([
  'SQRT',
  'FLOOR',
  'CEIL',
  'ROUND',
  'RINT',
  'TRUNC',
  'EXP',
  'EXP2',
  'EXP10',
  'LOG',
  'LOG2',
  'LOG10',
  'REMAINDER',
  'SIN',
  'COS',
  'TAN',
  'ASIN',
  'ACOS',
  'ATAN',
  'ATAN2',
  'POW',
]);

function identAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && IDENT.test(text[end] ?? '')) end++;
  return text.slice(start, end);
}

/** `${NAME(` anywhere, however deeply nested; `NAME(` inside `$[...]`. */
export function findFunctions(text: string): Found[] {
  const found: Found[] = [];
  for (let i = text.indexOf('${'); i >= 0; i = text.indexOf('${', i + 2)) {
    const name = identAt(text, i + 2);
    if (name !== '' && text[i + 2 + name.length] === '(') found.push({ name, offset: i + 2 });
  }
  for (let i = text.indexOf('$['); i >= 0; i = text.indexOf('$[', i + 2)) {
    const end = matching(text, i + 1, '[', ']');
    const body = text.slice(i + 2, end < 0 ? text.length : end);
    const call = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/g;
    for (let m = call.exec(body); m; m = call.exec(body)) {
      const at = i + 2 + m.index;
      const name = m[1] ?? '';
      // `${NAME(` was found above; the expression parser's own maths are not dialplan functions.
      if (text.slice(at - 2, at) === '${' || EXPRESSION_BUILTINS.has(name.toUpperCase())) continue;
      found.push({ name, offset: at });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Index of the bracket closing the one at `open`, or -1. */
export function matching(text: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === opener) depth++;
    else if (text[i] === closer && --depth === 0) return i;
  }
  return -1;
}

/** `${NAME}` and `${NAME:1}` references (not function calls), with their offsets. */
export function findVariables(text: string): Found[] {
  const found: Found[] = [];
  for (let i = text.indexOf('${'); i >= 0; i = text.indexOf('${', i + 2)) {
    const name = identAt(text, i + 2);
    const next = text[i + 2 + name.length];
    if (name !== '' && (next === '}' || next === ':')) found.push({ name, offset: i });
  }
  return found;
}

export interface GlobalValue {
  value: string;
  where: string;
}

const TECH_TOKEN = /(^|[\s,&(=:?"'|])([A-Za-z][A-Za-z0-9_]*)\//g;

/** A technology at the start of a value (`PJSIP/provider` or just `PJSIP`), if known. */
function leadingTechnology(value: string): string | undefined {
  const m = /^\s*([A-Za-z][A-Za-z0-9_]*)(\/|\s*$)/.exec(value);
  const name = m?.[1];
  return name !== undefined && CHANNEL_TECHNOLOGIES[name.toLowerCase()] !== undefined ? name : undefined;
}

/**
 * Channel technologies named in a dial string or value: literally (`PJSIP/100&IAX2/peer`) or
 * through a global variable whose value starts with one (`${TRUNK}/${EXTEN}`, TRUNK=PJSIP).
 */
export function findTechnologies(text: string, globals: ReadonlyMap<string, GlobalValue>): Found[] {
  const found: Found[] = [];
  TECH_TOKEN.lastIndex = 0;
  for (let m = TECH_TOKEN.exec(text); m; m = TECH_TOKEN.exec(text)) {
    const name = m[2] ?? '';
    if (CHANNEL_TECHNOLOGIES[name.toLowerCase()] !== undefined)
      found.push({ name, offset: m.index + (m[1] ?? '').length });
  }
  for (const v of findVariables(text)) {
    const global = globals.get(v.name);
    if (!global) continue;
    // One level of indirection through another global is common (TRUNK=${PROVIDER}).
    const inner = /^\s*\$\{([A-Za-z0-9_]+)\}/.exec(global.value)?.[1];
    const resolved = inner !== undefined ? (globals.get(inner) ?? global) : global;
    const tech = leadingTechnology(resolved.value);
    if (tech !== undefined)
      found.push({
        name: tech,
        offset: v.offset,
        via: `\${${v.name}} = ${global.value} from [globals] (${global.where})`,
      });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * Splits at a top-level separator: not inside `${...}`, `$[...]` or parentheses. Returns the
 * pieces with their offsets.
 */
export function splitTopLevel(text: string, separator: string): Array<{ text: string; offset: number }> {
  const parts: Array<{ text: string; offset: number }> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if ((ch === ')' || ch === '}' || ch === ']') && depth > 0) depth--;
    else if (ch === '\\') i++;
    else if (depth === 0 && ch === separator) {
      parts.push({ text: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  parts.push({ text: text.slice(start), offset: start });
  return parts;
}
