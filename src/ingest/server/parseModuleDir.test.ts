import { describe, expect, it } from 'vitest';
import { parseModuleDir } from './parseModuleDir';

describe('parseModuleDir', () => {
  it('keeps readdir order from one name per line, columns or ls -lU rows', () => {
    expect(parseModuleDir('res_b.so\napp_a.so\nREADME\n', 'ls.txt').data).toEqual({
      file: 'ls.txt',
      files: ['res_b.so', 'app_a.so'],
      others: ['README'],
    });
    expect(parseModuleDir('res_b.so  app_a.so\nfunc_c.so\n', 'ls.txt').data?.files).toEqual([
      'res_b.so',
      'app_a.so',
      'func_c.so',
    ]);
    const long = [
      'total 12',
      '-rwxr-xr-x 1 root root 12345 Dec  1 07:00 res_b.so',
      'lrwxrwxrwx 1 root root     8 Dec  1 07:00 app_a.so -> res_b.so',
    ].join('\n');
    expect(parseModuleDir(long, 'ls.txt').data?.files).toEqual(['res_b.so', 'app_a.so']);
  });

  it('locates a name listed twice and refuses a listing without modules', () => {
    const r = parseModuleDir('a.so\nb.so  a.so\n', 'ls.txt');
    expect(r.problems).toMatchObject([{ line: 2, column: 7, code: 'duplicate-module' }]);
    expect(parseModuleDir('README\n', 'ls.txt').data).toBeUndefined();
  });
});
