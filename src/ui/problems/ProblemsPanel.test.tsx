// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { testGraph } from '../../graph/testGraph';
import { renderWithStore } from '../testing/renderWithStore';
import { ProblemsPanel } from './ProblemsPanel';

afterEach(cleanup);

const graph = testGraph({ modules: [{ name: 'res_fax' }, { name: 'res_fax_spandsp' }] });

describe('Problems panel', () => {
  it('lists each problem with its file, line and column, and clicking one selects its module', () => {
    const { store } = renderWithStore(<ProblemsPanel />, graph, [
      {
        severity: 'warning',
        code: 'source-disagreement',
        message: 'Support level of res_fax_spandsp: the two files disagree.',
        file: 'core-en_US.xml',
        line: 102,
        column: 1,
        module: 'res_fax_spandsp',
      },
      {
        severity: 'info',
        code: 'runtime-facts-borrowed',
        message: 'Load order facts from Asterisk 22.10.1.',
      },
    ]);
    act(() => store.getState().setSidePanelTab('problems'));
    const list = screen.getByRole('list', { name: 'Problem list' });
    expect(within(list).getByText('core-en_US.xml:102:1')).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: /Support level of res_fax_spandsp/ }));
    expect(store.getState().selection).toEqual({ kind: 'module', name: 'res_fax_spandsp' });
    expect(store.getState().sidePanelTab).toBe('inspector');
    // A problem without a module is plain text, not a button.
    expect(within(list).queryByRole('button', { name: /Load order facts/ })).toBeNull();
  });

  it('puts the problems of a failed attempt first, under their own heading', () => {
    const { store } = renderWithStore(<ProblemsPanel />, graph, [
      { severity: 'warning', code: 'self-dependency', message: 'res_fax lists itself.', module: 'res_fax' },
    ]);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'warningres_fax lists itself.',
    ]);
    act(() =>
      store.setState({
        lastAttempt: {
          outcome: 'failed',
          description: 'Opening broken.xml',
          problems: [
            {
              severity: 'error',
              code: 'malformed-xml',
              message: 'broken.xml ends early.',
              file: 'broken.xml',
              line: 3,
              column: 7,
            },
          ],
        },
      }),
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Opening broken.xml (not applied)',
      'errorbroken.xml ends early.broken.xml:3:7',
      'Graph on screen',
      'warningres_fax lists itself.',
    ]);
  });

  it('can hide problems of one severity', () => {
    renderWithStore(<ProblemsPanel />, graph, [
      { severity: 'warning', code: 'self-dependency', message: 'res_fax lists itself.', module: 'res_fax' },
      { severity: 'info', code: 'non-loadable', message: 'sig_analog is not loadable.' },
    ]);
    fireEvent.click(screen.getByLabelText(/Notes \(1\)/));
    expect(screen.queryByText('sig_analog is not loadable.')).toBeNull();
    expect(screen.getByText('res_fax lists itself.')).toBeTruthy();
  });

  it('folds repeated notes into one expandable group whose members keep their place and select their module', () => {
    const note = (module: string, line: number) => ({
      severity: 'info' as const,
      code: 'non-loadable' as const,
      message: `${module} has a MODULEINFO block but is not a loadable module (a helper or core source file); it is kept but not drawn as a module.`,
      file: 'core-en_US.xml',
      line,
      column: 3,
      module,
    });
    const { store } = renderWithStore(<ProblemsPanel />, graph, [
      note('res_fax', 40),
      note('res_fax_spandsp', 50),
      { severity: 'warning', code: 'self-dependency', message: 'res_fax lists itself.', module: 'res_fax' },
    ]);
    const list = screen.getByRole('list', { name: 'Problem list' });
    expect(within(list).queryByText('core-en_US.xml:40:3')).toBeNull();
    const group = within(list).getByRole('button', {
      name: /^info2 entries have a MODULEINFO block but are not loadable modules/,
    });
    expect(group.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(group);
    expect(group.getAttribute('aria-expanded')).toBe('true');
    const members = screen.getByRole('list', { name: /^2 entries have a MODULEINFO block/ });
    expect(within(members).getByText('core-en_US.xml:50:3')).toBeTruthy();
    fireEvent.click(within(members).getByRole('button', { name: /^infores_fax_spandsp has a MODULEINFO/ }));
    expect(store.getState().selection).toEqual({ kind: 'module', name: 'res_fax_spandsp' });
  });
});
