import type { ModuleInfo, ParseResult, Problem, SourceRef, SupportLevel } from '../../model';
import { categoryFromPrefix, emptyFragment, type GraphFragment } from '../fragment';
import { applyModuleinfo, readModuleinfo } from '../moduleinfo';
import { DEFAULT_LOAD_PRIORITY, effectiveLoadPriority } from '../parseRuntimeJson';
import { callBody, splitArguments } from './cCalls';
import { readXml } from '../xml/readXml';
import { createPositionLocator, type PositionOf } from '../xml/textPosition';

/**
 * `enum ast_module_load_priority` of include/asterisk/module.h as today's Asterisk declares it. A
 * module developer builds against a current tree; the built-in datasets of older versions carry
 * their own evaluated numbers.
 */
export const MODULE_PRIORITIES: Readonly<Record<string, number>> = {
  AST_MODPRI_REALTIME_DEPEND: 10,
  AST_MODPRI_REALTIME_DEPEND2: 20,
  AST_MODPRI_REALTIME_DRIVER: 30,
  AST_MODPRI_CORE: 40,
  AST_MODPRI_TIMING: 50,
  AST_MODPRI_CHANNEL_DEPEND: 60,
  AST_MODPRI_CHANNEL_DRIVER: 70,
  AST_MODPRI_APP_DEPEND: 80,
  AST_MODPRI_DEVSTATE_PROVIDER: 90,
  AST_MODPRI_DEVSTATE_PLUGIN: 100,
  AST_MODPRI_CDR_DRIVER: 110,
  AST_MODPRI_DEFAULT: 128,
  AST_MODPRI_DEVSTATE_CONSUMER: 150,
};

const SUPPORT_CONSTANTS: Readonly<Record<string, SupportLevel>> = {
  AST_MODULE_SUPPORT_CORE: 'core',
  AST_MODULE_SUPPORT_EXTENDED: 'extended',
  AST_MODULE_SUPPORT_DEPRECATED: 'deprecated',
  AST_MODULE_SUPPORT_UNKNOWN: 'unspecified',
};

const MODULEINFO_OPEN = /\/\*\*\*\s*MODULEINFO\b/;
const MODULEINFO_CLOSE = '***/';
const MODULE_INFO_CALL = /\bAST_MODULE_INFO(_STANDARD_EXTENDED|_STANDARD|_STANDARD_DEPRECATED)?\s*\(/;

/** True when the text looks like a module's C source: it declares AST_MODULE_INFO or a MODULEINFO block. */
export function looksLikeModuleSource(text: string): boolean {
  return MODULE_INFO_CALL.test(text) || MODULEINFO_OPEN.test(text);
}

/** `app_foo.c` (or `path/to/app_foo.c`) -> `app_foo`. */
export function moduleNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(c|cc|cpp)$/i, '');
}

/** Blanks comments outside string literals, keeping offsets (so positions still point into the file). */
function blankComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Adjacent C string literals concatenated (`"a," "b"` -> `a,b`), or undefined for anything else. */
function stringLiteral(expr: string): string | undefined {
  const pieces = expr.match(/"(?:[^"\\]|\\.)*"/g);
  if (!pieces || expr.replace(/"(?:[^"\\]|\\.)*"/g, '').trim() !== '') return undefined;
  return pieces.map((p) => p.slice(1, -1).replace(/\\(.)/g, '$1')).join('');
}

function nameList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `AST_MODPRI_APP_DEPEND`, `AST_MODPRI_APP_DEPEND - 1`, `(AST_MODPRI_CORE + 2)` or a number. */
export function evaluatePriority(expr: string): number | undefined {
  const m = /^\(?\s*(?:(AST_MODPRI_[A-Z0-9_]+)|(\d+))\s*(?:([+-])\s*(\d+))?\s*\)?$/.exec(expr.trim());
  if (!m) return undefined;
  const base = m[1] !== undefined ? MODULE_PRIORITIES[m[1]] : Number(m[2]);
  if (base === undefined) return undefined;
  const offset = m[4] === undefined ? 0 : Number(m[4]) * (m[3] === '-' ? -1 : 1);
  return base + offset;
}

