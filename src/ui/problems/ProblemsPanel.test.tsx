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
});
