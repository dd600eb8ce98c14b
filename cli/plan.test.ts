import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root, scratchFiles } from './testing/cliHarness';
import type { SimulateJson } from './report';

const fixtures = join(root, 'src/ingest/dialplan/fixtures');
const file = scratchFiles('ame-plan-');

const office = [
  '--dialplan',
  join(fixtures, 'office/extensions.conf'),
  '--dialplan',
  join(fixtures, 'office/extensions_users.conf'),
];

describe('asterisk-module-explorer plan', () => {
  it.each(['23.4.1', 'master'])(
    'plans the office PBX on %s; simulating the output starts every module it needs',
    async (version) => {
      const planned = await cli('plan', '--data', version, ...office, '--need', 'pjsip.conf');
      expect(planned.code).toBe(0);
      expect(planned.out).toMatch(/^; modules\.conf planned by Asterisk Module Explorer/);
      expect(planned.out).toContain('autoload = no');
      expect(planned.err).toContain('Verified with the loader simulation');
      expect(planned.err).toContain('planned app_voicemail (the plain one)');

      const conf = file(`planned-${version}.conf`, planned.out);
      const sim = await cli('simulate', '--data', version, '--modules-conf', conf, '--json');
      expect(sim.code).toBe(0);
      const json = JSON.parse(sim.out) as SimulateJson;
      for (const m of [
        'app_dial',
        'app_voicemail',
        'app_stack',
        'func_db',
        'func_logic',
        'chan_pjsip',
        'chan_iax2',
        'pbx_config',
        'res_pjsip_outbound_registration',
      ])
        expect(json.started, m).toContain(m);
      expect(json.declined).toEqual([]);
      const check = await cli('check', '--data', version, '--modules-conf', conf);
      expect(check.code).toBe(0);
    },
  );

  it('keeps what it is told, compares with the current file, and warns about unknown names on stderr', async () => {
    const current = file('current.conf', '[modules]\nautoload = yes\nnoload => chan_iax2.so\n');
    const dialplan = file('extensions.conf', '[c]\nexten => 1,1,Dial(PJSIP/1)\n same => n,Dail(PJSIP/2)\n');
    const r = await cli(
      'plan',
      '--data',
      '23.4.1',
      '--dialplan',
      dialplan,
      '--keep',
      'res_http_websocket',
      '--current',
      current,
    );
    expect(r.code).toBe(2);
    expect(r.out).toMatch(
      /^load => res_http_websocket\.so\s+; kept as asked \(--keep res_http_websocket\)$/m,
    );
    expect(r.err).toContain(
      `${dialplan}:3:12: warning: application Dail is provided by no module of Asterisk 23.4.1`,
    );
    expect(r.err).toMatch(
      /Planned \d+ modules for Asterisk 23\.4\.1 \(current loader\); \d+ load with .*current\.conf/,
    );
    expect(r.err).toContain('  - noload => chan_iax2.so');
    expect(r.err).toContain('application Dail would not be available (no module provides it)');
  });

  it('exits 1 on bad input: no dialplan, an unreadable file, an AEL dialplan', async () => {
    expect((await cli('plan', '--data', '23.4.1')).code).toBe(1);
    const missing = await cli('plan', '--data', '23.4.1', '--dialplan', 'no/such/extensions.conf');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot read --dialplan no/such/extensions.conf');
    const ael = await cli(
      'plan',
      '--data',
      '23.4.1',
      '--dialplan',
      file('extensions.ael', 'context default {};'),
    );
    expect(ael.code).toBe(1);
    expect(ael.err).toContain('AEL is a language of its own');
  });
});

describe('asterisk-module-explorer upgrade', () => {
  const old = join(root, 'src/engine/upgrade/fixtures/asterisk16-modules.conf');

  it('rewrites an 18-era file for 23.4.1: stdout the file, stderr the findings, exit 2', async () => {
    const r = await cli('upgrade', '--modules-conf', old, '--from', '18.26.4', '--to', '23.4.1');
    expect(r.code).toBe(2);
    expect(r.out).toContain(';require => chan_sip.so');
    expect(r.out).toContain('load => app_stack.so');
    expect(r.err).toMatch(/asterisk16-modules\.conf:10:1: removed: app_macro: removed in 21/);
    expect(r.err).toContain('line 9: require => chan_sip.so (unknown module)');
    expect(r.err).toContain('would NOT do what it says on Asterisk 23.4.1');

    const upgraded = file('upgraded.conf', r.out);
    const check = await cli('check', '--data', '23.4.1', '--modules-conf', upgraded);
    expect(check.code).toBe(0);
  });

  it('exit 0 when the file needs nothing, 1 on an unknown version', async () => {
    const plain = file('plain.conf', '[modules]\nautoload = yes\nload => app_dial.so\n');
    const ok = await cli('upgrade', '--modules-conf', plain, '--from', '22.10.1', '--to', '23.4.1');
    expect(ok.code).toBe(0);
    expect(ok.err).toContain('nothing to change.');
    expect((await cli('upgrade', '--modules-conf', plain, '--from', '22.10.1', '--to', '99.1')).code).toBe(1);
    expect((await cli('upgrade', '--modules-conf', plain, '--from', '22.10.1')).code).toBe(1);
  });
});
