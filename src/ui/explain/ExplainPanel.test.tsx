// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleGraph } from '../../model';
import { diskExplorerApi } from '../../worker/testSupport';
import { renderWithStore } from '../testing/renderWithStore';
import { ExplainPanel } from './ExplainPanel';

afterEach(cleanup);

let graph: ModuleGraph;
beforeAll(async () => {
  const loaded = (await diskExplorerApi().loadDataset('23.4.1')).graph;
  if (!loaded) throw new Error('23.4.1 missing');
  graph = loaded;
});

describe('Explain tab', () => {
  it('answers impact for the selected module at once and follows a new selection', async () => {
    const { store } = renderWithStore(<ExplainPanel />, graph);
    act(() => store.getState().inspectModule('res_odbc'));
    const impact = await screen.findByRole('status', { name: 'Impact' });
    expect(impact.textContent).toMatch(/^res_odbc failing to load takes down \d+ modules$/);
    const list = screen.getByRole('list', { name: 'Modules taken down' });
    // The row's own name, and again inside its why-chain.
    expect(within(list).getAllByText('func_odbc')[0]?.tagName).toBe('SUMMARY');
    expect(store.getState().highlight).toMatchObject({ kind: 'impact', origin: 'res_odbc' });

    act(() => store.getState().inspectModule('res_pjsip'));
    expect((await screen.findByText(/^res_pjsip failing to load takes down/)).textContent).toContain(
      'modules',
    );
    fireEvent.change(screen.getByLabelText('If the module'), { target: { value: 'noload' } });
    expect(await screen.findByText(/^noload res_pjsip takes down \d+ modules$/)).toBeTruthy();
  });

  it('says so when the typed module is not in the graph, and computes nothing', async () => {
    const { store } = renderWithStore(<ExplainPanel />, graph);
    fireEvent.change(screen.getByRole('combobox', { name: 'Module' }), { target: { value: 'chan_nothing' } });
    expect(screen.getByText('chan_nothing is not a module of this graph.')).toBeTruthy();
    expect(store.getState().impact).toBeUndefined();
  });

  it('finds paths from From to To, lists each as a chain, and can draw one alone', async () => {
    const { store } = renderWithStore(<ExplainPanel />, graph);
    fireEvent.change(screen.getByRole('combobox', { name: 'From' }), { target: { value: 'chan_pjsip' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'To' }), {
      target: { value: 'res_sorcery_config' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Find paths' }));
    const found = await screen.findByRole('status', { name: 'Paths found' });
    expect(found.textContent).toMatch(/^\d+ paths from chan_pjsip to res_sorcery_config \(shortest first\)$/);
    const first = screen.getByRole('list', { name: 'Path 1' });
    expect(
      within(first)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['chan_pjsip', 'res_pjsip', 'res_sorcery_config']);

    fireEvent.click(screen.getByRole('button', { name: 'Show only path 1' }));
    expect(store.getState().highlight?.nodes).toEqual(['chan_pjsip', 'res_pjsip', 'res_sorcery_config']);
    expect(screen.getByRole('button', { name: 'Show only path 1' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    // A module in a chain selects it and the tab stays.
    fireEvent.click(within(first).getByRole('button', { name: 'res_pjsip' }));
    expect(store.getState().selection).toEqual({ kind: 'module', name: 'res_pjsip' });
    expect(screen.getByRole('region', { name: 'Explain' })).toBeTruthy();
  });

  it("lists 23.4.1's one cycle, and a folded section asks nothing", async () => {
    const { store } = renderWithStore(<ExplainPanel />, graph);
    expect((await screen.findByRole('status', { name: 'Cycles found' })).textContent).toBe(
      '1 dependency cycle',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Impact' }));
    expect(screen.getByRole('button', { name: 'Impact' }).getAttribute('aria-expanded')).toBe('false');
    act(() => store.getState().inspectModule('res_odbc'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().impact).toBeUndefined();
  });
});
