import { describe, expect, it } from 'vitest';
import { readIngestFixture } from './fixtures/readFixture';
import { parseTraceMetadata } from './parseTraceMetadata';

describe('parseTraceMetadata', () => {
  const { data, problems } = parseTraceMetadata(
    readIngestFixture('modules-metadata.json'),
    'modules-metadata.json',
  );

  it('uses the priority the real loader used', () => {
    expect(data?.modules.res_stasis?.loadPriority).toBe(79);
    expect(data?.modules.app_stasis?.loadPriority).toBe(128);
  });

  it('turns links_against_global_symbol_modules into links edges and flags the dataset', () => {
    expect(data?.edges.filter((e) => e.kind === 'links').map((e) => `${e.from}->${e.to}`)).toEqual([
      'app_stasis->res_stasis',
    ]);
    expect(data?.info.hasLinkFacts).toBe(true);
  });

  it('takes the category from the source folder and the built-in flag from the table', () => {
    expect(data?.modules.acl).toMatchObject({ kind: 'builtin', category: 'main', globalSymbols: true });
    expect(data?.modules.app_stasis).toMatchObject({ kind: 'loadable', category: 'apps' });
  });

  it('leaves out dependencies that exist only when built with pjproject, and says so', () => {
    expect(data?.edges.filter((e) => e.from === 'res_rtp_asterisk')).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'info',
      module: 'res_rtp_asterisk',
      file: 'modules-metadata.json',
    });
    expect(problems[0]?.message).toContain('res_pjproject');
  });
});
