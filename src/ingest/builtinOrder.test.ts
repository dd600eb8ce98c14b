import { describe, expect, it } from 'vitest';
import { deriveBuiltinOrder } from './builtinOrder';
import { loadBuiltinDatasetNode } from './node/loadBuiltinDataset';

describe('deriveBuiltinOrder', () => {
  it('reproduces the registration order the master loader traces recorded, from the built-in names alone', () => {
    const master = loadBuiltinDatasetNode('master');
    const builtins = Object.values(master.modules)
      .filter((m) => m.kind === 'builtin')
      .map((m) => m.name)
      .sort()
      .reverse();
    expect(master.info.sources.some((s) => s.file.endsWith('modules-builtin.txt'))).toBe(true);
    expect(deriveBuiltinOrder(builtins)).toEqual(master.info.builtinOrder);
  });

  it('orders by source file, so extconfig (config.c) comes before dnsmgr and acl (named_acl.c) after manager', () => {
    expect(deriveBuiltinOrder(['acl', 'manager', 'dnsmgr', 'extconfig', 'cel'])).toEqual([
      'cel',
      'extconfig',
      'dnsmgr',
      'manager',
      'acl',
    ]);
  });
});
