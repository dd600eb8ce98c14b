/**
 * Parser for extensions.conf and the files it #includes, as pbx_config reads them (Asterisk's
 * config syntax: `;` comments, `;-- --;` blocks, `[context]` headers with `(!)` templates and
 * `(tpl)` inheritance, `#include`), down to what the modules.conf planner needs: which
 * applications, dialplan functions, channel technologies and switches the dialplan uses, and
 * where. Asterisk's config syntax has no line continuation, so none is read here either.
 * AEL (extensions.ael) and Lua (extensions.lua) are other languages: reported, not parsed.
 */
import type {
  Dialplan,
  DialplanContext,
  DialplanFile,
  DialplanGlobal,
  DialplanLocation,
  DialplanPriority,
  DialplanTarget,
  DialplanUse,
  ParseResult,
  Problem,
} from '../../model';
import { MODULE_CONTEXTS, SWITCH_TYPES } from '../../model';
import type { GlobalValue } from './scanArguments';
import { findFunctions, findTechnologies, splitTopLevel } from './scanArguments';

const UNSUPPORTED: Record<string, string> = {
  ael: "AEL is a language of its own (compiled by pbx_ael, with macros, if/else and switch blocks), not extensions.conf syntax; the planner reads extensions.conf only. Asterisk's aelparse utility can write an AEL dialplan out in extensions.conf form, which can be planned.",
  lua: 'Lua dialplans are programs run by pbx_lua: which applications they call is only known when they run, so no parser can list them. Plan from an extensions.conf, and keep pbx_lua and what your script uses with --keep.',
};

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

interface State {
  files: ReadonlyMap<string, DialplanFile>;
  dialplan: Dialplan;
  problems: Problem[];
  section: { name: string; kind: 'none' | 'general' | 'globals' | 'context' };
  /** Last exten of the current context, for `same =>`. */
  lastExtension?: string;
  globals: Map<string, GlobalValue>;
  reading: string[];
  read: Set<string>;
}

/** Applications that run another application given in their arguments. */
const RUNS_APPLICATION = new Set(['execif', 'execiftime', 'exec', 'tryexec']);

/** Parses a dialplan given as files; the entry is `extensions.conf` if present, else the first. */
export function parseDialplan(files: readonly DialplanFile[]): ParseResult<Dialplan> {
  const problems: Problem[] = [];
  if (files.length === 0) {
    problems.push({ severity: 'error', code: 'unknown-format', message: 'No dialplan file given.' });
    return { data: undefined, problems };
  }
  const byName = new Map<string, DialplanFile>();
  for (const f of files) byName.set(f.name, f);
  const entry = files.find((f) => baseName(f.name).toLowerCase() === 'extensions.conf') ?? files[0];
  const dialplan: Dialplan = { files: [], contexts: [], priorities: [], uses: [], targets: [], globals: [] };
  if (!entry) return { data: undefined, problems };

  for (const f of files) {
    const why = UNSUPPORTED[extensionOf(f.name)];
    if (why)
      problems.push({
        severity: f === entry ? 'error' : 'warning',
        code: 'config-unsupported',
        message: `${baseName(f.name)} is not supported: ${why}`,
        file: f.name,
      });
  }
  if (UNSUPPORTED[extensionOf(entry.name)]) {
    dialplan.files.push(entry.name);
    return { data: dialplan, problems };
  }

  const state: State = {
    files: byName,
    dialplan,
    problems,
    section: { name: '', kind: 'none' },
    globals: new Map(),
    reading: [],
    read: new Set(),
  };
  readFile(state, entry);
  for (const f of files) {
    if (!state.read.has(f.name) && !UNSUPPORTED[extensionOf(f.name)])
      problems.push({
        severity: 'warning',
        code: 'unresolved-name',
        message: `${f.name} is not #included from ${entry.name} (directly or not), so it was not read.`,
        file: f.name,
      });
  }
  checkTargets(dialplan, problems);
  return { data: dialplan, problems };
}

