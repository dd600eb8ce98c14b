// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { testGraph } from '../../graph/testGraph';
import type { ModuleGraph } from '../../model';
import { createExplorerStore, ExplorerStoreProvider } from '../../store';
import type { ExplorerStore } from '../../store';
import { connectInProcess, createExplorerClient } from '../../worker';
import { DATASETS_URL, diskExplorerApi } from '../../worker/testSupport';
import { ModuleSearch } from './ModuleSearch';

afterEach(cleanup);

const graph = testGraph({
  modules: [
    { name: 'app_dial', category: 'apps' },
    { name: 'dial', kind: 'non-loadable' },
    { name: 'func_dialgroup', category: 'funcs' },
    { name: 'app_voicemail', category: 'apps' },
    { name: 'app_voicemail_odbc', category: 'apps' },
  ],
  libraries: ['dialog'],
  items: [
    ['application', 'Dial', 'app_dial'],
    ['function', 'DIALGROUP', 'func_dialgroup'],
    ['application', 'VoiceMail', 'app_voicemail'],
    ['application', 'VoiceMail', 'app_voicemail_odbc'],
  ],
});

const PUBLIC_DATASETS = join(dirname(fileURLToPath(import.meta.url)), '../../../public/datasets');

/**
 * A real store over the built-in datasets on disk. Under jsdom the datasets URL is an http one,
 * so the dataset files are read from public/datasets by name.
 */
function renderWithStore(ui: ReactElement, g: ModuleGraph): { store: ExplorerStore } {
  const fromDisk = (url: string): Promise<string> =>
    readFile(join(PUBLIC_DATASETS, url.split('/').pop() ?? ''), 'utf8');
  const client = createExplorerClient(() => connectInProcess(diskExplorerApi(fromDisk)), {
    datasetsUrl: DATASETS_URL,
  });
  const store = createExplorerStore(client);
  store.setState({ graph: g, source: { kind: 'builtin', version: g.info.version } });
  render(<ExplorerStoreProvider store={store}>{ui}</ExplorerStoreProvider>);
  return { store };
}

function combobox(): HTMLInputElement {
  return screen.getByRole('combobox', { name: 'Search' }) as HTMLInputElement;
}

function type(text: string): void {
  fireEvent.focus(combobox());
  fireEvent.change(combobox(), { target: { value: text } });
}

function activeOption(): string | undefined {
  const id = combobox().getAttribute('aria-activedescendant');
  return id
    ? (document.getElementById(id)?.querySelector('.search-name')?.textContent ?? undefined)
    : undefined;
}

