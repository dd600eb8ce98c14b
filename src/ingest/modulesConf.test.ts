import { describe, expect, it } from 'vitest';
import { isAsteriskTrue, parseModulesConf } from './modulesConf';

function parse(text: string, builtins?: string[]) {
  const result = parseModulesConf(text, 'modules.conf', builtins ? { builtins } : {});
  if (!result.data) throw new Error('no data');
  return { conf: result.data, problems: result.problems };
}

describe('parseModulesConf', () => {
  it('reads the [modules] entries in file order with their option, value, line and column', () => {
    const { conf, problems } = parse('[modules]\nautoload = yes\nload => res_curl.so\n  noload=chan_sip\n');
    expect(problems).toEqual([]);
    expect(conf.status).toBe('ok');
    expect(conf.hasModulesSection).toBe(true);
    expect(conf.entries).toEqual([
      { name: 'autoload', option: 'autoload', value: 'yes', object: false, line: 2, column: 1 },
      { name: 'load', option: 'load', value: 'res_curl.so', object: true, line: 3, column: 1 },
      { name: 'noload', option: 'noload', value: 'chan_sip', object: false, line: 4, column: 3 },
    ]);
  });

  it('recognises options case-insensitively but keeps their spelling for messages', () => {
    const { conf } = parse('[Modules]\nPreLoad-Require => res_odbc\nNOLOAD => app_x\n');
    expect(conf.entries.map((e) => [e.name, e.option])).toEqual([
      ['PreLoad-Require', 'preload-require'],
      ['NOLOAD', 'noload'],
    ]);
  });

  it('drops ; comments and keeps an escaped \\; as a semicolon', () => {
    const { conf } = parse(
      '[modules] ; the loader\nload => res_a.so ; why\nload => odd\\;name\n; load => res_b\n',
    );
    expect(conf.entries.map((e) => e.value)).toEqual(['res_a.so', 'odd;name']);
  });

  it('skips ;-- block comments --; across lines, as Asterisk does', () => {
    const { conf, problems } = parse('[modules]\n;-- load => res_a\nload => res_b --;\nload => res_c\n');
    expect(problems).toEqual([]);
    expect(conf.entries.map((e) => e.value)).toEqual(['res_c']);
  });

  it('reads only the first [modules] section and says so', () => {
    const { conf, problems } = parse(
      '[modules]\nload => res_a\n[other]\nload => res_x\n[modules]\nload => res_b\n',
    );
    expect(conf.entries.map((e) => e.value)).toEqual(['res_a']);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 5,
        message: expect.stringContaining('second [modules]'),
      }),
    ]);
  });

  it('reports an unknown option with the loader wording and its position', () => {
    const { conf, problems } = parse('[modules]\nautoload=yes\nlaod => res_curl\n');
    expect(conf.entries[1]?.option).toBe('unknown');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'config-unknown-option',
        line: 3,
        column: 1,
        message: expect.stringContaining("Unknown configuration option 'laod'"),
      }),
    ]);
  });

  it('reports noload of a required module with the loader wording', () => {
    const { problems } = parse('[modules]\nrequire => func_curl.so\nnoload => func_curl\n');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'config-conflict',
        line: 3,
        message: "func_curl is configured with 'require' and 'noload', this is impossible.",
      }),
    ]);
  });

  it('names preload-require when the required module is also preloaded', () => {
    const { problems } = parse('[modules]\npreload-require => res_odbc\nnoload => res_odbc.so\n');
    expect(problems[0]?.message).toBe(
      "res_odbc.so is configured with 'preload-require' and 'noload', this is impossible.",
    );
  });

  it('reports noload of a built-in module when the dataset built-ins are given', () => {
    const { problems } = parse('[modules]\nnoload => cdr\n', ['cdr', 'cel']);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'config-noload-builtin',
        message: "cdr is a built-in module, you cannot specify 'noload'.",
      }),
    ]);
  });

  it('marks the whole file invalid when a line comes before any section, as Asterisk rejects it', () => {
    const { conf, problems } = parse('autoload=yes\n[modules]\n');
    expect(conf.status).toBe('invalid');
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', code: 'config-syntax', line: 1, column: 1 }),
    ]);
  });

  it('marks the whole file invalid when a section header has no closing bracket', () => {
    const { conf, problems } = parse('[modules\nload => x\n');
    expect(conf.status).toBe('invalid');
    expect(problems[0]).toMatchObject({ code: 'config-syntax', line: 1 });
  });

  it('reports #include, #exec and templates as unsupported, with their position', () => {
    const { problems } = parse('[modules](!)\n#include "more.conf"\n  #exec /bin/list\nload => a\n');
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['config-unsupported', 1, 10],
      ['config-unsupported', 2, 1],
      ['config-unsupported', 3, 3],
    ]);
  });

  it('warns about a line without an equal sign, which Asterisk ignores', () => {
    const { conf, problems } = parse('[modules]\nload res_a\nload => res_b\n');
    expect(conf.entries.map((e) => e.value)).toEqual(['res_b']);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', line: 2, message: expect.stringContaining("No '='") }),
    ]);
  });

  it('warns when autoload is neither yes nor no', () => {
    const { problems } = parse('[modules]\nautoload = maybe\n');
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining("reads it as 'no'"),
    });
  });

  it('ignores a UTF-8 byte order mark and Windows line endings', () => {
    const { conf, problems } = parse('\uFEFF[modules]\r\nload => res_a\r\n');
    expect(problems).toEqual([]);
    expect(conf.entries[0]).toMatchObject({ value: 'res_a', line: 2 });
  });

  it('ignores entries of other sections', () => {
    const { conf } = parse('[globals]\nload => nothing\n[modules]\nload => res_a\n');
    expect(conf.entries.map((e) => e.value)).toEqual(['res_a']);
  });
});

describe('isAsteriskTrue', () => {
  it('accepts the words ast_true accepts, in any case', () => {
    for (const v of ['yes', 'YES', 'true', 'y', 't', '1', 'on']) expect(isAsteriskTrue(v)).toBe(true);
    for (const v of ['no', '0', 'off', 'maybe', '', undefined]) expect(isAsteriskTrue(v)).toBe(false);
  });
});
