/**
 * `ls -U` of the module directory (`/usr/lib/asterisk/modules`): the files present in readdir
 * order, which is the order autoload adds them. Accepts one name per line (`ls -U > file`), the
 * terminal's columns, and `ls -lU` long rows (the name is the last field).
 */
import type { ModuleDirListing, ParseResult, Problem } from '../../model';

const LONG_ROW = /^[-dlcbps][-rwxsStT]{9}[.+@]?\s/;

export function parseModuleDir(text: string, file: string): ParseResult<ModuleDirListing> {
  const problems: Problem[] = [];
  const files: string[] = [];
  const others: string[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    // `#` lines are the comments of the simulator's --available format, which this also reads.
    if (line === '' || line.startsWith('#') || /^total \d+/.test(line) || line.endsWith(':')) continue;
    let names: string[];
    if (LONG_ROW.test(line)) {
      // `name -> target` for a symlink: the name is before the arrow.
      const fields = line.split(/\s+/);
      const arrow = fields.indexOf('->');
      names = [fields[arrow > 0 ? arrow - 1 : fields.length - 1] ?? ''];
    } else names = line.split(/\s+/);
    for (const name of names) {
      const base = name.split('/').pop() ?? name;
      if (base === '' || base === '.' || base === '..') continue;
      if (!base.toLowerCase().endsWith('.so')) {
        others.push(base);
        continue;
      }
      if (seen.has(base)) {
        problems.push({
          severity: 'warning',
          code: 'duplicate-module',
          message: `${base} is listed twice; the first place is kept.`,
          file,
          line: i + 1,
          column: (lines[i] ?? '').indexOf(name) + 1,
        });
        continue;
      }
      seen.add(base);
      files.push(base);
    }
  }
  if (files.length === 0) {
    problems.push({
      severity: 'error',
      code: 'unknown-format',
      message: 'No .so file names in this listing: expected `ls -U` of the module directory.',
      file,
      line: 1,
      column: 1,
    });
    return { data: undefined, problems };
  }
  return { data: { file, files, others }, problems };
}
