/**
 * `module show` (or `module show like X`) output, as `asterisk -rx 'module show'` prints it:
 * `Module  Description  Use Count  Status  Support Level` rows, then `N modules loaded`.
 * A name longer than its column pushes the rest of the row right, so each row is read from the
 * right: support level, status, use count, then the name (the first word) and the description.
 */
import type { ModuleShow, ModuleShowRow, ParseResult, Problem } from '../../model';

/** Right to left: `<use count> <status>? <support level>` at the end of the row. */
const ROW_TAIL = /^(\S+)\s+(.*?)\s+(-?\d+)\s+(?:(Running|Not Running|Unknown)\s+)?(\S+)\s*$/;
/** Asterisk 13 rows may end at the use count. */
const SHORT_ROW = /^(\S+)\s+(.*?)\s+(-?\d+)\s*$/;
const SUMMARY = /^(\d+) modules? loaded\s*$/;
const HEADER = /^Module\s+Description\s+Use Count/;

export function parseModuleShow(text: string, file: string): ParseResult<ModuleShow> {
  const problems: Problem[] = [];
  const rows: ModuleShowRow[] = [];
  let summaryCount: number | undefined;
  let header = false;
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    // The remote console may prefix a prompt; the rows themselves start at the name.
    const line = raw.replace(/^\S*\*CLI>\s*/, '');
    if (line.trim() === '') continue;
    if (HEADER.test(line)) {
      header = true;
      continue;
    }
    const s = SUMMARY.exec(line.trim());
    if (s) {
      summaryCount = Number(s[1]);
      continue;
    }
    const m = ROW_TAIL.exec(line) ?? SHORT_ROW.exec(line);
    if (!m) {
      if (header)
        problems.push({
          severity: 'warning',
          code: 'unknown-format',
          message: `Not a module show row: '${line.trim().slice(0, 80)}'.`,
          file,
          line: i + 1,
          column: 1,
        });
      continue;
    }
    const row: ModuleShowRow = {
      module: m[1] ?? '',
      description: (m[2] ?? '').trim(),
      useCount: Number(m[3]),
      line: i + 1,
    };
    if (m.length > 5) {
      if (m[4] !== undefined) row.status = m[4];
      if (m[5] !== undefined) row.supportLevel = m[5];
    }
    rows.push(row);
  }
  if (rows.length === 0) {
    problems.push({
      severity: 'error',
      code: 'unknown-format',
      message:
        "No module show rows ('<module> <description> <use count> <status> <support level>') in this file.",
      file,
      line: 1,
      column: 1,
    });
    return { data: undefined, problems };
  }
  if (summaryCount !== undefined && summaryCount !== rows.length)
    problems.push({
      severity: 'warning',
      code: 'unknown-format',
      message: `The summary says ${summaryCount} modules loaded, but ${rows.length} rows were read.`,
      file,
    });
  const data: ModuleShow = { file, rows };
  if (summaryCount !== undefined) data.summaryCount = summaryCount;
  return { data, problems };
}
