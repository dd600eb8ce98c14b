import { describe, expect, it } from 'vitest';
import type { ModulesConf } from '../../model';
import { parseDialplan } from '../../ingest/dialplan/parseDialplan';
import { DIALPLAN_FIXTURES, readDialplanFixture } from '../../ingest/dialplan/fixtures/readFixture';
import { parseModulesConf } from '../../ingest/modulesConf';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { buildGraph } from '../testing/buildGraph';
import { simulate } from '../simulate';
import { lineDiff } from './lineDiff';
import { needsFromNames } from './needs';
import { planModulesConf, planRequirements } from './planModulesConf';
import { verifyPlan } from './verifyPlan';

const graphs = { '23.4.1': loadBuiltinDatasetNode('23.4.1'), master: loadBuiltinDatasetNode('master') };

function parsed(text: string): ModulesConf {
  const r = parseModulesConf(text, 'planned.conf');
  expect(r.problems).toEqual([]);
  if (!r.data) throw new Error('unparsable plan');
  return r.data;
}

describe.each(Object.entries(graphs))('planning the hand-written dialplans on %s', (version, graph) => {
  it.each(DIALPLAN_FIXTURES)(
    '%s: the plan starts every providing module and nothing no one needs',
    (name) => {
      const dialplan = parseDialplan(readDialplanFixture(name)).data;
      const plan = planModulesConf({ graph, dialplan });
      expect(plan.version).toBe(version);
      expect(plan.warnings).toEqual([]);
      expect(plan.verification).toMatchObject({
        ok: true,
        missingItems: [],
        missingNeeds: [],
        notRunning: [],
        unneeded: [],
      });

      // The written text, parsed and simulated on its own, starts every module a used name needs.
      const result = simulate(graph, parsed(plan.text));
      expect(result.startupFailed).toBe(false);
      const providers = [
        ...new Set(plan.used.flatMap((u) => (u.module && u.module !== 'core' ? [u.module] : []))),
      ];
      expect(providers.length).toBeGreaterThan(8);
      for (const p of providers) expect(result.modules[p]?.state, p).toBe('running');
      expect(plan.used.filter((u) => u.module === undefined)).toEqual([]);
      // Every planned module runs, and the saving against autoload = yes is large.
      for (const m of plan.modules) expect(result.modules[m.name]?.state, m.name).toBe('running');
      expect(plan.saving.against).toBe('autoload');
      expect(plan.saving.after).toBe(plan.modules.length);
      expect(plan.saving.before).toBeGreaterThan(400);
    },
  );

  it.each(DIALPLAN_FIXTURES)(
    '%s: removing any one module makes the verification report what is missing',
    (name) => {
      const dialplan = parseDialplan(readDialplanFixture(name)).data;
      const plan = planModulesConf({ graph, dialplan });
      const conf = parsed(plan.text);
      const requirements = planRequirements(plan);
      for (const m of plan.modules) {
        const without = { ...conf, entries: conf.entries.filter((e) => e.value !== `${m.name}.so`) };
        expect(without.entries).toHaveLength(conf.entries.length - 1);
        const v = verifyPlan(graph, without, requirements, plan.loader);
        const reported =
          v.missingItems.some((i) => i.module === m.name) ||
          v.missingNeeds.some((n) => n.module === m.name) ||
          v.notRunning.length > 0;
        expect(v.ok, m.name).toBe(false);
        expect(reported, `${m.name}: ${JSON.stringify(v)}`).toBe(true);
      }
    },
  );
});

