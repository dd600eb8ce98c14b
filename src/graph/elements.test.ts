import { describe, expect, it } from 'vitest';
import { hasClass, itemNodeId, libraryNodeId, toElements } from './elements';
import type { ElementView, GraphElements } from './elements';
import { testGraph } from './testGraph';

/** The module view with libraries drawn (the app's default hides them). */
const MODULES_AND_LIBRARIES: ElementView = { mode: 'modules', showLibraries: true, showNonLoadable: false };

const pjsip = testGraph({
  modules: [
    { name: 'res_pjsip' },
    { name: 'res_pjsip_session' },
    { name: 'app_dial', category: 'apps' },
    { name: 'res_statsd', supportLevel: 'extended' },
    { name: 'cdr', kind: 'builtin', category: 'main' },
    { name: 'func_cdr', category: 'funcs' },
    { name: 'sig_analog', kind: 'non-loadable', category: 'channels' },
    { name: 'chan_dahdi', category: 'channels' },
    { name: 'app_meetme', category: 'apps', supportLevel: 'deprecated' },
    { name: 'app_confbridge', category: 'apps' },
  ],
  libraries: ['pjproject', 'dahdi'],
  edges: [
    ['res_pjsip_session', 'res_pjsip', 'depends'],
    ['res_pjsip_session', 'res_pjsip', 'requires'],
    ['res_pjsip_session', 'res_statsd', 'optional'],
    ['res_pjsip', 'pjproject', 'uses-library'],
    ['res_pjsip_session', 'pjproject', 'uses-library'],
    ['func_cdr', 'cdr', 'requires'],
    ['chan_dahdi', 'sig_analog', 'depends'],
    ['chan_dahdi', 'dahdi', 'uses-library', true],
    ['chan_dahdi', 'dahdi', 'uses-library', false],
    ['app_meetme', 'app_confbridge', 'conflicts'],
    ['res_pjsip', 'res_pjsip', 'depends'],
    ['res_pjsip', 'res_nowhere', 'requires'],
  ],
});

function ids(elements: GraphElements): { nodes: string[]; edges: string[] } {
  return { nodes: elements.nodes.map((n) => n.data.id), edges: elements.edges.map((e) => e.data.id) };
}