function problemAt(
  state: State,
  severity: Problem['severity'],
  code: Problem['code'],
  message: string,
  at: DialplanLocation,
): void {
  state.problems.push({ severity, code, message, file: at.file, line: at.line, column: at.column });
}

/** Removes comments, keeping every other character in its column (block comments become blanks). */
function stripComments(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let depth = 0;
  return lines.map((source) => {
    let kept = '';
    for (let pos = 0; pos < source.length;) {
      if (depth > 0) {
        if (source.startsWith('--;', pos)) {
          depth--;
          kept += '   ';
          pos += 3;
        } else if (source.startsWith(';--', pos)) {
          depth++;
          kept += '   ';
          pos += 3;
        } else {
          kept += ' ';
          pos++;
        }
        continue;
      }
      const ch = source[pos] ?? '';
      if (ch === '\\' && source[pos + 1] === ';') {
        kept += '\\;';
        pos += 2;
        continue;
      }
      if (ch === ';') {
        if (source.startsWith(';--', pos)) {
          depth = 1;
          kept += '   ';
          pos += 3;
          continue;
        }
        break;
      }
      kept += ch;
      pos++;
    }
    return kept;
  });
}

function findIncluded(state: State, spec: string): DialplanFile[] {
  const wanted = spec.replace(/^["<]|[">]$/g, '').trim();
  if (wanted.includes('*') || wanted.includes('?')) {
    const pattern = new RegExp(
      `(^|/)${wanted
        .replace(/^\.?\//, '')
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`,
    );
    return [...state.files.values()]
      .filter((f) => pattern.test(f.name))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }
  const exact = state.files.get(wanted);
  if (exact) return [exact];
  const base = baseName(wanted);
  const byBase = [...state.files.values()].find((f) => baseName(f.name) === base);
  return byBase ? [byBase] : [];
}

function readFile(state: State, file: DialplanFile): void {
  state.reading.push(file.name);
  state.read.add(file.name);
  if (!state.dialplan.files.includes(file.name)) state.dialplan.files.push(file.name);
  stripComments(file.text).forEach((raw, i) => readLine(state, file, raw, i + 1));
  state.reading.pop();
}

