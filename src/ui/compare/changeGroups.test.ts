import { describe, expect, it } from 'vitest';
import { aspectOf, groupChanges } from './changeGroups';

describe('grouping the changes of a version diff', () => {
  it('reads the aspect from how each entry starts, not from the module names inside it', () => {
    expect(aspectOf('requires: +res_pjsip, -res_sorcery')).toBe('dependencies');
    expect(aspectOf('uses-library: +crypto')).toBe('dependencies');
    expect(aspectOf('priority 128 -> 90')).toBe('priorities');
    expect(aspectOf('support level extended -> deprecated')).toBe('support levels');
    expect(aspectOf('deprecation: none -> deprecated in 19, replaced by res_support_x')).toBe('deprecations');
    expect(aspectOf('optional: +res_priority_queue')).toBe('dependencies');
    expect(aspectOf('default enabled yes -> no')).toBe('other');
  });

  it('keeps the aspects in a fixed order, leaves empty ones out and keeps each entry once', () => {
    const changed = [
      { module: 'app_queue', what: 'priority 128 -> 90' },
      { module: 'chan_sip', what: 'deprecation: none -> deprecated in 17' },
      { module: 'app_queue', what: 'requires: +res_odbc' },
      { module: 'func_odbc', what: 'requires: -res_config_odbc' },
    ];
    const groups = groupChanges(changed);
    expect(groups.map((g) => g.aspect)).toEqual(['dependencies', 'priorities', 'deprecations']);
    expect(groups[0]?.changes.map((c) => c.module)).toEqual(['app_queue', 'func_odbc']);
    expect(groups.flatMap((g) => g.changes)).toHaveLength(changed.length);
  });
});
