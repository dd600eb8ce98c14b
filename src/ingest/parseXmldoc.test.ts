import { describe, expect, it } from 'vitest';
import { CORE_PROVIDER } from '../model';
import { readE2eFixture } from './fixtures/readFixture';
import { parseXmldoc } from './parseXmldoc';

const FILE = 'core-en_US.xml';

describe('parseXmldoc on a full-form xmldoc', () => {
  const { data, problems } = parseXmldoc(readE2eFixture(FILE), FILE);
  const edges = (from: string) =>
    (data?.edges ?? [])
      .filter((e) => e.from === from)
      .map((e) => `${e.kind}:${e.to}${e.optional ? '?' : ''}`);

  it('reads every <module> with its MODULEINFO facts', () => {
    expect(Object.keys(data?.modules ?? {})).toEqual(
      expect.arrayContaining([
        'app_dial',
        'res_pjsip',
        'res_pjsip_session',
        'res_fax_spandsp',
        'app_meetme',
        'res_adsi',
        'sig_analog',
      ]),
    );
    expect(data?.modules.res_statsd?.supportLevel).toBe('extended');
    expect(data?.modules.app_meetme?.defaultEnabled).toBe(false);
    expect(data?.modules.app_voicemail?.defaultEnabled).toBe(true);
    expect(data?.modules.res_adsi).toMatchObject({
      supportLevel: 'deprecated',
      deprecatedIn: '19',
      removedIn: '21',
      replacement: 'app_voicemail',
    });
  });

  it('records <depend>, typed and untyped <use> and <conflict> as tentative edges', () => {
    expect(edges('res_pjsip_session')).toEqual([
      'depends:pjproject',
      'depends:res_pjsip',
      'optional:res_statsd',
    ]);
    // Untyped <use> with stray spaces: trimmed, and marked for the merge to settle.
    expect(edges('res_fax_spandsp')).toEqual([
      'depends:spandsp',
      'depends:res_fax',
      'optional:res_statsd?',
      'optional:tiff?',
    ]);
    expect(edges('app_voicemail')).toEqual(['depends:res_adsi', 'uses-library:openssl?']);
    expect(edges('app_meetme')).toEqual(['depends:dahdi', 'conflicts:app_confbridge']);
  });

  it('knows which module provides each application, function, manager action, event and AGI command', () => {
    const provided = (data?.items ?? []).map((i) => `${i.kind}:${i.name}:${i.module}`);
    expect(provided).toEqual(
      expect.arrayContaining([
        'application:Dial:app_dial',
        'application:RetryDial:app_dial',
        'manager:PJSIPShowEndpoints:res_pjsip',
        'managerEvent:EndpointList:res_pjsip',
        'function:ODBC_FETCH:func_odbc',
        'agi:exec:res_agi',
        'application:VoiceMail:app_voicemail',
        'application:VoiceMail:app_voicemail_odbc',
      ]),
    );
  });

  it('stores module="builtin" as the core provider', () => {
    expect(data?.items.find((i) => i.name === 'Answer')?.module).toBe(CORE_PROVIDER);
    expect(data?.items.find((i) => i.name === 'Ping')?.module).toBe(CORE_PROVIDER);
  });

  it('reads only top-level items: an event documented inside a manager response and <info> are not items', () => {
    const names = (data?.items ?? []).map((i) => i.name);
    expect(names).not.toContain('EndpointListComplete');
    expect(names).not.toContain('PJSIP_TECH');
    expect(data?.items).toHaveLength(16);
  });

  it('creates a module for a provider that has no <module> entry, as app_voicemail_odbc', () => {
    expect(data?.modules.app_voicemail_odbc).toMatchObject({ kind: 'loadable', category: 'apps' });
    expect(data?.modules.app_voicemail_odbc?.sources.kind?.[0]?.kind).toBe('inferred');
  });

  it('guesses the kind from the folder prefix and marks the guess as inferred', () => {
    expect(data?.modules.app_dial).toMatchObject({ kind: 'loadable', category: 'apps' });
    expect(data?.modules.sig_analog).toMatchObject({ kind: 'non-loadable', category: 'other' });
    expect(data?.modules.app_dial?.sources.kind?.[0]?.kind).toBe('inferred');
  });

  it('reports a duplicate module name at the second entry, keeping the first', () => {
    const duplicate = problems.find((p) => p.code === 'duplicate-module');
    expect(duplicate).toMatchObject({ module: 'format_compatibility', file: FILE, line: 180, column: 1 });
    expect(duplicate?.message).toContain('line 177');
  });

  it('gives every module fact its file, line and column', () => {
    expect(data?.modules.res_pjsip?.sources.moduleinfo).toEqual([
      { kind: 'xmldoc', file: FILE, line: 42, column: 1 },
    ]);
    expect(data?.items.find((i) => i.name === 'Dial')?.source).toEqual({
      kind: 'xmldoc',
      file: FILE,
      line: 12,
      column: 2,
    });
  });
});

describe('parseXmldoc on bad input', () => {
  it('gives a truncated file a problem with line and column and no data', () => {
    const { data, problems } = parseXmldoc(readE2eFixture('truncated-core-en_US.xml'), 'truncated.xml');
    expect(data).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'malformed-xml', file: 'truncated.xml' });
    expect(problems[0]?.line).toBeGreaterThan(1);
    expect(problems[0]?.column).toBeGreaterThan(0);
  });

  it('rejects a well-formed file with another root element', () => {
    const { data, problems } = parseXmldoc('<?xml version="1.0"?><menu name="x"></menu>', 'other.xml');
    expect(data).toBeUndefined();
    expect(problems[0]).toMatchObject({ code: 'unknown-root', file: 'other.xml' });
    expect(problems[0]?.message).toContain('<menu>');
  });
});

describe('parseXmldoc on an xmldoc from before Asterisk 20 (no module attribute)', () => {
  const old = `<?xml version="1.0" encoding="UTF-8"?>
<docs xmlns:xi="http://www.w3.org/2001/XInclude">
<module language="en_US" name="app_dial">
	<support_level>core</support_level>
</module>
<application name="Dial" language="en_US"/>
<application name="RetryDial" language="en_US"/>
<module language="en_US" name="app_read">
	<support_level>core</support_level>
</module>
<application name="Read" language="en_US"/>
</docs>`;

  it('attributes each item to the module above it and marks that as inferred', () => {
    const { data } = parseXmldoc(old, 'old.xml');
    expect(data?.items.map((i) => `${i.name}:${i.module}:${i.source?.kind ?? ''}`)).toEqual([
      'Dial:app_dial:inferred',
      'RetryDial:app_dial:inferred',
      'Read:app_read:inferred',
    ]);
  });
});
