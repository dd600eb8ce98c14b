/**
 * One line of an Asterisk log, in any of the shapes a server writes:
 * - the `full` log file: `[Dec  1 07:15:03] VERBOSE[123] loader.c: message`, the timestamp in
 *   logger.conf's `dateformat` (`[2026-11-22 21:21:23.276]` with milliseconds), a call id after the
 *   thread id (`WARNING[123][C-00000001]`), or no timestamp at all;
 * - the console: `[Dec  1 07:15:03] WARNING[123]: res_odbc.c:540 load_odbc_config: message`, and
 *   verbose messages with their markers (`    -- Loading res_odbc.so.`, `  == ...`) or bare.
 */

export interface LogLine {
  /** 1-based line in the file. */
  line: number;
  raw: string;
  timestamp?: string;
  level?: string;
  source?: string;
  /** The text after the prefix. */
  message: string;
}

const LEVELS = 'VERBOSE|DEBUG|NOTICE|WARNING|ERROR|DTMF|SECURITY|EVENT|TRACE';

/**
 * `LEVEL[tid][callid]` then `:` (console) or not, then `file.c`, `file.c:123`, `file.c:123 func`
 * or `file.c:123 in func`, then `: `.
 */
const PREFIX = new RegExp(
  `^(${LEVELS})\\[\\d+\\](?:\\[[^\\]]*\\])?:?\\s+([\\w./-]+?)(?::\\d+)?(?:\\s+(?:in\\s+)?[\\w]+)?:\\s?(.*)$`,
);
/** A level without a source file (`NOTICE[123]: message`). */
const BARE_LEVEL = new RegExp(`^(${LEVELS})\\[\\d+\\](?:\\[[^\\]]*\\])?:?\\s+(.*)$`);
/** The console's verbose markers, from `ast_verb(n, ...)` at levels 1 to 4. */
const VERBOSE_MARKER = /^\s*(?:--|==|>|\*\*)\s+/;

export function parseLogLine(raw: string, line: number): LogLine {
  let rest = raw;
  let timestamp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    // A level directly after `[` is not a timestamp (`[C-0001]` never starts a line).
    if (close > 0 && !/^\[(?:VERBOSE|DEBUG|NOTICE|WARNING|ERROR)\b/.test(rest)) {
      timestamp = rest.slice(1, close);
      rest = rest.slice(close + 1);
    }
  }
  const trimmed = rest.replace(/^\s+/, '');
  const m = PREFIX.exec(trimmed);
  if (m) {
    const out: LogLine = {
      line,
      raw,
      level: m[1] ?? '',
      source: m[2] ?? '',
      message: (m[3] ?? '').trimEnd(),
    };
    if (timestamp !== undefined) out.timestamp = timestamp;
    return out;
  }
  const b = BARE_LEVEL.exec(trimmed);
  if (b) {
    const out: LogLine = { line, raw, level: b[1] ?? '', message: (b[2] ?? '').trimEnd() };
    if (timestamp !== undefined) out.timestamp = timestamp;
    return out;
  }
  const out: LogLine = { line, raw, message: rest.replace(VERBOSE_MARKER, '').trim() };
  if (timestamp !== undefined) out.timestamp = timestamp;
  if (VERBOSE_MARKER.test(rest)) out.level = 'VERBOSE';
  return out;
}
