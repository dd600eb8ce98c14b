import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModuleGraph } from '../../model';
import { parseModulesConf } from '../../ingest/modulesConf';
import { BUILTIN_VERSIONS } from '../../ingest';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { simulate } from '../simulate';
import { upgradeModulesConf } from './upgradeModulesConf';

const text = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), 'fixtures/asterisk16-modules.conf'),
  'utf8',
);
const graphs = new Map<string, ModuleGraph>(BUILTIN_VERSIONS.map((v) => [v, loadBuiltinDatasetNode(v)]));
const history = BUILTIN_VERSIONS.map((v) => ({
  version: v,
  modules: Object.values(graphs.get(v)?.modules ?? {})
    .filter((m) => m.kind === 'loadable' || m.kind === 'builtin')
    .map((m) => m.name),
}));

function upgrade(from: string, to: string) {
  const conf = parseModulesConf(text, 'modules.conf').data;
  const a = graphs.get(from);
  const b = graphs.get(to);
  if (!conf || !a || !b) throw new Error('fixture');
  return upgradeModulesConf({ conf, text, from: a, to: b, history });
}

describe.each(['22.10.1', '23.4.1'])('an Asterisk 16-era modules.conf carried from 18.26.4 to %s', (to) => {
  const r = upgrade('18.26.4', to);
  const finding = (value: string) => r.findings.find((f) => f.value === value);

  it('says what became of each module the target lacks, with the replacement the metadata names', () => {
    expect(finding('app_macro.so')).toMatchObject({ kind: 'removed', line: 10, replacement: 'app_stack' });
    expect(finding('app_macro.so')?.message).toBe(
      'app_macro: removed in 21, deprecated since 16, last in 18.26.4 among the built-in datasets; its metadata names app_stack (GoSub) as the replacement.',
    );
    expect(finding('res_monitor.so')).toMatchObject({ kind: 'removed', replacement: 'app_mixmonitor' });
    expect(finding('chan_sip.so')?.message).toContain('chan_sip: removed in 21');
    expect(finding('chan_sip.so')?.message).toContain(
      'no replacement is named in its metadata. Channel drivers in Asterisk',
    );
    expect(finding('chan_sip.so')?.message).toContain('chan_pjsip');
    expect(finding('chan_sip.so')?.replacement).toBeUndefined();
    expect(finding('chan_skinny.so')?.message).toContain('this noload line does nothing there');
  });

  it('app_meetme: deprecated in the target and replaced by app_confbridge, or already gone', () => {
    const meetme = finding('app_meetme.so');
    if (to === '23.4.1') expect(meetme).toMatchObject({ kind: 'deprecated' });
    else expect(meetme?.kind === 'deprecated' || meetme?.kind === 'removed').toBe(true);
    expect(meetme?.message).toContain('app_confbridge');
  });

  it('the file as it is fails on the target (its require of chan_sip stops Asterisk); the rewrite starts', () => {
    expect(r.ok).toBe(false);
    expect(r.asIs.requireFailed.map((l) => l.value)).toEqual(['chan_sip.so']);
    expect(r.rewritten.startupFailed).toBe(false);
    expect(r.rewritten.failing).toEqual([]);
  });

  it('rewrites the lines, commented, and the rewritten file parses and starts', () => {
    expect(r.text).toContain(';require => chan_sip.so');
    expect(r.text).toMatch(/^load => app_stack\.so {10}; the old follow-me macros$/m);
    expect(r.text).toContain(`; [upgrade to ${to}] app_macro: removed in 21`);
    expect(r.text).toContain(';noload => chan_skinny.so');
    const parsed = parseModulesConf(r.text, 'upgraded.conf');
    expect(parsed.problems).toEqual([]);
    const result = simulate(graphs.get(to)!, parsed.data!);
    expect(result.startupFailed).toBe(false);
    expect(result.modules.app_stack?.state).toBe('running');
    expect(result.modules.app_mixmonitor?.state).toBe('running');
  });
});

describe('upgrade from 13.38.3 (legacy loader) to 23.4.1', () => {
  it('reports the same removed modules; metadata without versions still names the replacement', () => {
    const r = upgrade('13.38.3', '23.4.1');
    expect(r.findings.find((f) => f.value === 'app_macro.so')?.replacement).toBe('app_stack');
    expect(r.findings.find((f) => f.value === 'chan_sip.so')?.message).toContain('last in 18.26.4');
  });
});