function readLine(state: State, file: DialplanFile, raw: string, line: number): void {
  const body = raw.trim();
  if (body === '') return;
  const column = raw.length - raw.trimStart().length + 1;
  const at: DialplanLocation = { file: file.name, line, column };

  if (body.startsWith('#')) {
    const m = /^#(\w+)\s*(.*)$/.exec(body);
    const directive = (m?.[1] ?? '').toLowerCase();
    const arg = (m?.[2] ?? '').trim();
    if (directive === 'include' || directive === 'tryinclude') {
      const found = findIncluded(state, arg);
      if (found.length === 0) {
        if (directive === 'include')
          problemAt(
            state,
            'warning',
            'unresolved-name',
            `#include ${arg}: no such file was given; open it together with ${state.reading[0] ?? 'the dialplan'} to plan with it.`,
            at,
          );
        return;
      }
      for (const f of found) {
        if (state.reading.includes(f.name)) {
          problemAt(
            state,
            'error',
            'config-syntax',
            `#include ${arg} makes a cycle: ${[...state.reading, f.name].join(' -> ')}; Asterisk would include it forever.`,
            at,
          );
          continue;
        }
        readFile(state, f);
      }
      return;
    }
    if (directive === 'exec') {
      problemAt(
        state,
        'warning',
        'config-unsupported',
        `#exec runs a program when Asterisk reads the file; its output is unknown here and is not planned for.`,
        at,
      );
      return;
    }
    problemAt(
      state,
      'warning',
      'config-syntax',
      `Unknown directive '#${directive}': Asterisk ignores this line.`,
      at,
    );
    return;
  }

  if (body.startsWith('[')) {
    const close = body.indexOf(']');
    if (close < 0) {
      problemAt(state, 'error', 'config-syntax', `Context header without a closing ']'.`, at);
      return;
    }
    const name = body.slice(1, close).trim();
    const options = /^\(([^)]*)\)/.exec(body.slice(close + 1).trim())?.[1] ?? '';
    const flags = options
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== '');
    const lower = name.toLowerCase();
    state.lastExtension = undefined;
    if (lower === 'general' || lower === 'globals') {
      state.section = { name, kind: lower };
      return;
    }
    state.section = { name, kind: 'context' };
    const context: DialplanContext = {
      ...at,
      name,
      template: flags.includes('!'),
      inherits: flags.filter((f) => f !== '!'),
    };
    state.dialplan.contexts.push(context);
    return;
  }

  const m = /^([^=]*?)\s*=>?\s*(.*)$/.exec(body);
  if (!m || !body.includes('=')) {
    problemAt(state, 'warning', 'config-syntax', `No '=' in this line: Asterisk ignores it.`, at);
    return;
  }
  const key = (m[1] ?? '').trim();
  const value = m[2] ?? '';
  const valueColumn = column + body.length - value.length;
  const valueAt: DialplanLocation = { ...at, column: valueColumn };

  switch (state.section.kind) {
    case 'none':
      problemAt(
        state,
        'error',
        'config-syntax',
        `Line outside any context: Asterisk rejects the file ('No category context').`,
        at,
      );
      return;
    case 'general':
      return;
    case 'globals': {
      const global: DialplanGlobal = { ...at, name: key, value };
      state.dialplan.globals.push(global);
      state.globals.set(key, { value, where: `${file.name}:${line}` });
      scanValue(state, value, valueAt, undefined, undefined);
      return;
    }
    case 'context':
      readContextLine(state, key.toLowerCase(), value, at, valueAt);
  }
}

function readContextLine(
  state: State,
  key: string,
  value: string,
  at: DialplanLocation,
  valueAt: DialplanLocation,
): void {
  const context = state.section.name;
  switch (key) {
    case 'exten':
    case 'same': {
      let rest = value;
      let restColumn = valueAt.column;
      let extension: string;
      if (key === 'exten') {
        const comma = firstComma(rest);
        if (comma < 0) {
          problemAt(
            state,
            'warning',
            'config-syntax',
            `exten => needs an extension, a priority and an application.`,
            at,
          );
          return;
        }
        extension = rest.slice(0, comma).trim();
        rest = rest.slice(comma + 1);
        restColumn += comma + 1;
        state.lastExtension = extension;
      } else {
        if (state.lastExtension === undefined) {
          problemAt(
            state,
            'error',
            'config-syntax',
            `same => without an exten => before it in [${context}].`,
            at,
          );
          return;
        }
        extension = state.lastExtension;
      }
      readPriority(state, context, extension, rest, restColumn, at);
      return;
    }
    case 'include': {
      const target = value.split(/[,|]/)[0]?.trim() ?? '';
      state.dialplan.targets.push({ ...valueAt, kind: 'include', target, from: context });
      return;
    }
    case 'switch':
    case 'eswitch':
    case 'lswitch': {
      const name = /^\s*([A-Za-z0-9_]+)/.exec(value)?.[1] ?? value.trim();
      state.dialplan.uses.push({ ...valueAt, kind: 'switch', name, context });
      if (SWITCH_TYPES[name.toLowerCase()] === undefined)
        problemAt(
          state,
          'warning',
          'unresolved-name',
          `switch type '${name}' is not one the explorer knows (${Object.keys(SWITCH_TYPES).join(', ')}).`,
          valueAt,
        );
      return;
    }
    case 'ignorepat':
      return;
    default:
      problemAt(
        state,
        'warning',
        'config-syntax',
        `'${key}' is not a dialplan keyword (exten, same, include, switch, ignorepat): pbx_config ignores it.`,
        at,
      );
  }
}

