import { describe, expect, it } from 'vitest';
import { datasetForVersion, parseCoreSettings } from './parseCoreSettings';

const VERSIONS = ['13.38.3', '16.30.1', '18.26.4', '22.10.1', '23.4.1', 'master'];

describe('parseCoreSettings', () => {
  it('reads the version row', () => {
    const text = [
      '',
      'PBX Core settings',
      '-----------------',
      '  Version:                     22.5.2',
      '  Build Options:  LOADABLE_MODULES',
    ].join('\n');
    expect(parseCoreSettings(text, 's.txt')).toEqual({
      data: { file: 's.txt', version: '22.5.2', line: 4 },
      problems: [],
    });
    expect(parseCoreSettings('nothing', 's.txt').problems[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('picks the dataset: same version, else the newest of its major, else master for a development build', () => {
    expect(datasetForVersion('22.10.1', VERSIONS)).toEqual({ version: '22.10.1', exact: true });
    expect(datasetForVersion('22.5.2', VERSIONS)).toEqual({ version: '22.10.1', exact: false });
    expect(datasetForVersion('UNKNOWN__and_probably_unsupported', VERSIONS)).toEqual({
      version: 'master',
      exact: false,
    });
    expect(datasetForVersion('20.1.0', VERSIONS)).toBeUndefined();
  });
});