interface Located {
  file: string;
  positionOf: PositionOf;
  module: string;
  problems: Problem[];
}

function warn(where: Located, at: number, message: string, code: Problem['code'] = 'unresolved-name'): void {
  where.problems.push({
    severity: 'warning',
    code,
    message,
    file: where.file,
    ...where.positionOf(at),
    module: where.module,
  });
}

/**
 * Reads a module's C source: its MODULEINFO block (with the same reader menuselect and xmldoc
 * blocks use) and its AST_MODULE_INFO(...) declaration, into a fragment holding that one module.
 * The module is named after the file, as the build names the `.so`.
 */
export function parseModuleSource(text: string, file: string): ParseResult<GraphFragment> {
  const problems: Problem[] = [];
  const name = moduleNameFromFile(file);
  const positionOf = createPositionLocator(text);
  const where: Located = { file, positionOf, module: name, problems };
  const fragment = emptyFragment({ sources: [{ kind: 'runtime', file }] });
  const code = blankComments(text);
  const call = MODULE_INFO_CALL.exec(code);
  const block = MODULEINFO_OPEN.exec(text);
  if (!call && !block) {
    return {
      data: undefined,
      problems: [
        {
          severity: 'error',
          code: 'unknown-format',
          message: `${file} declares neither AST_MODULE_INFO(...) nor a MODULEINFO block, so it names no module.`,
          file,
        },
      ],
    };
  }
  const callRef: SourceRef = {
    kind: 'runtime',
    file,
    ...(call ? positionOf(call.index) : { line: 1, column: 1 }),
  };
  const module: ModuleInfo = {
    name,
    category: categoryFromPrefix(name) ?? 'other',
    kind: 'loadable',
    supportLevel: 'unspecified',
    flags: [],
    globalSymbols: false,
    sources: { category: [callRef], kind: [callRef] },
  };
  fragment.modules[name] = module;

  if (block) readBlock(text, block, module, fragment, where);

  if (!call) {
    warn(
      where,
      block?.index ?? 0,
      `${name}: no AST_MODULE_INFO(...) found, so its load priority and run-time dependencies are unknown.`,
      'unknown-format',
    );
    return { data: fragment, problems };
  }
  const open = call.index + call[0].length - 1;
  const body = callBody(code, open);
  if (body === undefined) {
    warn(
      where,
      call.index,
      `${name}: the AST_MODULE_INFO( is never closed; its fields are not read.`,
      'unknown-format',
    );
    return { data: fragment, problems };
  }
  const args = splitArguments(body, open + 1);
  const variant = call[1];
  const ref: SourceRef = callRef;
  let loadPri: number | undefined;
  let priorityRef = ref;
  if (variant !== undefined) {
    // The _STANDARD macros set AST_MODFLAG_LOAD_ORDER with the default priority and a support level.
    module.flags = ['AST_MODFLAG_LOAD_ORDER'];
    loadPri = DEFAULT_LOAD_PRIORITY;
    module.hasLoad = true;
    const level: SupportLevel =
      variant === '_STANDARD' ? 'core' : variant === '_STANDARD_EXTENDED' ? 'extended' : 'deprecated';
    module.supportLevel = level;
    module.sources.supportLevel = [ref];
    readDescription(args[1], module, ref, where);
  } else {
    module.flags = nameList(args[1]?.value.replace(/\|/g, ',') ?? '').filter((f) => f !== '0');
    readDescription(args[2], module, ref, where);
    module.hasLoad = false;
    for (const field of args.slice(3)) {
      const m = /^\.([A-Za-z_]\w*)\s*=\s*([\s\S]*)$/.exec(field.value);
      if (!m) {
        warn(
          where,
          field.at,
          `${name}: "${short(field.value)}" in AST_MODULE_INFO is not a designated initializer (.field = value); it is skipped.`,
          'unknown-format',
        );
        continue;
      }
      const key = m[1] ?? '';
      const value = (m[2] ?? '').trim();
      const fieldRef: SourceRef = { kind: 'runtime', file, ...positionOf(field.at) };
      switch (key) {
        case 'load':
          module.hasLoad = value !== 'NULL' && value !== '0';
          break;
        case 'load_pri':
          loadPri = evaluatePriority(value);
          priorityRef = fieldRef;
          if (loadPri === undefined)
            warn(
              where,
              field.at,
              `${name}: .load_pri = ${short(value)} is not an AST_MODPRI_* name (with an optional + or - offset) or a number; the default priority ${DEFAULT_LOAD_PRIORITY} is assumed.`,
            );
          break;
        case 'requires':
        case 'optional_modules':
        case 'enhances': {
          const list = stringLiteral(value);
          if (list === undefined) {
            warn(
              where,
              field.at,
              `${name}: .${key} = ${short(value)} is not a string literal; it is skipped.`,
            );
            break;
          }
          const kind = key === 'optional_modules' ? 'optional' : key;
          for (const to of nameList(list)) fragment.edges.push({ from: name, to, kind, sources: [fieldRef] });
          break;
        }
        case 'support_level': {
          const level = SUPPORT_CONSTANTS[value];
          if (level === undefined)
            warn(
              where,
              field.at,
              `${name}: .support_level = ${short(value)} is not an AST_MODULE_SUPPORT_* constant.`,
            );
          else if (module.sources.supportLevel === undefined || module.supportLevel === level) {
            module.supportLevel = level;
            module.sources.supportLevel = [...(module.sources.supportLevel ?? []), ref];
          } else
            warn(
              where,
              field.at,
              `${name}: .support_level says ${level} but MODULEINFO says ${module.supportLevel}; MODULEINFO is kept.`,
              'source-disagreement',
            );
          break;
        }
        default:
          break;
      }
    }
  }
  module.globalSymbols = module.flags.includes('AST_MODFLAG_GLOBAL_SYMBOLS');
  module.loadPriority = effectiveLoadPriority(module.flags, loadPri);
  module.sources.loadPriority = [priorityRef];
  module.sources.flags = [ref];
  return { data: fragment, problems };
}

