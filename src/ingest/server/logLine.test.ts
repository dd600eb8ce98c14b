import { describe, expect, it } from 'vitest';
import { parseLogLine } from './logLine';

describe('parseLogLine', () => {
  it('reads the full log with millisecond timestamps', () => {
    const l = parseLogLine(
      '[2026-11-22 21:21:23.456] WARNING[15958] res_odbc.c: Unable to load config file res_odbc.conf',
      7,
    );
    expect(l).toMatchObject({
      line: 7,
      timestamp: '2026-11-22 21:21:23.456',
      level: 'WARNING',
      source: 'res_odbc.c',
      message: 'Unable to load config file res_odbc.conf',
    });
  });

  it('reads the default date format, a call id, and a source in a folder', () => {
    expect(parseLogLine('[Dec  1 07:15:03] VERBOSE[123] loader.c: Loading app_dial.so.', 1)).toMatchObject({
      timestamp: 'Dec  1 07:15:03',
      level: 'VERBOSE',
      source: 'loader.c',
      message: 'Loading app_dial.so.',
    });
    expect(
      parseLogLine('WARNING[9][C-00000001] cdrel_custom/config.c: Unable to load cdr_custom.conf.', 1),
    ).toMatchObject({
      level: 'WARNING',
      source: 'cdrel_custom/config.c',
      message: 'Unable to load cdr_custom.conf.',
    });
  });

  it('reads console lines: file:line function, and verbose markers', () => {
    expect(
      parseLogLine(
        '[Dec  1 07:15:03] WARNING[123]: res_odbc.c:540 load_odbc_config: Unable to load config',
        1,
      ),
    ).toMatchObject({ level: 'WARNING', source: 'res_odbc.c', message: 'Unable to load config' });
    expect(parseLogLine('    -- Loading res_odbc.so.', 1)).toMatchObject({
      level: 'VERBOSE',
      message: 'Loading res_odbc.so.',
    });
    const bare = parseLogLine('res_curl.so => (cURL Resource Module)', 1);
    expect(bare.source).toBeUndefined();
    expect(bare.message).toBe('res_curl.so => (cURL Resource Module)');
  });
});
