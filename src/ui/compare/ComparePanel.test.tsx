// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleGraph } from '../../model';
import { diskExplorerApi } from '../../worker/testSupport';
import { renderWithStore } from '../testing/renderWithStore';
import { ComparePanel } from './ComparePanel';

afterEach(cleanup);

let graph: ModuleGraph;
beforeAll(async () => {
  const loaded = (await diskExplorerApi().loadDataset('23.4.1')).graph;
  if (!loaded) throw new Error('23.4.1 missing');
  graph = loaded;
});

describe('Compare tab', () => {
  it('compares the version before the one on screen with it, then the pair the user picks', async () => {
    const { store } = renderWithStore(<ComparePanel />, graph);
    await act(() => store.getState().init());
    expect((screen.getByLabelText('From version') as HTMLSelectElement).value).toBe('22.10.1');
    expect((screen.getByLabelText('To version') as HTMLSelectElement).value).toBe('23.4.1');
    expect((await screen.findByRole('status', { name: 'Comparison' })).textContent).toMatch(
      /^22\.10\.1 → 23\.4\.1: /,
    );

    fireEvent.change(screen.getByLabelText('From version'), { target: { value: '18.26.4' } });
    const summary = await screen.findByText(/^18\.26\.4 → 23\.4\.1: \d+ added, \d+ removed/);
    expect(summary.textContent).toMatch(/\d+ renamed-looking, \d+ changed$/);
    const removed = screen.getByRole('list', { name: 'Removed' });
    // chan_sip is not in the graph on screen: plain text, not a link.
    expect(within(removed).getByText('chan_sip').tagName).toBe('SPAN');
    const added = screen.getByRole('list', { name: 'Added' });
    fireEvent.click(within(added).getByRole('button', { name: 'chan_websocket' }));
    expect(store.getState().selection).toEqual({ kind: 'module', name: 'chan_websocket' });
    expect(screen.getByRole('list', { name: 'Changed dependencies' }).textContent).toContain('app_dial');
  });

  it('offers nothing to show on the graph while both versions are the same', async () => {
    const { store } = renderWithStore(<ComparePanel />, graph);
    await act(() => store.getState().init());
    fireEvent.change(screen.getByLabelText('From version'), { target: { value: '23.4.1' } });
    expect(screen.getByText('Pick two different versions to compare.')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Show on graph' }) as HTMLInputElement).disabled).toBe(true);
  });
});
