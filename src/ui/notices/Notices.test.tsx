// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { testGraph } from '../../graph/testGraph';
import { renderWithStore } from '../testing/renderWithStore';
import { Notices } from './Notices';

afterEach(cleanup);

describe('notices', () => {
  it('say where borrowed load order facts come from and how many modules matched', () => {
    const graph = testGraph({ modules: [{ name: 'app_dial' }] });
    graph.info.runtimeFactsFrom = { version: '22.10.1', matched: 0.97, matchedCount: 97, total: 100 };
    renderWithStore(<Notices />, graph);
    expect(screen.getByRole('note', { name: 'Load order facts' }).textContent).toContain(
      'Load order facts from Asterisk 22.10.1, 97% of modules matched',
    );
  });

  it('explain a failed load with the first error and its position, and say the graph is unchanged', () => {
    const { store } = renderWithStore(<Notices />, testGraph({ modules: [{ name: 'app_dial' }] }));
    expect(screen.queryByRole('alert')).toBeNull();
    act(() =>
      store.setState({
        lastAttempt: {
          outcome: 'failed',
          description: 'Opening truncated.xml',
          problems: [
            {
              severity: 'error',
              code: 'malformed-xml',
              message: 'The file ends early.',
              file: 'truncated.xml',
              line: 37,
              column: 11,
            },
          ],
        },
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Opening truncated.xml failed — the graph on screen is unchanged.');
    expect(alert.textContent).toContain('truncated.xml:37:11: The file ends early.');
    fireEvent.click(screen.getByRole('button', { name: 'Show problems' }));
    expect(store.getState().sidePanelTab).toBe('problems');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
