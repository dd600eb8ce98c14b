import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetNode } from '../ingest/node/loadBuiltinDataset';
import { diagnoseServer } from './serverApi';

// Fixtures from scripts/build-trace-fixtures.ts (real Asterisk at commit f0c1c1a7).
const dir = join(__dirname, '../engine/fixtures/01-baseline-autoload');
const graph = loadBuiltinDatasetNode('master');
const bytes = (file: string): Uint8Array => new Uint8Array(readFileSync(join(dir, file)));
const AUTOLOAD = { text: '[modules]\nautoload = yes\n', file: 'modules.conf' };

describe('diagnoseServer', () => {
  it('decodes the files, compares them and names the dataset that fits the version', () => {
    const r = diagnoseServer(graph, {
      log: { name: 'full.log', content: bytes('full.log') },
      moduleShow: { name: 'module_show.txt', content: bytes('module_show.txt') },
      settings: { name: 'settings.txt', content: '  Version:                     22.5.2\n' },
      modulesConf: AUTOLOAD,
      loader: 'current',
      expectOwnDeclines: true,
    });
    expect(r.problems).toEqual([]);
    expect(r.diagnosis?.disagreements).toEqual([]);
    expect(r.diagnosis?.started).toHaveLength(268);
    expect(r.version).toBe('22.5.2');
    expect(r.suggestedDataset).toEqual({ version: '22.10.1', exact: false });
  });

  it('refuses a binary file with a located problem and compares nothing without a log or module show', () => {
    const r = diagnoseServer(graph, {
      log: { name: 'asterisk', content: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]) },
      modulesConf: AUTOLOAD,
      loader: 'current',
      expectOwnDeclines: false,
    });
    expect(r.diagnosis).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ severity: 'error', file: 'asterisk' });
  });
});