function readDescription(
  arg: { value: string; at: number } | undefined,
  module: ModuleInfo,
  ref: SourceRef,
  where: Located,
): void {
  if (!arg) return;
  const description = stringLiteral(arg.value);
  if (description === undefined) {
    warn(
      where,
      arg.at,
      `${module.name}: the description ${short(arg.value)} is not a string literal.`,
      'unknown-format',
    );
    return;
  }
  if (description.trim() === '') return;
  module.description = description.trim();
  module.sources.description = [ref];
}

function short(value: string): string {
  const one = value.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}

/** Reads the MODULEINFO block as XML, in a copy of the file blanked around it so positions stay true. */
function readBlock(
  text: string,
  open: RegExpExecArray,
  module: ModuleInfo,
  fragment: GraphFragment,
  where: Located,
): void {
  const bodyStart = open.index + open[0].length;
  const close = text.indexOf(MODULEINFO_CLOSE, bodyStart);
  if (close < 0) {
    warn(
      where,
      open.index,
      `${module.name}: the MODULEINFO block is never closed with ***/; it is skipped.`,
      'unknown-format',
    );
    return;
  }
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  const masked =
    blank(text.slice(0, bodyStart - 3)) +
    '<m>' +
    text.slice(bodyStart, close) +
    '</m>' +
    blank(text.slice(close + 4));
  const read = readXml(masked, where.file, { keep: () => true });
  if (!read.document) {
    if (read.problem) where.problems.push({ ...read.problem, module: module.name });
    return;
  }
  const ref: SourceRef = { kind: 'menuselect-tree', file: where.file, ...where.positionOf(open.index) };
  const facts = readModuleinfo(
    read.document.root,
    { file: where.file, owner: module.name, positionOf: where.positionOf, text: masked },
    where.problems,
  );
  applyModuleinfo(module, facts, ref, fragment.edges, where.problems);
}
