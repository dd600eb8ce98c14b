import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModuleShow } from './parseModuleShow';

const fixtures = join(__dirname, '../../engine/fixtures');

describe('parseModuleShow', () => {
  it('reads every row of a real module show, with use counts and states', () => {
    const text = readFileSync(join(fixtures, '01-baseline-autoload/module_show.txt'), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(fixtures, '01-baseline-autoload/expected.json'), 'utf8'),
    ) as {
      moduleShow: { module: string; useCount: number; status: string }[];
    };
    const r = parseModuleShow(text, 'module_show.txt');
    expect(r.problems).toEqual([]);
    expect(r.data?.summaryCount).toBe(322);
    expect(
      r.data?.rows.map((row) => ({
        module: row.module.replace(/\.so$/, ''),
        useCount: row.useCount,
        status: row.status,
      })),
    ).toEqual(expected.moduleShow);
    expect(r.data?.rows.find((row) => row.module === 'acl')).toMatchObject({
      description: 'Named ACL system',
      supportLevel: 'core',
    });
  });

  it('reads rows whose long names push the columns right, from the right', () => {
    const text = [
      'Module                         Description                              Use Count  Status      Support Level',
      'res_pjsip_outbound_publish_longer_name.so Outbound publish 2 support      3          Running          core',
      'app_x.so                       Something                                0          Not Running      extended',
      '2 modules loaded',
    ].join('\n');
    const r = parseModuleShow(text, 'm.txt');
    expect(r.problems).toEqual([]);
    expect(r.data?.rows).toEqual([
      {
        module: 'res_pjsip_outbound_publish_longer_name.so',
        description: 'Outbound publish 2 support',
        useCount: 3,
        status: 'Running',
        supportLevel: 'core',
        line: 2,
      },
      {
        module: 'app_x.so',
        description: 'Something',
        useCount: 0,
        status: 'Not Running',
        supportLevel: 'extended',
        line: 3,
      },
    ]);
  });

  it('refuses a file with no rows, and locates a row it cannot read', () => {
    expect(parseModuleShow('hello\n', 'x.txt').data).toBeUndefined();
    const r = parseModuleShow(
      'Module Description Use Count Status Support Level\napp_a.so A 1 Running core\n???\n',
      'y.txt',
    );
    expect(r.problems).toMatchObject([{ file: 'y.txt', line: 3, column: 1, severity: 'warning' }]);
  });
});
