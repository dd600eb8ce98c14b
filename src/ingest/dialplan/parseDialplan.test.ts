import { describe, expect, it } from 'vitest';
import type { DialplanFile, DialplanUse } from '../../model';
import { readDialplanFixture as fixture } from './fixtures/readFixture';
import { parseDialplan } from './parseDialplan';

function uses(files: DialplanFile[], kind: DialplanUse['kind']): string[] {
  const data = parseDialplan(files).data;
  return [...new Set((data?.uses ?? []).filter((u) => u.kind === kind).map((u) => u.name))].sort();
}

function find(files: DialplanFile[], kind: DialplanUse['kind'], name: string): DialplanUse | undefined {
  return parseDialplan(files).data?.uses.find((u) => u.kind === kind && u.name === name);
}

const one = (text: string): DialplanFile[] => [{ name: 'extensions.conf', text }];

describe('parseDialplan on the office PBX (with an #include)', () => {
  const files = fixture('office');
  const result = parseDialplan(files);

  it('reads the included file where the #include stands, and reports no problem', () => {
    expect(result.problems).toEqual([]);
    expect(result.data?.files).toEqual(['extensions.conf', 'extensions_users.conf']);
    expect(result.data?.contexts.map((c) => c.name)).toEqual([
      'office-users',
      'from-trunk',
      'reception',
      'internal-groups',
      'night',
      'from-internal',
      'outbound',
      'sub-record-check',
    ]);
    expect(result.data?.globals.map((g) => [g.name, g.value])).toContainEqual(['TRUNK', 'PJSIP']);
  });

  it('finds every application with its file, line and column', () => {
    expect(uses(files, 'application')).toEqual([
      'Answer',
      'Background',
      'Dial',
      'Echo',
      'ExecIf',
      'Gosub',
      'Goto',
      'GotoIfTime',
      'Hangup',
      'MixMonitor',
      'NoOp',
      'Playback',
      'Return',
      'Set',
      'VoiceMail',
      'VoiceMailMain',
      'WaitExten',
    ]);
    expect(find(files, 'application', 'Echo')).toMatchObject({
      file: 'extensions.conf',
      line: 54,
      column: 16,
      context: 'from-internal',
      extension: '*43',
    });
    // The application ExecIf runs, inside its arguments.
    expect(find(files, 'application', 'MixMonitor')).toMatchObject({ line: 64, column: 50 });
  });

  it('finds functions nested in variables and expressions, and on the left of Set(FUNC()=)', () => {
    expect(uses(files, 'function')).toEqual(['CALLERID', 'CDR', 'DB_EXISTS', 'IF', 'TIMEOUT']);
    expect(find(files, 'function', 'DB_EXISTS')).toMatchObject({ line: 64, column: 23 });
    expect(find(files, 'function', 'CDR')).toMatchObject({ line: 58, column: 28 });
  });

  it('finds technologies literally, in hints, and through [globals] (${TRUNK}/..., ${BRANCH_LINK})', () => {
    expect(uses(files, 'technology')).toEqual(['IAX2', 'Local', 'PJSIP']);
    const hint = result.data?.priorities.find((p) => p.priority === 'hint' && p.extension === '101');
    expect(hint).toMatchObject({ file: 'extensions_users.conf', line: 3, hint: 'PJSIP/101' });
    const viaTrunk = result.data?.uses.find((u) => u.kind === 'technology' && u.line === 34);
    expect(viaTrunk?.via).toBe('${TRUNK} = PJSIP from [globals] (extensions.conf:10)');
  });

  it('reads priorities, labels and same =>', () => {
    const night = result.data?.priorities.filter((p) => p.context === 'night' && p.extension === 's');
    expect(night?.map((p) => [p.priority, p.label ?? '', p.application])).toEqual([
      ['1', '', 'Answer'],
      ['n', 'menu', 'Background'],
      ['n', '', 'WaitExten'],
    ]);
  });

  it('records includes and Gosub targets', () => {
    const targets = result.data?.targets.map((t) => `${t.kind}:${t.from}->${t.target}`);
    expect(targets).toEqual(
      expect.arrayContaining([
        'include:from-internal->office-users',
        'gosub:from-internal->sub-record-check',
      ]),
    );
  });
});

describe('parseDialplan on the call centre and the hotel', () => {
  it('call centre: queue functions, AGI targets, DAHDI through [globals]', () => {
    const files = fixture('callcentre');
    expect(parseDialplan(files).problems).toEqual([]);
    expect(uses(files, 'function')).toEqual([
      'CALLERID',
      'CHANNEL',
      'CUT',
      'LEN',
      'QUEUE_WAITING_COUNT',
      'STRFTIME',
    ]);
    expect(uses(files, 'technology')).toEqual(['DAHDI', 'PJSIP']);
    expect(
      parseDialplan(files)
        .data?.targets.filter((t) => t.kind === 'agi')
        .map((t) => t.target),
    ).toEqual(['${CRM_AGI}']);
  });

  it('hotel: #include without quotes, a bracketed pattern, DEVICE_STATE in a variable', () => {
    const files = fixture('hotel');
    const r = parseDialplan(files);
    expect(r.problems).toEqual([]);
    expect(r.data?.files).toEqual(['extensions.conf', 'rooms.conf']);
    expect(r.data?.priorities.find((p) => p.file === 'rooms.conf' && p.priority === '1')?.extension).toBe(
      '_[1-3]XX',
    );
    expect(uses(files, 'function')).toEqual(['CALLERID', 'DB', 'DB_EXISTS', 'DEVICE_STATE', 'STRFTIME']);
    expect(uses(files, 'application')).toContain('MusicOnHold');
  });
});