describe('search box', () => {
  it('"/" focuses it from anywhere but a text field', () => {
    renderWithStore(
      <>
        <button type="button">elsewhere</button>
        <textarea aria-label="modules.conf" />
        <ModuleSearch />
      </>,
      graph,
    );
    const textarea = screen.getByRole('textbox', { name: 'modules.conf' });
    textarea.focus();
    fireEvent.keyDown(textarea, { key: '/' });
    expect(document.activeElement).toBe(textarea);

    const button = screen.getByRole('button', { name: 'elsewhere' });
    button.focus();
    fireEvent.keyDown(button, { key: '/' });
    expect(document.activeElement).toBe(combobox());
  });

  it('lists ranked matches with their kind and provider, and moves the active option with the arrows', () => {
    renderWithStore(<ModuleSearch />, graph);
    type('dial');
    expect(combobox().getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox', { name: 'Search results' });
    expect(combobox().getAttribute('aria-controls')).toBe(listbox.id);
    const options = within(listbox).getAllByRole('option');
    expect(options[0]?.textContent).toBe('Dialapplicationapp_dial');
    expect(options.map((o) => o.querySelector('.search-name')?.textContent)).toEqual([
      'Dial',
      'DIALGROUP',
      'dial',
      'dialog',
      'app_dial',
      'func_dialgroup',
    ]);
    expect(activeOption()).toBe('Dial');
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(combobox(), { key: 'ArrowDown' });
    fireEvent.keyDown(combobox(), { key: 'ArrowDown' });
    expect(activeOption()).toBe('dial');
    expect(options[2]?.getAttribute('aria-selected')).toBe('true');
    expect(options[0]?.getAttribute('aria-selected')).toBe('false');
    fireEvent.keyDown(combobox(), { key: 'ArrowUp' });
    expect(activeOption()).toBe('DIALGROUP');
    fireEvent.keyDown(combobox(), { key: 'ArrowUp' });
    fireEvent.keyDown(combobox(), { key: 'ArrowUp' });
    expect(activeOption()).toBe('Dial');
  });

  it('Enter on an application with one provider inspects that module', () => {
    const { store } = renderWithStore(<ModuleSearch />, graph);
    act(() => store.getState().setSidePanelTab('problems'));
    type('Dial');
    fireEvent.keyDown(combobox(), { key: 'Enter' });
    expect(store.getState().selection).toEqual({ kind: 'module', name: 'app_dial' });
    expect(store.getState().sidePanelTab).toBe('inspector');
    expect(combobox().value).toBe('');
    expect(combobox().getAttribute('aria-expanded')).toBe('false');
  });

  it('a list opening under a resting pointer keeps the best match active; moving the pointer picks', () => {
    const { store } = renderWithStore(<ModuleSearch />, graph);
    type('dial');
    const options = within(screen.getByRole('listbox', { name: 'Search results' })).getAllByRole('option');
    const best = activeOption();
    // The pointer was already there when the list appeared: entering is not choosing.
    fireEvent.mouseEnter(options[3] as HTMLElement);
    expect(activeOption()).toBe(best);
    fireEvent.mouseMove(options[3] as HTMLElement);
    const moved = activeOption();
    expect(moved).not.toBe(best);
    fireEvent.keyDown(combobox(), { key: 'Enter' });
    expect(store.getState().selection).toMatchObject({ name: moved });
  });

  it('Enter selects the active option: the non-loadable entry when the arrows went there', () => {
    const { store } = renderWithStore(<ModuleSearch />, graph);
    type('dial');
    fireEvent.keyDown(combobox(), { key: 'ArrowDown' });
    fireEvent.keyDown(combobox(), { key: 'ArrowDown' });
    fireEvent.keyDown(combobox(), { key: 'Enter' });
    expect(store.getState().selection).toEqual({ kind: 'module', name: 'dial' });
  });

  it('Enter on an item with several providers selects the item; a library is selected as a library', () => {
    const { store } = renderWithStore(<ModuleSearch />, graph);
    type('voicemail');
    fireEvent.keyDown(combobox(), { key: 'Enter' });
    expect(store.getState().selection).toEqual({ kind: 'item', itemKind: 'application', name: 'VoiceMail' });
    type('DIALOG');
    fireEvent.keyDown(combobox(), { key: 'Enter' });
    expect(store.getState().selection).toEqual({ kind: 'library', name: 'dialog' });
  });

  it('Esc clears the query and closes the list without selecting', () => {
    const { store } = renderWithStore(<ModuleSearch />, graph);
    type('dial');
    fireEvent.keyDown(combobox(), { key: 'Escape' });
    expect(combobox().value).toBe('');
    expect(combobox().getAttribute('aria-expanded')).toBe('false');
    expect(combobox().hasAttribute('aria-activedescendant')).toBe(false);
    expect(store.getState().selection).toBeUndefined();
  });

  it('says where a module missing here went, and "no match" when no version has it', async () => {
    const { store } = renderWithStore(<ModuleSearch />, graph);
    type('chan_sip');
    const note = screen.getByRole('status', { name: 'Search note' });
    await waitFor(() => expect(note.textContent).toBe('chan_sip: removed after 18.26.4 — last in 18.26.4'), {
      timeout: 10_000,
    });
    expect(store.getState().moduleNames?.map((v) => v.version)).toContain('master');
    type('zzzqqq');
    expect(note.textContent).toBe('no match');
    type('app_dial');
    expect(note.textContent).toBe('');
  });

  it('says nothing about other versions for a name found here, and does not fetch them', async () => {
    const { store } = renderWithStore(<ModuleSearch />, graph);
    type('app_dial');
    expect(screen.getByRole('status', { name: 'Search note' }).textContent).toBe('');
    // Longer than the pause after which a miss would fetch the other versions' names.
    await act(() => new Promise((resolve) => setTimeout(resolve, 600)));
    expect(store.getState().moduleNamesStatus).toBe('idle');
    expect(store.getState().moduleNames).toBeUndefined();
  });
});