/** The first comma outside brackets (patterns such as `_[1,2]X` hold commas). */
function firstComma(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[' || ch === '(') depth++;
    else if ((ch === ']' || ch === ')') && depth > 0) depth--;
    else if (ch === ',' && depth === 0) return i;
  }
  return -1;
}

function readPriority(
  state: State,
  context: string,
  extension: string,
  rest: string,
  restColumn: number,
  at: DialplanLocation,
): void {
  const comma = rest.indexOf(',');
  const priorityText = (comma < 0 ? rest : rest.slice(0, comma)).trim();
  const after = comma < 0 ? '' : rest.slice(comma + 1);
  const afterColumn = restColumn + comma + 1;
  const pm = /^([^()]*?)\s*(?:\(([^)]*)\))?$/.exec(priorityText);
  const priority = (pm?.[1] ?? priorityText).trim();
  const label = pm?.[2]?.trim();
  if (!/^(\d+|n(\s*\+\s*\d+)?|s(\s*\+\s*\d+)?|hint)$/i.test(priority))
    problemAt(
      state,
      'warning',
      'config-syntax',
      `'${priority}' is not a priority (a number, n, n+N, s or hint).`,
      { ...at, column: restColumn },
    );

  const entry: DialplanPriority = { ...at, context, extension, priority, application: '', args: '' };
  if (label) entry.label = label;
  if (priority.toLowerCase() === 'hint') {
    entry.hint = after.trim();
    state.dialplan.priorities.push(entry);
    scanValue(state, after, { ...at, column: afterColumn }, context, extension);
    return;
  }
  const lead = after.length - after.trimStart().length;
  const app = readApplication(after.trimStart());
  entry.application = app.name;
  entry.args = app.args;
  state.dialplan.priorities.push(entry);
  if (app.name === '') {
    problemAt(state, 'warning', 'config-syntax', `No application after the priority.`, at);
    return;
  }
  useApplication(
    state,
    app.name,
    app.args,
    afterColumn + lead,
    afterColumn + lead + app.argsOffset,
    at,
    context,
    extension,
  );
}

interface ApplicationCall {
  name: string;
  args: string;
  /** Offset of the arguments in the text read. */
  argsOffset: number;
}

/** `App(args)`, or the old `App,args` form pbx_config still accepts. */
function readApplication(text: string): ApplicationCall {
  const paren = text.indexOf('(');
  const comma = text.indexOf(',');
  if (paren >= 0 && (comma < 0 || paren < comma)) {
    const close = text.lastIndexOf(')');
    const args = close > paren ? text.slice(paren + 1, close) : text.slice(paren + 1);
    return { name: text.slice(0, paren).trim(), args, argsOffset: paren + 1 };
  }
  if (comma >= 0)
    return { name: text.slice(0, comma).trim(), args: text.slice(comma + 1), argsOffset: comma + 1 };
  return { name: text.trim(), args: '', argsOffset: text.length };
}