describe('parseDialplan: the constructs one by one', () => {
  it('nested functions, $[...] calls, old App,args syntax, Macro and AGI targets', () => {
    const r = parseDialplan(
      one(
        '[macro-greet]\nexten => s,1,Playback(hello)\n[c]\n' +
          'exten => 1,1,Set(X=${IF(${DB_EXISTS(a/b)}?${DB(a/b)}:none)})\n' +
          'exten => 2,1,Set(Y=$[${LEN(${X})} + FIELDQTY(X,-)])\n' +
          'exten => 3,1,Macro(greet,1)\n' +
          'exten => 4,1,Playback,tt-monkeys\n' +
          'exten => 5,1,AGI(lookup.agi,${EXTEN})\n',
      ),
    );
    expect(r.problems).toEqual([]);
    const functions = r.data?.uses
      .filter((u) => u.kind === 'function')
      .map((u) => `${u.name}@${u.line}:${u.column}`);
    expect(functions).toEqual(['IF@4:22', 'DB_EXISTS@4:27', 'DB@4:45', 'LEN@5:24', 'FIELDQTY@5:37']);
    expect(r.data?.uses.filter((u) => u.kind === 'application').map((u) => u.name)).toEqual([
      'Playback',
      'Set',
      'Set',
      'Macro',
      'Playback',
      'AGI',
    ]);
    expect(r.data?.targets.map((t) => `${t.kind}:${t.target}`)).toEqual([
      'macro:macro-greet',
      'agi:lookup.agi',
    ]);
  });

  it('comments: ; to the end of the line, \\; kept, ;-- blocks --; across lines', () => {
    const r = parseDialplan(
      one(
        '[c]\n;-- exten => 1,1,Dial(SIP/1)\nstill comment --; exten => 2,1,Echo() ; trailing\nexten => 3,1,NoOp(a\\;b)\n',
      ),
    );
    expect(r.data?.uses.map((u) => `${u.name}@${u.line}:${u.column}`)).toEqual(['Echo@3:32', 'NoOp@4:14']);
    expect(r.data?.priorities[1]?.args).toBe('a\\;b');
  });

  it('a missing include is a located warning, not a crash; a cycle is an error', () => {
    const missing = parseDialplan(one('[c]\n#include "users.conf"\nexten => 1,1,Echo()\n'));
    expect(missing.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 2,
        column: 1,
        message: expect.stringContaining('#include "users.conf": no such file'),
      }),
    ]);
    expect(missing.data?.uses).toHaveLength(1);
    const cycle = parseDialplan([
      { name: 'extensions.conf', text: '#include a.conf\n' },
      { name: 'a.conf', text: '[c]\n#include extensions.conf\nexten => 1,1,Echo()\n' },
    ]);
    expect(cycle.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'a.conf',
        line: 2,
        message: expect.stringContaining('extensions.conf -> a.conf -> extensions.conf'),
      }),
    ]);
    expect(cycle.data?.uses.map((u) => u.name)).toEqual(['Echo']);
  });

  it('wildcard includes, switches, and files never included', () => {
    const r = parseDialplan([
      { name: 'extensions.conf', text: '[c]\n#include "custom/*.conf"\nswitch => Realtime/c@extensions\n' },
      { name: 'custom/a.conf', text: 'exten => 1,1,Echo()\n' },
      { name: 'custom/b.conf', text: 'exten => 2,1,Echo()\n' },
      { name: 'stray.conf', text: '[x]\n' },
    ]);
    expect(r.data?.files).toEqual(['extensions.conf', 'custom/a.conf', 'custom/b.conf']);
    expect(r.data?.uses.find((u) => u.kind === 'switch')).toMatchObject({
      name: 'Realtime',
      line: 3,
      column: 11,
    });
    expect(r.problems).toEqual([
      expect.objectContaining({ file: 'stray.conf', message: expect.stringContaining('not #included') }),
    ]);
  });

  it('same => without exten, a bad priority, a line outside any context, undefined targets', () => {
    const r = parseDialplan(
      one(
        'exten => 1,1,Echo()\n[c]\nsame => n,Echo()\nexten => 1,x,Echo()\ninclude => nowhere\ninclude => parkedcalls\n',
      ),
    );
    expect(r.problems.map((p) => `${p.line}:${p.severity}:${p.message.slice(0, 30)}`)).toEqual([
      '1:error:Line outside any context: Aste',
      '3:error:same => without an exten => be',
      "4:warning:'x' is not a priority (a numbe",
      '5:warning:include => names context [nowh',
    ]);
  });

  it('AEL and Lua are reported as not supported, with the reason', () => {
    const ael = parseDialplan([{ name: 'extensions.ael', text: 'context default { 1 => Dial(PJSIP/1); };' }]);
    expect(ael.problems[0]).toMatchObject({ severity: 'error', code: 'config-unsupported' });
    expect(ael.problems[0]?.message).toContain('AEL is a language of its own');
    expect(ael.data?.uses).toEqual([]);
    const lua = parseDialplan([
      ...one('[c]\nexten => 1,1,Echo()\n'),
      { name: 'extensions.lua', text: 'extensions = {}' },
    ]);
    expect(lua.problems[0]).toMatchObject({ severity: 'warning', file: 'extensions.lua' });
    expect(lua.problems[0]?.message).toContain('pbx_lua');
    expect(lua.data?.uses).toHaveLength(1);
  });
});
