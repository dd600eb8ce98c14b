import { describe, expect, it } from 'vitest';
import { StartupRecord } from './record';

describe('the startup record', () => {
  it('numbers starts in order, and a start clears an earlier unload of the same module', () => {
    const record = new StartupRecord(0);
    record.noteUnloaded('res_b');
    expect(record.noteStarted('res_a', 'res_a')).toBe(0);
    expect(record.noteStarted('res_b', 'res_b')).toBe(1);
    expect(record.startOrder()).toEqual(['res_a', 'res_b']);
    expect(record.wasUnloaded('res_b')).toBe(false);
  });

  it('hands out copies, so callers cannot change what was recorded', () => {
    const record = new StartupRecord(0);
    record.noteStarted('res_a', 'res_a');
    record.startOrder().push('res_x');
    expect(record.startOrder()).toEqual(['res_a']);
  });

  it('lists declines the log names sorted, once each, and unknown files in the order met', () => {
    const record = new StartupRecord(0);
    for (const name of ['res_z', 'app_a', 'res_z']) record.noteDeclinedInLog(name);
    for (const file of ['z.so', 'a.so', 'z.so']) record.noteUnknownFile(file);
    expect(record.declinedSorted()).toEqual(['app_a', 'res_z']);
    expect(record.unknownFiles()).toEqual(['z.so', 'a.so']);
  });

  it('tells a file that never failed to open from one that lacked nothing', () => {
    const record = new StartupRecord(0);
    record.noteOpenFailed('res_b', []);
    expect(record.missingLinksOf('res_b')).toEqual([]);
    expect(record.missingLinksOf('res_c')).toBeUndefined();
  });
});
