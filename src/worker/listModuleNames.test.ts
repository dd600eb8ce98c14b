import { describe, expect, it } from 'vitest';
import { diskExplorerApi } from './testSupport';

describe('explorer API: module names of every built-in version', () => {
  it('lists each version oldest first with its loadable and built-in modules, without other entries', async () => {
    const api = diskExplorerApi();
    const index = await api.listDatasets();
    const names = await api.listModuleNames();
    expect(names.map((v) => v.version)).toEqual(index.datasets.map((d) => d.version));
    const v18 = names.find((v) => v.version === '18.26.4')?.modules ?? [];
    const v23 = names.find((v) => v.version === '23.4.1')?.modules ?? [];
    expect(v18).toContain('chan_sip');
    expect(v23).not.toContain('chan_sip');
    expect(v23).toContain('manager'); // a built-in
    expect(v23).not.toContain('sig_analog'); // non-loadable
    const entry = index.datasets.find((d) => d.version === '23.4.1');
    expect(v23.length).toBe((entry?.modules ?? 0) + (entry?.builtins ?? 0));
  });
});