function node(elements: GraphElements, id: string) {
  const found = elements.nodes.find((n) => n.data.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

describe('toElements, module view', () => {
  it('draws loadable and built-in modules and hides non-loadable entries by default', () => {
    const { nodes } = ids(toElements(pjsip, MODULES_AND_LIBRARIES));
    expect(nodes).toContain('res_pjsip');
    expect(nodes).toContain('cdr');
    expect(nodes).not.toContain('sig_analog');
  });

  it('draws non-loadable entries, marked as such, when asked to', () => {
    const elements = toElements(pjsip, { ...MODULES_AND_LIBRARIES, showNonLoadable: true });
    expect(hasClass(node(elements, 'sig_analog'), 'kind-non-loadable')).toBe(true);
    expect(ids(elements).edges).toContain('depends:chan_dahdi->sig_analog');
  });

  it('draws external libraries as their own nodes with uses-library edges, and drops both when libraries are off', () => {
    const on = toElements(pjsip, MODULES_AND_LIBRARIES);
    expect(node(on, libraryNodeId('pjproject')).data.type).toBe('library');
    expect(ids(on).edges).toContain('uses-library:res_pjsip->lib:pjproject');

    const off = toElements(pjsip, { ...MODULES_AND_LIBRARIES, showLibraries: false });
    expect(ids(off).nodes).not.toContain(libraryNodeId('pjproject'));
    expect(ids(off).edges.some((e) => e.startsWith('uses-library:'))).toBe(false);
  });

  it('gives each edge kind its own edge and class, so depends and requires between the same pair both show', () => {
    const { edges } = toElements(pjsip, MODULES_AND_LIBRARIES);
    const between = edges.filter(
      (e) => e.data.source === 'res_pjsip_session' && e.data.target === 'res_pjsip',
    );
    expect(between.map((e) => e.classes).sort()).toEqual(['edge-depends', 'edge-requires']);
    expect(edges.find((e) => e.data.kind === 'conflicts')?.data).toMatchObject({
      source: 'app_meetme',
      target: 'app_confbridge',
    });
  });

  it('keeps one library edge per pair, hard when the library is both depended on and used', () => {
    const dahdi = toElements(pjsip, MODULES_AND_LIBRARIES).edges.filter(
      (e) => e.data.target === libraryNodeId('dahdi'),
    );
    expect(dahdi).toHaveLength(1);
    expect(hasClass(dahdi[0]!, 'optional-use')).toBe(false);
  });

  it('skips self-loops and edges to names that resolve to nothing', () => {
    const { edges } = ids(toElements(pjsip, MODULES_AND_LIBRARIES));
    expect(edges).not.toContain('depends:res_pjsip->res_pjsip');
    expect(edges.some((e) => e.includes('res_nowhere'))).toBe(false);
  });

  it('classes nodes by category, support level and kind, and marks modules without drawn edges as isolated', () => {
    const elements = toElements(pjsip, MODULES_AND_LIBRARIES);
    expect(node(elements, 'app_meetme').classes.split(' ')).toEqual(
      expect.arrayContaining(['module', 'cat-apps', 'support-deprecated', 'kind-loadable']),
    );
    expect(hasClass(node(elements, 'app_dial'), 'isolated')).toBe(true);
    expect(hasClass(node(elements, 'res_pjsip'), 'isolated')).toBe(false);
    // chan_dahdi's only module edge goes to a hidden entry, but its library edge is drawn.
    expect(hasClass(node(elements, 'chan_dahdi'), 'isolated')).toBe(false);
    const noLibs = toElements(pjsip, { ...MODULES_AND_LIBRARIES, showLibraries: false });
    expect(hasClass(node(noLibs, 'chan_dahdi'), 'isolated')).toBe(true);
  });

  it('is deterministic: the same graph and view give the same elements in the same order', () => {
    const view: ElementView = { mode: 'modules', showLibraries: true, showNonLoadable: true };
    expect(toElements(pjsip, view)).toEqual(toElements(pjsip, view));
  });
});

describe('toElements, provider view', () => {
  const voicemail = testGraph({
    modules: [
      { name: 'app_voicemail', category: 'apps' },
      { name: 'app_voicemail_imap', category: 'apps' },
      { name: 'app_voicemail_odbc', category: 'apps' },
      { name: 'app_dial', category: 'apps' },
      { name: 'func_cdr', category: 'funcs' },
    ],
    items: [
      ['application', 'VoiceMail', 'app_voicemail'],
      ['application', 'VoiceMail', 'app_voicemail_imap'],
      ['application', 'VoiceMail', 'app_voicemail_odbc'],
      ['application', 'Dial', 'app_dial'],
      ['application', 'BackGround', 'core'],
      ['application', 'Background', 'core'],
      ['function', 'CDR', 'func_cdr'],
      ['manager', 'Originate', 'core'],
      ['agi', 'answer', 'res_agi'],
      ['managerEvent', 'Newchannel', 'core'],
    ],
  });
  const view: ElementView = { ...MODULES_AND_LIBRARIES, mode: 'providers' };

  it('links each application, function, manager action and AGI command to the modules that provide it', () => {
    const elements = toElements(voicemail, view);
    const vm = node(elements, itemNodeId('application', 'VoiceMail'));
    expect(vm.data.providers).toEqual(['app_voicemail', 'app_voicemail_imap', 'app_voicemail_odbc']);
    const edges = elements.edges.filter((e) => e.data.source === vm.data.id).map((e) => e.data.target);
    expect(edges).toEqual(['app_voicemail', 'app_voicemail_imap', 'app_voicemail_odbc']);
    expect(ids(elements).nodes).toEqual(
      expect.arrayContaining([
        itemNodeId('function', 'CDR'),
        itemNodeId('manager', 'Originate'),
        itemNodeId('agi', 'answer'),
      ]),
    );
  });

  it('highlights items with more than one provider and only those', () => {
    const elements = toElements(voicemail, view);
    expect(hasClass(node(elements, itemNodeId('application', 'voicemail')), 'multi-provider')).toBe(true);
    expect(hasClass(node(elements, itemNodeId('application', 'Dial')), 'multi-provider')).toBe(false);
  });

  it('treats names that differ only in case as one item, as Asterisk does', () => {
    const elements = toElements(voicemail, view);
    const background = elements.nodes.filter((n) => n.data.name.toLowerCase() === 'background');
    expect(background).toHaveLength(1);
    expect(background[0]?.data.providers).toEqual(['core']);
    expect(hasClass(background[0]!, 'multi-provider')).toBe(false);
  });

  it('leaves manager events out and draws providers that have no module entry, such as the core', () => {
    const elements = toElements(voicemail, view);
    expect(ids(elements).nodes.some((id) => id.startsWith('item:managerEvent:'))).toBe(false);
    expect(node(elements, 'core').data.category).toBe('main');
    expect(node(elements, 'res_agi').data.category).toBe('other');
  });
});
