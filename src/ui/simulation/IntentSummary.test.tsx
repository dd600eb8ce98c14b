// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleGraph } from '../../model';
import { diskExplorerApi } from '../../worker/testSupport';
import { renderWithStore } from '../testing/renderWithStore';
import { SimulationPanel } from './SimulationPanel';

afterEach(cleanup);

/** CodeMirror is imported on first use; on a busy machine that takes longer than findBy's 1 s. */
const LAZY = { timeout: 15_000 };

let graph: ModuleGraph;
beforeAll(async () => {
  const loaded = (await diskExplorerApi().loadDataset('23.4.1')).graph;
  if (!loaded) throw new Error('23.4.1 missing');
  graph = loaded;
  // jsdom lays nothing out; CodeMirror measures text ranges to draw the selection.
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

async function runWith(text: string) {
  const { store } = renderWithStore(<SimulationPanel />, graph);
  store.getState().setModulesConf(text);
  await act(() => store.getState().runSimulation());
  return { store, intent: screen.getByRole('region', { name: 'What modules.conf asks for' }) };
}

describe('What modules.conf asks for', () => {
  it('leads with the listed line that does not run, its line, outcome and why, before the counts', async () => {
    const { store, intent } = await runWith(
      '[modules]\nautoload = no\nload => chan_pjsip.so\nload => app_dial.so\n',
    );
    expect(within(intent).getByRole('status').textContent).toBe(
      '1 line of modules.conf does not do what it says',
    );
    const failing = within(intent).getByRole('list', { name: 'Listed modules that do not run' });
    const items = within(failing)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === failing);
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toMatch(/^line 3 · load => chan_pjsip\.so · not loaded/);
    const why = within(failing).getByRole('list', { name: 'Why chan_pjsip does not run' });
    expect(why.textContent).toContain('res_pjsip is not loaded: autoload is off');
    // Module names in the why-chain select the module.
    fireEvent.click(within(why).getAllByRole('button', { name: 'res_pjsip' })[0]!);
    expect(store.getState().selection).toMatchObject({ kind: 'module', name: 'res_pjsip' });
    // The intent comes before the counts, and the hundreds of modules not loaded are only counted.
    const result = screen.getByRole('region', { name: 'Result' });
    expect(intent.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'app_queue' })).toBeNull();
    // The finding underlines its line in the editor.
    const editor = await screen.findByRole('textbox', { name: 'modules.conf' }, LAZY);
    // The underlines follow the editor's first paint: wait for them as a user's eye would.
    await waitFor(
      () => expect(editor.querySelector('.cm-lintRange-error')?.textContent).toBe('load => chan_pjsip.so'),
      LAZY,
    );
  });

  it('says what a noload line takes down once, with the names folded away', async () => {
    const { intent } = await runWith('[modules]\nautoload = yes\nnoload => res_pjsip.so\n');
    expect(within(intent).getByRole('status').textContent).toBe('modules.conf does what it says');
    const noloads = within(intent).getByRole('list', { name: 'noload lines' });
    const text = noloads.textContent ?? '';
    expect(text).toMatch(/^line 3 · noload => res_pjsip\.so disables \d+ modules besides res_pjsip/);
    expect(text.match(/disables/g)).toHaveLength(1);
    const names = within(noloads).getByRole('list', { name: 'Modules line 3 takes down', hidden: true });
    expect(names.closest('details')?.open).toBe(false);
    const count = Number(/disables (\d+)/.exec(text)?.[1]);
    expect(within(names).getAllByRole('listitem', { hidden: true })).toHaveLength(count);
    expect(within(names).getByRole('button', { name: 'chan_pjsip', hidden: true })).toBeTruthy();
    expect(within(intent).queryByRole('list', { name: 'Not running for want of a dependency' })).toBeNull();
  });

  it('groups modules kept down by a missing file under that file, once', async () => {
    const { store } = renderWithStore(<SimulationPanel />, graph);
    store.getState().setFilePresent('res_odbc', false);
    await act(() => store.getState().runSimulation());
    const intent = screen.getByRole('region', { name: 'What modules.conf asks for' });
    const troubles = within(intent).getByRole('list', { name: 'Not running for want of a dependency' });
    const groups = within(troubles)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === troubles);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.textContent).toMatch(/^res_odbc keeps \d+ modules from running/);
  });
});
