import { describe, expect, it } from 'vitest';
import { CORE_PROVIDER, type ModuleGraph, type ModuleInfo, type ProvidedItem } from '../model';
import { inferItemProviders } from './inferItemProviders';

function module(name: string, kind: ModuleInfo['kind'] = 'loadable'): ModuleInfo {
  return {
    name,
    category: 'other',
    kind,
    supportLevel: 'unspecified',
    flags: [],
    globalSymbols: false,
    sources: {},
  };
}

function graph(modules: ModuleInfo[], items: ProvidedItem[]): ModuleGraph {
  return {
    info: { version: 'x', sources: [], hasLinkFacts: false, builtinOrder: [] },
    modules: Object.fromEntries(modules.map((m) => [m.name, m])),
    libraries: {},
    edges: [],
    outgoing: {},
    incoming: {},
    items,
    categories: [],
  };
}

const guessed = (name: string, module: string): ProvidedItem => ({
  kind: 'manager',
  name,
  module,
  source: { kind: 'inferred', file: 'old.xml', line: 3 },
});

describe('inferItemProviders', () => {
  const reference = graph(
    [module('res_pjsip'), module('app_voicemail')],
    [
      {
        kind: 'manager',
        name: 'PJSIPShowEndpoints',
        module: 'res_pjsip',
        source: { kind: 'xmldoc', file: 'new.xml' },
      },
      {
        kind: 'manager',
        name: 'CoreStatus',
        module: CORE_PROVIDER,
        source: { kind: 'xmldoc', file: 'new.xml' },
      },
    ],
  );

  it('replaces a guessed provider by the one a later xmldoc names, keeping the inferred mark', () => {
    const old = graph(
      [module('res_pjsip'), module('res_realtime'), module('taskprocessor', 'non-loadable')],
      [guessed('PJSIPShowEndpoints', 'res_realtime'), guessed('CoreStatus', 'taskprocessor')],
    );
    const { graph: fixed, changed } = inferItemProviders(old, [reference]);
    expect(changed).toBe(2);
    expect(fixed.items.map((i) => `${i.name}:${i.module}:${i.source?.kind ?? ''}`)).toEqual([
      'PJSIPShowEndpoints:res_pjsip:inferred',
      `CoreStatus:${CORE_PROVIDER}:inferred`,
    ]);
  });

  it('keeps the guess when the reference names a provider this version does not have', () => {
    const old = graph([module('res_realtime')], [guessed('PJSIPShowEndpoints', 'res_realtime')]);
    expect(inferItemProviders(old, [reference]).graph.items[0]?.module).toBe('res_realtime');
  });

  it('never touches items whose provider the file stated', () => {
    const stated: ProvidedItem = {
      kind: 'manager',
      name: 'PJSIPShowEndpoints',
      module: 'res_realtime',
      source: { kind: 'xmldoc', file: 'a.xml' },
    };
    const old = graph([module('res_pjsip'), module('res_realtime')], [stated]);
    expect(inferItemProviders(old, [reference]).graph.items).toEqual([stated]);
  });
});