function useApplication(
  state: State,
  name: string,
  args: string,
  nameColumn: number,
  argsColumn: number,
  at: DialplanLocation,
  context: string,
  extension: string,
): void {
  state.dialplan.uses.push({ ...at, column: nameColumn, kind: 'application', name, context, extension });
  const lower = name.toLowerCase();
  const argsAt: DialplanLocation = { ...at, column: argsColumn };
  scanValue(state, args, argsAt, context, extension);

  if (lower === 'set') {
    const left = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(args);
    if (left?.[1] && args.indexOf('=') > left.index + left[0].length)
      addUse(
        state,
        'function',
        left[1],
        { ...argsAt, column: argsColumn + args.indexOf(left[1]) },
        context,
        extension,
      );
  }
  if (RUNS_APPLICATION.has(lower)) {
    // ExecIf(cond?App(args):App(args)), ExecIfTime(times,days,dom,months?App(args)), Exec(App(args)).
    let calls = args;
    let offset = 0;
    if (lower === 'execif' || lower === 'execiftime') {
      const parts = splitTopLevel(args, '?');
      const second = parts[1];
      if (!second) return;
      calls = args.slice(second.offset);
      offset = second.offset;
    }
    for (const part of lower.startsWith('execif')
      ? splitTopLevel(calls, ':')
      : [{ text: calls, offset: 0 }]) {
      const lead = part.text.length - part.text.trimStart().length;
      const inner = readApplication(part.text.trimStart());
      if (inner.name === '' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(inner.name)) continue;
      const column = argsColumn + offset + part.offset + lead;
      state.dialplan.uses.push({ ...at, column, kind: 'application', name: inner.name, context, extension });
    }
  }
  const target = (kind: DialplanTarget['kind'], name: string, offset: number): void => {
    const t = name.trim();
    if (t !== '')
      state.dialplan.targets.push({ ...at, column: argsColumn + offset, kind, target: t, from: context });
  };
  const parts = splitTopLevel(args, ',');
  if (lower === 'gosub' || lower === 'goto') {
    if (parts.length >= 3 && parts[0])
      target(lower === 'gosub' ? 'gosub' : 'goto', parts[0].text, parts[0].offset);
  } else if (lower === 'gosubif' || lower === 'gotoif') {
    const branches = splitTopLevel(args, '?')[1];
    if (branches)
      for (const b of splitTopLevel(args.slice(branches.offset), ':')) {
        const p = splitTopLevel(b.text, ',');
        if (p.length >= 3 && p[0])
          target(lower === 'gosubif' ? 'gosub' : 'goto', p[0].text, branches.offset + b.offset + p[0].offset);
      }
  } else if (lower === 'macro' || lower === 'macroexclusive') {
    if (parts[0]) target('macro', `macro-${parts[0].text.trim()}`, parts[0].offset);
  } else if (lower === 'agi' || lower === 'eagi' || lower === 'deadagi') {
    if (parts[0]) target('agi', parts[0].text, parts[0].offset);
  }
}

function addUse(
  state: State,
  kind: DialplanUse['kind'],
  name: string,
  at: DialplanLocation,
  context?: string,
  extension?: string,
  via?: string,
): void {
  const use: DialplanUse = { ...at, kind, name };
  if (context !== undefined) use.context = context;
  if (extension !== undefined) use.extension = extension;
  if (via !== undefined) use.via = via;
  state.dialplan.uses.push(use);
}

/** Functions and technologies in any value: arguments, hints, globals. */
function scanValue(
  state: State,
  text: string,
  at: DialplanLocation,
  context?: string,
  extension?: string,
): void {
  for (const f of findFunctions(text))
    addUse(state, 'function', f.name, { ...at, column: at.column + f.offset }, context, extension);
  for (const t of findTechnologies(text, state.globals))
    addUse(state, 'technology', t.name, { ...at, column: at.column + t.offset }, context, extension, t.via);
}

/** Includes, Gosubs, Macros and Gotos naming a context the dialplan does not define. */
function checkTargets(dialplan: Dialplan, problems: Problem[]): void {
  const defined = new Set(dialplan.contexts.map((c) => c.name.toLowerCase()));
  for (const t of dialplan.targets) {
    if (t.kind === 'agi' || t.target.includes('$')) continue;
    if (defined.has(t.target.toLowerCase()) || MODULE_CONTEXTS[t.target.toLowerCase()] !== undefined)
      continue;
    problems.push({
      severity: 'warning',
      code: 'unresolved-name',
      message: `${t.kind === 'include' ? 'include =>' : t.kind === 'macro' ? 'Macro' : t.kind === 'gosub' ? 'Gosub' : 'Goto'} names context [${t.target}], which the dialplan given does not define.`,
      file: t.file,
      line: t.line,
      column: t.column,
    });
  }
}
