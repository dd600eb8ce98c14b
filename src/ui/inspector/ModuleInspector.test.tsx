// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { testGraph } from '../../graph/testGraph';
import { renderWithStore } from '../testing/renderWithStore';
import { Inspector } from './Inspector';

afterEach(cleanup);

const graph = testGraph({
  modules: [
    {
      name: 'res_pjsip_session',
      description: 'PJSIP Session resource',
      loadPriority: 80,
      flags: ['AST_MODFLAG_GLOBAL_SYMBOLS', 'AST_MODFLAG_LOAD_ORDER'],
      sources: {
        loadPriority: [
          { kind: 'runtime', file: 'shared/data/asterisk/22.10.1/runtime.json', line: 5016, column: 2 },
        ],
      },
    },
    { name: 'res_pjsip' },
    { name: 'chan_pjsip', category: 'channels' },
    {
      name: 'app_meetme',
      category: 'apps',
      supportLevel: 'deprecated',
      deprecatedIn: '19',
      replacement: 'app_confbridge',
    },
    { name: 'app_confbridge', category: 'apps' },
  ],
  libraries: ['pjproject'],
  edges: [
    ['res_pjsip_session', 'res_pjsip', 'requires'],
    ['res_pjsip_session', 'res_pjsip', 'depends'],
    ['res_pjsip_session', 'res_statsd', 'optional'],
    ['res_pjsip_session', 'pjproject', 'uses-library'],
    ['chan_pjsip', 'res_pjsip_session', 'requires'],
  ],
  items: [['application', 'Dial', 'res_pjsip_session']],
});

describe('module inspector', () => {
  it('shows the module’s facts with the source of each', () => {
    const { store } = renderWithStore(<Inspector />, graph);
    act(() => store.getState().inspectModule('res_pjsip_session'));
    const inspector = screen.getByRole('region', { name: 'Inspector' });
    expect(within(inspector).getByRole('heading', { level: 2 }).textContent).toBe('res_pjsip_session');
    expect(within(inspector).getByText('80')).toBeTruthy();
    expect(within(inspector).getByText('runtime.json:5016')).toBeTruthy();
    expect(within(inspector).getByText('AST_MODFLAG_GLOBAL_SYMBOLS AST_MODFLAG_LOAD_ORDER')).toBeTruthy();
  });

  it('groups dependencies and dependents by edge kind; known names are links, unknown ones are not', () => {
    const { store } = renderWithStore(<Inspector />, graph);
    act(() => store.getState().inspectModule('res_pjsip_session'));
    const deps = screen.getByRole('region', { name: 'Dependencies' });
    expect(
      within(deps)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual([
      'Depends on (MODULEINFO) (1)',
      'Requires (loader) (1)',
      'Uses if present (1)',
      'Libraries (1)',
    ]);
    expect(within(deps).queryByRole('button', { name: /res_statsd/ })).toBeNull();
    expect(within(deps).getByText('res_statsd')).toBeTruthy();

    fireEvent.click(
      within(screen.getByRole('region', { name: 'Dependents' })).getByRole('button', { name: 'chan_pjsip' }),
    );
    expect(store.getState().selection).toEqual({ kind: 'module', name: 'chan_pjsip' });
  });

  it('lists what the module provides, and its deprecation with a link to the replacement', () => {
    const { store } = renderWithStore(<Inspector />, graph);
    act(() => store.getState().inspectModule('res_pjsip_session'));
    expect(
      within(screen.getByRole('region', { name: 'Provides' })).getByRole('button', { name: 'Dial' }),
    ).toBeTruthy();
    act(() => store.getState().inspectModule('app_meetme'));
    fireEvent.click(screen.getByRole('button', { name: 'app_confbridge' }));
    expect(store.getState().selection).toEqual({ kind: 'module', name: 'app_confbridge' });
  });
});