describe('planModulesConf: explanations and choices', () => {
  const graph = graphs['23.4.1'];
  const office = parseDialplan(readDialplanFixture('office')).data;

  it('explains each module: where the dialplan uses it, or what requires it', () => {
    const plan = planModulesConf({ graph, dialplan: office });
    const why = (m: string): string[] =>
      plan.modules.find((p) => p.name === m)?.reasons.map((r) => r.text) ?? [];
    expect(why('app_echo')).toEqual(['Echo used in [from-internal] exten *43, line 54']);
    expect(why('res_pjsip')[0]).toBe('required by chan_pjsip');
    expect(why('pbx_config')).toEqual(['reads extensions.conf, your dialplan']);
    expect(why('chan_iax2')[0]).toContain('IAX2 used in [globals], line 12');
    expect(plan.text).toMatch(
      /^load => app_echo\.so\s+; Echo used in \[from-internal\] exten \*43, line 54$/m,
    );
    expect(plan.text).toContain('autoload = no');
    expect(plan.text).toContain('; --- Channel drivers (channels) ---');
  });

  it('plans the plain app_voicemail among its variants, says so, and a kept variant wins', () => {
    const plain = planModulesConf({ graph, dialplan: office });
    expect(plain.modules.map((m) => m.name)).toContain('app_voicemail');
    expect(plain.modules.map((m) => m.name)).not.toContain('app_voicemail_imap');
    expect(plain.notes.join(' ')).toContain('planned app_voicemail (the plain one)');
    const imap = planModulesConf({ graph, dialplan: office, needs: { keep: ['app_voicemail_imap'] } });
    const names = imap.modules.map((m) => m.name);
    expect(names).toContain('app_voicemail_imap');
    expect(names).not.toContain('app_voicemail');
    expect(imap.verification.ok).toBe(true);
  });

  it('turns declared needs into modules, and unknown names into warnings with file and line', () => {
    const { needs, notes } = needsFromNames([
      'pjsip.conf',
      'g722',
      'wav',
      'moh',
      'cdr_csv',
      'manager',
      'res_http_websocket',
    ]);
    expect(needs).toEqual({
      channels: ['pjsip.conf'],
      codecs: ['g722'],
      formats: ['wav'],
      musicOnHold: true,
      cdr: ['cdr_csv'],
      keep: ['res_http_websocket'],
    });
    expect(notes[0]).toContain('built into Asterisk');
    const dialplan = parseDialplan([
      { name: 'extensions.conf', text: '[c]\nexten => 1,1,Dail(PJSIP/1)\n same => n,Set(X=${FOO_BAR(1)})\n' },
    ]).data;
    const plan = planModulesConf({ graph, dialplan, needs });
    const names = plan.modules.map((m) => m.name);
    for (const m of [
      'chan_pjsip',
      'res_pjsip_outbound_registration',
      'codec_g722',
      'format_wav',
      'res_musiconhold',
      'cdr_csv',
      'res_http_websocket',
    ])
      expect(names, m).toContain(m);
    expect(names).not.toContain('codec_ulaw');
    expect(plan.warnings.map((w) => `${w.line}:${w.column}:${w.message.slice(0, 40)}`)).toEqual([
      '2:14:application Dail is provided by no modul',
      '3:20:function FOO_BAR is provided by no modul',
    ]);
    expect(plan.verification.missingItems.map((i) => i.name)).toEqual(['Dail', 'FOO_BAR']);
    expect(plan.verification.ok).toBe(false);
  });

  it('compares with the current modules.conf: saving and a line diff', () => {
    const currentText = '[modules]\nautoload = yes\nnoload => chan_iax2.so\n';
    const current = parsed(currentText);
    const plan = planModulesConf({ graph, dialplan: office, current: { conf: current, text: currentText } });
    expect(plan.saving.against).toBe('current');
    expect(plan.saving.before).toBe(
      simulate(graph, current).started.filter((m) => graph.modules[m]?.kind !== 'builtin').length,
    );
    expect(plan.diff).toContain('  [modules]');
    expect(plan.diff).toContain('- autoload = yes');
    expect(plan.diff).toContain('+ autoload = no');
  });

  it('adds an enhancer with what it enhances, and require only where asked', () => {
    const g = buildGraph({
      extconfig: { builtin: true, priority: 0 },
      res_fax: {},
      res_fax_spandsp: { enhances: ['res_fax'] },
      res_base: {},
      app_x: { requires: ['res_base'] },
    });
    g.items.push(
      { kind: 'application', name: 'SendFAX', module: 'res_fax' },
      { kind: 'application', name: 'X', module: 'app_x' },
    );
    const dialplan = parseDialplan([
      { name: 'extensions.conf', text: '[c]\nexten => 1,1,SendFAX(/tmp/f.tif)\nexten => 2,1,X()\n' },
    ]).data;
    const plan = planModulesConf({ graph: g, dialplan, needs: { require: ['app_x'] } });
    expect(plan.modules.map((m) => [m.name, m.option, m.reasons[0]?.kind])).toEqual([
      ['app_x', 'require', 'keep'],
      ['res_base', 'load', 'dependency'],
      ['res_fax', 'load', 'application'],
      ['res_fax_spandsp', 'load', 'enhancer'],
    ]);
    expect(plan.verification, JSON.stringify(plan.verification)).toMatchObject({ ok: true });
  });
});

describe('lineDiff', () => {
  it('keeps common lines and marks removed and added ones', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nc\nd\n')).toEqual(['  a', '- b', '  c', '+ d']);
  });
});
