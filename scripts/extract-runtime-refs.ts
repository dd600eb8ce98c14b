/**
 * Reads, from the Asterisk source at one commit, the references modules take at run time that the
 * loader's metadata does not show (docs/format.md, `<runtimeReferences>`):
 * - `ast_module_shutdown_ref(ast_module_info->self)` / `(AST_MODULE_SELF)` in a module's load_module();
 * - `ast_format_interface_register` and `ast_bucket_scheme_register` calls in load_module(), when
 *   main/format.c and main/bucket.c at that commit pin the caller with `ast_module_shutdown_ref`;
 * - `ast_calendar_register` calls, when res/res_calendar.c at that commit adds a user to itself
 *   (`ast_module_user_add` / `ast_module_ref`) in it;
 * - default sorcery wizard mappings (`ast_sorcery_apply_default`, `ast_sorcery_apply_wizard_mapping`
 *   with a literal wizard name, outside `#ifdef TEST_FRAMEWORK`): one reference on the wizard's
 *   module (the res_sorcery_* module whose wizard has that `.name`) per object type.
 * A call not directly in load_module(), or nested deeper than its first level, is recorded as
 * conditional (res_pjsip_mwi pins itself only when its serializer pool cannot be made).
 *
 * Source: a git clone of https://github.com/asterisk/asterisk (ASTERISK_GIT_DIR, default
 * ../.mirror/asterisk+asterisk/repo next to this repository). Every reference cites file and line.
 * scripts/build-datasets.ts calls this for each dataset; run alone it prints the facts:
 *   npx tsx scripts/extract-runtime-refs.ts <commit> [...]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuntimeReference, RuntimeReferenceKind } from '../src/model';
import { callArguments } from '../src/ingest/cSource/cCalls';

const REPOSITORY = 'https://github.com/asterisk/asterisk';

export const defaultGitDir = resolve(
  process.env.ASTERISK_GIT_DIR ??
    join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.mirror', 'asterisk+asterisk', 'repo'),
);

function git(gitDir: string, args: string[]): string {
  try {
    return execFileSync('git', ['--git-dir', gitDir, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    // git grep exits 1 when nothing matches.
    return '';
  }
}

interface Call {
  path: string;
  line: number;
  /** The function the call is in (the last line before it that starts a definition at column 0). */
  inFunction: string;
  /** Tabs before the call: 1 is the function body's first level. */
  depth: number;
}

/** Where `pattern` (extended regexp) is called in the .c files of modules (not main/, not include/). */
function callsOf(gitDir: string, commit: string, pattern: string, sources: Map<string, string[]>): Call[] {
  const out = git(gitDir, ['grep', '-n', '-E', pattern, commit, '--', '*.c']);
  const calls: Call[] = [];
  for (const row of out.split('\n')) {
    const m = /^[^:]+:([^:]+):(\d+):(.*)$/.exec(row);
    if (!m) continue;
    const [, path = '', lineText = '0', text = ''] = m;
    if (path.startsWith('main/') || path.startsWith('include/') || path.startsWith('utils/')) continue;
    const line = Number(lineText);
    let lines = sources.get(path);
    if (!lines) {
      lines = git(gitDir, ['show', `${commit}:${path}`]).split('\n');
      sources.set(path, lines);
    }
    let inFunction = '';
    for (let i = line - 2; i >= 0; i--) {
      const def = /^(?:static\s+)?(?:[A-Za-z_][\w\s*]*?)\b([A-Za-z_]\w*)\s*\([^;]*$/.exec(lines[i] ?? '');
      if (def && !/^\s/.test(lines[i] ?? '')) {
        inFunction = def[1] ?? '';
        break;
      }
    }
    const depth = /^\t*/.exec(text)?.[0].length ?? 0;
    calls.push({ path, line, inFunction, depth });
  }
  return calls;
}

/**
 * The module a source file belongs to: the module a Makefile's `MOD_ADD_C` adds it to
 * (res/ari/config.c is part of res_ari), its own name, or the module folder it sits in.
 */
function moduleOfPath(
  path: string,
  modules: ReadonlySet<string>,
  addedTo: ReadonlyMap<string, string>,
): string | undefined {
  const added = addedTo.get(path);
  if (added && modules.has(added)) return added;
  const own = basename(path, '.c');
  if (modules.has(own)) return own;
  const folder = basename(dirname(path));
  return modules.has(folder) ? folder : undefined;
}

/** Files listed by name in `$(call MOD_ADD_C,<module>,<files>)` of the module folders' Makefiles. */
function modAddC(gitDir: string, commit: string): Map<string, string> {
  const listing = git(gitDir, ['grep', '-l', 'MOD_ADD_C', commit, '--', '*/Makefile']);
  const addedTo = new Map<string, string>();
  for (const makefile of listing.split('\n').filter(Boolean)) {
    const path = makefile.slice(commit.length + 1);
    const folder = dirname(path);
    for (const m of git(gitDir, ['show', `${commit}:${path}`]).matchAll(
      /\$\(call MOD_ADD_C,([A-Za-z0-9_]+),([^)$]*)\)/g,
    )) {
      for (const file of (m[2] ?? '').split(/\s+/).filter((f) => f.endsWith('.c')))
        addedTo.set(`${folder}/${file}`, m[1] ?? '');
    }
  }
  return addedTo;
}

