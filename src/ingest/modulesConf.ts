/**
 * Parser for Asterisk's `modules.conf`: the `[modules]` section the module loader reads.
 *
 * It follows Asterisk's config syntax (main/config.c: config_text_file_load, process_text_line):
 * `;` comments (`\;` is a literal semicolon), `;-- ... --;` block comments, `[section]` headers,
 * `name = value` and `name => value`. Only the first `[modules]` section counts, as in the loader
 * (main/loader.c: loader_config_init browses the first category of that name). What the explorer
 * cannot follow (`#include`, `#exec`, templates) is reported, never guessed.
 */
import type {
  ModuleGraph,
  ModulesConf,
  ModulesConfEntry,
  ModulesConfOption,
  Problem,
  ParseResult,
} from '../model';
import { MODULES_CONF_OPTIONS } from '../model';

export interface ModulesConfParseOptions {
  /** Built-in module names of the dataset, so `noload` of one is reported as the loader would. */
  builtins?: readonly string[];
}

export interface RawLine {
  /** Text after comment removal, not yet trimmed. */
  text: string;
  line: number;
}

/** Parses `modules.conf` (as the page holds it: text and file name) against a dataset's built-ins. */
export function parseModulesConfFor(
  graph: ModuleGraph,
  conf: { text: string; file: string },
): ParseResult<ModulesConf> {
  const builtins = Object.values(graph.modules)
    .filter((m) => m.kind === 'builtin')
    .map((m) => m.name);
  return parseModulesConf(conf.text, conf.file, { builtins });
}

