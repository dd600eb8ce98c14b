import { describe, expect, it } from 'vitest';
import { parseSorceryConf } from './sorceryConf';

describe('parseSorceryConf', () => {
  it('reads each section as an instance and each line as an object type mapped to a wizard', () => {
    const text = [
      '; realtime for pjsip',
      '[res_pjsip] ; the instance',
      'endpoint=realtime,ps_endpoints',
      '  aor/cache = memory_cache,object_lifetime_stale=600',
      'auth => realtime,ps_auths',
      '[res_pjsip_outbound_registration]',
      'registration = realtime,ps_registrations',
    ].join('\n');
    const r = parseSorceryConf(text, 'sorcery.conf');
    expect(r.problems).toEqual([]);
    expect(r.data?.mappings).toEqual([
      { instance: 'res_pjsip', objectType: 'endpoint', wizard: 'realtime', line: 3, column: 1 },
      { instance: 'res_pjsip', objectType: 'aor', wizard: 'memory_cache', line: 4, column: 3 },
      { instance: 'res_pjsip', objectType: 'auth', wizard: 'realtime', line: 5, column: 1 },
      {
        instance: 'res_pjsip_outbound_registration',
        objectType: 'registration',
        wizard: 'realtime',
        line: 7,
        column: 1,
      },
    ]);
  });

  it('says what and where for lines it cannot read, and refuses a broken section header', () => {
    const r = parseSorceryConf('endpoint=realtime\n[res_pjsip]\njunk\n= realtime\n', 's.conf');
    expect(r.problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [1, 'warning', 'A mapping before any [section] is ignored.'],
      [3, 'error', "'junk' is not 'type = wizard,data'."],
      [4, 'error', "'= realtime' names no object type or no wizard."],
    ]);
    const broken = parseSorceryConf('[res_pjsip\nendpoint=realtime\n', 's.conf');
    expect(broken.data).toBeUndefined();
    expect(broken.problems[0]).toMatchObject({ file: 's.conf', line: 1, column: 1, severity: 'error' });
  });
});