/** Lines inside `#ifdef TEST_FRAMEWORK` (1-based), which a production build does not compile. */
function testFrameworkLines(lines: readonly string[]): Set<number> {
  const inside = new Set<number>();
  const stack: boolean[] = [];
  lines.forEach((text, i) => {
    const directive = /^\s*#\s*(ifdef|ifndef|if|else|elif|endif)\b(.*)$/.exec(text);
    if (directive) {
      const [, kind = '', rest = ''] = directive;
      if (kind === 'ifdef' || kind === 'if' || kind === 'ifndef')
        stack.push(kind !== 'ifndef' && /\bTEST_FRAMEWORK\b/.test(rest));
      else if (kind === 'endif') stack.pop();
      else if (stack.length > 0) stack[stack.length - 1] = false;
    }
    if (stack.some(Boolean)) inside.add(i + 1);
  });
  return inside;
}

function functionBody(source: string, name: string): string {
  const start = source.search(new RegExp(`^[^\\n]*\\b${name}\\s*\\([^;]*$`, 'm'));
  if (start < 0) return '';
  const end = source.indexOf('\n}', start);
  return source.slice(start, end < 0 ? undefined : end);
}

export interface Extraction {
  references: RuntimeReference[];
  /** One line per fact or decision, with file and line. */
  notes: string[];
}

/**
 * The run-time references of the modules in `modules` at `commit`.
 */
export function extractRuntimeReferences(
  gitDir: string,
  commit: string,
  modules: ReadonlySet<string>,
): Extraction {
  const notes: string[] = [];
  const references: RuntimeReference[] = [];
  const sources = new Map<string, string[]>();
  const addedTo = modAddC(gitDir, commit);
  const blob = (path: string): string => `${REPOSITORY}/blob/${commit}/${path}`;
  const show = (path: string): string => git(gitDir, ['show', `${commit}:${path}`]);

  const add = (
    kind: RuntimeReferenceKind,
    pattern: string,
    holder: ((takenBy: string) => string) | undefined,
    untilShutdown: boolean,
  ): void => {
    for (const call of callsOf(gitDir, commit, pattern, sources)) {
      const takenBy = moduleOfPath(call.path, modules, addedTo);
      if (!takenBy) {
        notes.push(`  ${kind}: ${call.path}:${call.line} belongs to no module of the dataset; skipped`);
        continue;
      }
      const conditional = call.inFunction !== 'load_module' || call.depth > 1;
      const module = holder ? holder(takenBy) : takenBy;
      const duplicate = references.find(
        (r) => r.kind === kind && r.takenBy === takenBy && r.module === module && r.untilShutdown,
      );
      const source = { kind: 'runtime' as const, file: blob(call.path), line: call.line };
      notes.push(
        `  ${kind}: ${takenBy} -> ${module}${conditional ? ` (conditional: in ${call.inFunction || '?'}, depth ${call.depth})` : ''} at ${call.path}:${call.line}`,
      );
      // A shutdown reference is taken once however often the module registers.
      if (duplicate && !conditional) {
        duplicate.sources.push(source);
        continue;
      }
      references.push({
        module,
        takenBy,
        kind,
        untilShutdown,
        ...(conditional ? { conditional } : {}),
        sources: [source],
      });
    }
  };

  add(
    'shutdown-self',
    'ast_module_shutdown_ref\\((ast_module_info->self|AST_MODULE_SELF)\\)',
    undefined,
    true,
  );
  const pins: Array<[RuntimeReferenceKind, string, string]> = [
    ['format-interface', 'main/format.c', '__ast_format_interface_register'],
    ['bucket-scheme', 'main/bucket.c', '__ast_bucket_scheme_register'],
  ];
  for (const [kind, file, fn] of pins) {
    const body = functionBody(show(file), fn);
    const call = fn.replace(/^__/, '');
    if (!/ast_module_shutdown_ref\(/.test(body)) {
      notes.push(`  ${kind}: ${file} ${fn} takes no shutdown reference at this commit`);
      continue;
    }
    add(kind, `(^|[^_])(__)?${call}\\(`, undefined, true);
  }
  const calendar = functionBody(show('res/res_calendar.c'), 'ast_calendar_register');
  if (modules.has('res_calendar') && /ast_module_(user_add|ref)\(/.test(calendar))
    add('calendar-tech', 'ast_calendar_register\\(&', () => 'res_calendar', false);
  else
    notes.push('  calendar-tech: res/res_calendar.c ast_calendar_register takes no reference at this commit');
  addSorceryWizards(gitDir, commit, modules, addedTo, references, notes);
  return { references, notes };
}

/** A string literal's value, or that of a `#define NAME "value"` in the file or a header of the tree. */
function stringOrDefine(gitDir: string, commit: string, text: string, arg: string): string | undefined {
  const literal = /^"([^"]+)"$/.exec(arg)?.[1];
  if (literal !== undefined || !/^[A-Z_][A-Z0-9_]*$/.test(arg)) return literal;
  const define = new RegExp(`^#define\\s+${arg}\\s+"([^"]+)"`, 'm');
  const local = define.exec(text)?.[1];
  if (local !== undefined) return local;
  const found = git(gitDir, ['grep', '-h', '-E', `^#define\\s+${arg}\\s+"`, commit, '--', 'include/*.h']);
  return define.exec(found)?.[1];
}