/** Parses `modules.conf` text. Data is absent only for empty input that is not a string. */
export function parseModulesConf(
  text: string,
  file: string,
  options: ModulesConfParseOptions = {},
): ParseResult<ModulesConf> {
  const problems: Problem[] = [];
  const problem = (
    severity: Problem['severity'],
    code: Problem['code'],
    message: string,
    line: number,
    column: number,
    module?: string,
  ): void => {
    const p: Problem = { severity, code, message, file, line, column };
    if (module !== undefined) p.module = module;
    problems.push(p);
  };

  const conf: ModulesConf = { file, status: 'ok', hasModulesSection: false, entries: [] };
  // 'none' before any header, 'modules' inside the first [modules], 'other' elsewhere.
  let section: 'none' | 'modules' | 'other' = 'none';

  for (const raw of stripComments(text, file, problems)) {
    const leading = raw.text.length - raw.text.trimStart().length;
    const body = raw.text.trim();
    if (body === '') continue;
    const column = leading + 1;

    if (body.startsWith('[')) {
      const close = body.indexOf(']');
      if (close < 0) {
        problem(
          'error',
          'config-syntax',
          `Section header without a closing ']': Asterisk rejects the whole file.`,
          raw.line,
          column,
        );
        conf.status = 'invalid';
        break;
      }
      const name = body.slice(1, close);
      const rest = body.slice(close + 1);
      if (rest.startsWith('(')) {
        if (!rest.includes(')')) {
          problem(
            'error',
            'config-syntax',
            `Section options without a closing ')': Asterisk rejects the whole file.`,
            raw.line,
            column,
          );
          conf.status = 'invalid';
          break;
        }
        problem(
          'error',
          'config-unsupported',
          `Section '[${name}]' uses templates or inheritance '${rest.slice(0, rest.indexOf(')') + 1)}', which the explorer does not follow; write the options out in the section.`,
          raw.line,
          column + close + 1,
        );
      }
      if (name.toLowerCase() === 'modules') {
        if (conf.hasModulesSection) {
          problem(
            'warning',
            'config-syntax',
            `A second [modules] section is ignored by the loader: it only reads the first one.`,
            raw.line,
            column,
          );
          section = 'other';
        } else {
          conf.hasModulesSection = true;
          section = 'modules';
        }
      } else {
        section = 'other';
      }
      continue;
    }

    if (body.startsWith('#')) {
      const directive = (/^#(\S*)/.exec(body)?.[1] ?? '').toLowerCase();
      if (directive === 'include' || directive === 'tryinclude' || directive === 'exec') {
        problem(
          'error',
          'config-unsupported',
          `'#${directive}' is not supported here: the explorer reads one file, so paste the included lines instead.`,
          raw.line,
          column,
        );
      } else {
        problem(
          'warning',
          'config-syntax',
          `Unknown directive '#${directive}': Asterisk ignores this line.`,
          raw.line,
          column,
        );
      }
      continue;
    }

    if (section === 'none') {
      problem(
        'error',
        'config-syntax',
        `Line outside any section: Asterisk rejects the whole file ('parse error: No category context').`,
        raw.line,
        column,
      );
      conf.status = 'invalid';
      break;
    }

    const eq = body.indexOf('=');
    if (eq < 0) {
      problem(
        'warning',
        'config-syntax',
        `No '=' (equal sign) in this line: Asterisk ignores it.`,
        raw.line,
        column,
      );
      continue;
    }
    if (eq > 0 && body[eq - 1] === '+') {
      problem(
        'error',
        'config-unsupported',
        `'+=' (append to a previous value) is not supported in modules.conf by the explorer.`,
        raw.line,
        column + eq - 1,
      );
      continue;
    }
    const name = body.slice(0, eq).trim();
    let valueText = body.slice(eq + 1);
    const object = valueText.startsWith('>');
    if (object) valueText = valueText.slice(1);
    const value = valueText.trim();
    if (name === '') {
      problem(
        'warning',
        'config-syntax',
        `No option name before '=': Asterisk ignores this line.`,
        raw.line,
        column,
      );
      continue;
    }
    if (section !== 'modules') continue;

    const option = recogniseOption(name);
    const entry: ModulesConfEntry = { name, option, value, object, line: raw.line, column };
    conf.entries.push(entry);
    checkEntry(entry, problem);
  }

  if (conf.status === 'ok') checkConflicts(conf, options, problem);
  return { data: conf, problems };
}

function recogniseOption(name: string): ModulesConfOption | 'unknown' {
  const lower = name.toLowerCase();
  return MODULES_CONF_OPTIONS.find((o) => o === lower) ?? 'unknown';
}

type Report = (
  severity: Problem['severity'],
  code: Problem['code'],
  message: string,
  line: number,
  column: number,
  module?: string,
) => void;

const TRUE_VALUES = new Set(['yes', 'true', 'y', 't', '1', 'on']);

/** Whether Asterisk reads a value as true (main/utils.c: ast_true). */
export function isAsteriskTrue(value: string | undefined): boolean {
  return value !== undefined && TRUE_VALUES.has(value.toLowerCase());
}

function checkEntry(entry: ModulesConfEntry, problem: Report): void {
  if (entry.option === 'unknown') {
    // main/loader.c: loader_config_init refuses any other option, and Asterisk exits.
    problem(
      'error',
      'config-unknown-option',
      `Unknown configuration option '${entry.name}': Asterisk refuses to start (options are ${MODULES_CONF_OPTIONS.join(', ')}).`,
      entry.line,
      entry.column,
    );
    return;
  }
  if (entry.option === 'autoload') {
    const lower = entry.value.toLowerCase();
    if (!TRUE_VALUES.has(lower) && !['no', 'false', 'n', 'f', '0', 'off'].includes(lower)) {
      problem(
        'warning',
        'config-syntax',
        `autoload = '${entry.value}' is not a yes/no value; Asterisk reads it as 'no'.`,
        entry.line,
        entry.column,
      );
    }
    return;
  }
  if (entry.value === '') {
    problem('warning', 'config-syntax', `'${entry.name}' without a module name.`, entry.line, entry.column);
  }
}

function baseName(value: string): string {
  const lower = value.toLowerCase();
  return lower.length > 3 && lower.endsWith('.so') ? lower.slice(0, -3) : lower;
}

/** The loader's own fatal checks on noload lines (main/loader.c: loader_config_init). */
function checkConflicts(conf: ModulesConf, options: ModulesConfParseOptions, problem: Report): void {
  const required = new Map<string, ModulesConfEntry>();
  const preloaded = new Set<string>();
  for (const e of conf.entries) {
    const key = baseName(e.value);
    if (e.option === 'require' || e.option === 'preload-require') required.set(key, required.get(key) ?? e);
    if (e.option === 'preload' || e.option === 'preload-require') preloaded.add(key);
  }
  const builtins = new Set((options.builtins ?? []).map((b) => b.toLowerCase()));
  for (const e of conf.entries) {
    if (e.option !== 'noload') continue;
    const key = baseName(e.value);
    if (builtins.has(key)) {
      problem(
        'error',
        'config-noload-builtin',
        `${e.value} is a built-in module, you cannot specify 'noload'.`,
        e.line,
        e.column,
        key,
      );
    } else if (required.has(key)) {
      const how = preloaded.has(key) ? 'preload-require' : 'require';
      problem(
        'error',
        'config-conflict',
        `${e.value} is configured with '${how}' and 'noload', this is impossible.`,
        e.line,
        e.column,
        key,
      );
    }
  }
}

/**
 * Removes comments the way Asterisk does, line by line: `;--` opens a block comment that `--;`
 * closes (they nest), a lone `;` ends the line, `\;` is a literal semicolon.
 */
export function stripComments(text: string, file: string, problems: Problem[]): RawLine[] {
  const out: RawLine[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let depth = 0;
  let openedAt = 0;
  lines.forEach((source, i) => {
    const lineNo = i + 1;
    let kept = '';
    let pos = 0;
    while (pos < source.length) {
      const ch = source[pos];
      if (depth > 0) {
        if (source.startsWith('--;', pos)) {
          depth--;
          pos += 3;
        } else if (source.startsWith(';--', pos) && source[pos + 3] !== '-') {
          depth++;
          pos += 3;
        } else {
          pos++;
        }
        continue;
      }
      if (ch === '\\' && source[pos + 1] === ';') {
        kept += ';';
        pos += 2;
        continue;
      }
      if (ch === ';') {
        if (source.startsWith(';--', pos) && source[pos + 3] !== '-') {
          depth = 1;
          openedAt = lineNo;
          pos += 3;
          continue;
        }
        break;
      }
      kept += ch;
      pos++;
    }
    out.push({ text: kept, line: lineNo });
  });
  if (depth > 0) {
    problems.push({
      severity: 'warning',
      code: 'config-syntax',
      message: `Unterminated comment: the block comment opened here never closes.`,
      file,
      line: openedAt,
    });
  }
  return out;
}