function addSorceryWizards(
  gitDir: string,
  commit: string,
  modules: ReadonlySet<string>,
  addedTo: ReadonlyMap<string, string>,
  references: RuntimeReference[],
  notes: string[],
): void {
  // Which module provides each wizard: the res_sorcery_* source that names it.
  const wizardModule = new Map<string, string>();
  const named = git(gitDir, ['grep', '-n', '-E', '^\\s*\\.name = "', commit, '--', 'res/res_sorcery_*.c']);
  for (const row of named.split('\n')) {
    const m = /^[^:]+:res\/(res_sorcery_[a-z_]+)\.c:\d+:\s*\.name = "([^"]+)"/.exec(row);
    if (m?.[1] && m[2] && modules.has(m[1]) && !wizardModule.has(m[2])) wizardModule.set(m[2], m[1]);
  }
  const files = git(gitDir, [
    'grep',
    '-l',
    '-E',
    'ast_sorcery_apply_(default|wizard_mapping)\\(',
    commit,
    '--',
    '*.c',
  ]);
  for (const row of files.split('\n').filter(Boolean)) {
    const path = row.slice(commit.length + 1);
    if (path.startsWith('main/') || path.startsWith('tests/')) continue;
    const takenBy = moduleOfPath(path, modules, addedTo);
    if (!takenBy) {
      notes.push(`  sorcery-wizard: ${path} belongs to no module of the dataset; skipped`);
      continue;
    }
    const text = git(gitDir, ['show', `${commit}:${path}`]);
    const testOnly = testFrameworkLines(text.split('\n'));
    for (const m of text.matchAll(/\bast_sorcery_apply_(default|wizard_mapping)\s*\(/g)) {
      const open = (m.index ?? 0) + m[0].length - 1;
      const line = text.slice(0, m.index).split('\n').length;
      const args = callArguments(text, open);
      const wizardArg = args[2] ?? '';
      const objectType = stringOrDefine(gitDir, commit, text, args[1] ?? '');
      const wizard = /^"([^"]+)"$/.exec(wizardArg)?.[1];
      const where = `${path}:${line}`;
      if (testOnly.has(line)) continue;
      if (!wizard) {
        notes.push(
          `  sorcery-wizard: ${takenBy} maps a wizard named by ${wizardArg || '?'} at ${where}; not read`,
        );
        continue;
      }
      const module = wizardModule.get(wizard);
      if (!module) {
        notes.push(
          `  sorcery-wizard: ${takenBy} maps wizard "${wizard}", which no res_sorcery_* module provides, at ${where}`,
        );
        continue;
      }
      notes.push(`  sorcery-wizard: ${takenBy} -> ${module} ("${wizard}") at ${where}`);
      references.push({
        module,
        takenBy,
        kind: 'sorcery-wizard',
        untilShutdown: false,
        ...(objectType ? { objectType } : {}),
        mapping: m[1] === 'default' ? 'default' : 'always',
        sources: [{ kind: 'runtime', file: `${REPOSITORY}/blob/${commit}/${path}`, line }],
      });
    }
  }
}

function main(): void {
  const commits = process.argv.slice(2);
  if (!existsSync(defaultGitDir) || commits.length === 0) {
    console.error(`usage: extract-runtime-refs.ts <commit>... (git clone at ${defaultGitDir})`);
    process.exit(1);
  }
  for (const commit of commits) {
    const names = git(defaultGitDir, ['ls-tree', '-r', '--name-only', commit])
      .split('\n')
      .filter((p) =>
        /^(apps|bridges|cdr|cel|channels|codecs|formats|funcs|pbx|res|tests|addons)\/[^/]+\.c$/.test(p),
      )
      .map((p) => basename(p, '.c'));
    const { references, notes } = extractRuntimeReferences(defaultGitDir, commit, new Set(names));
    console.log(`${commit}: ${references.length} references`);
    for (const n of notes) console.log(n);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
