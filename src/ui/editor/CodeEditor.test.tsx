// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CodeEditor } from './CodeEditor';
import type { EditorProblem } from './CodeEditor';

afterEach(cleanup);

/** CodeMirror is imported on first use; on a busy machine that takes longer than findBy's 1 s. */
const LAZY = { timeout: 15_000 };

beforeAll(() => {
  // jsdom lays nothing out; CodeMirror measures text ranges to draw the selection.
  const none = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects = none;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

function paste(target: HTMLElement, text: string): boolean {
  return fireEvent.paste(target, {
    clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') },
  });
}

function Controlled(props: {
  initial: string;
  problems?: EditorProblem[];
  onRefused?: (m: string) => void;
  onChange?: (text: string) => void;
}) {
  const [text, setText] = useState(props.initial);
  return (
    <>
      <CodeEditor
        label="modules.conf"
        value={text}
        onChange={(t) => {
          props.onChange?.(t);
          setText(t);
        }}
        problems={props.problems}
        onRefusedPaste={props.onRefused}
      />
      <output aria-label="store">{text}</output>
      <button type="button" onClick={() => setText('[modules]\nautoload = no\n')}>
        Reset
      </button>
    </>
  );
}

describe('CodeEditor', () => {
  it('is a multi-line textbox named by its label, showing the value with line numbers', async () => {
    render(<CodeEditor label="modules.conf" value={'[modules]\nautoload = yes'} onChange={() => {}} />);
    const box = await screen.findByRole('textbox', { name: 'modules.conf' }, LAZY);
    expect(box.getAttribute('aria-multiline')).toBe('true');
    expect(box.getAttribute('contenteditable')).toBe('true');
    expect(box.textContent).toBe('[modules]autoload = yes');
    expect(document.querySelectorAll('.cm-lineNumbers .cm-gutterElement').length).toBeGreaterThanOrEqual(2);
  });

  it('is read-only without onChange', async () => {
    render(<CodeEditor label="extensions.conf" value="[default]" />);
    const box = await screen.findByRole('textbox', { name: 'extensions.conf' }, LAZY);
    expect(box.getAttribute('contenteditable')).toBe('false');
    expect(box.getAttribute('aria-readonly')).toBe('true');
  });

  it('underlines problems, and follows a new problem list without recreating the editor', async () => {
    const { rerender } = render(
      <CodeEditor
        label="modules.conf"
        value={'[modules]\nload => chan_pjsip.so\nload => app_dial.so'}
        onChange={() => {}}
        problems={[{ line: 2, severity: 'error', message: 'declined' }]}
      />,
    );
    const box = await screen.findByRole('textbox', { name: 'modules.conf' }, LAZY);
    expect([...document.querySelectorAll('.cm-lintRange')].map((e) => e.textContent)).toEqual([
      'load => chan_pjsip.so',
    ]);
    expect(document.querySelector('.cm-lintRange-error')).not.toBeNull();
    rerender(
      <CodeEditor
        label="modules.conf"
        value={'[modules]\nload => chan_pjsip.so\nload => app_dial.so'}
        onChange={() => {}}
        problems={[{ line: 3, column: 9, severity: 'warning', message: 'unknown' }]}
      />,
    );
    expect([...document.querySelectorAll('.cm-lintRange-warning')].map((e) => e.textContent)).toEqual([
      'app_dial.so',
    ]);
    expect(document.querySelector('.cm-lintRange-error')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'modules.conf' })).toBe(box);
  });

  it('drops underlines of a text replaced from outside until a new problem list comes', async () => {
    const problems: EditorProblem[] = [{ line: 2, severity: 'error', message: 'declined' }];
    const props = { label: 'modules.conf', onChange: () => {} };
    const { rerender } = render(
      <CodeEditor {...props} value={'[modules]\nload => a.so'} problems={problems} />,
    );
    await screen.findByRole('textbox', { name: 'modules.conf' }, LAZY);
    expect(document.querySelectorAll('.cm-lintRange')).toHaveLength(1);
    rerender(<CodeEditor {...props} value={'[modules]\nnoload => b.so'} problems={problems} />);
    expect(document.querySelectorAll('.cm-lintRange')).toHaveLength(0);
    rerender(<CodeEditor {...props} value={'[modules]\nnoload => b.so'} problems={[...problems]} />);
    expect([...document.querySelectorAll('.cm-lintRange')].map((e) => e.textContent)).toEqual([
      'noload => b.so',
    ]);
    // A new text and its own problems together are shown at once.
    rerender(
      <CodeEditor
        {...props}
        value={'[modules]\nautoload = no\nload => c.so'}
        problems={[{ line: 3, severity: 'warning', message: 'x' }]}
      />,
    );
    expect([...document.querySelectorAll('.cm-lintRange')].map((e) => e.textContent)).toEqual([
      'load => c.so',
    ]);
  });

  it('reports edits, and takes an outside value without echoing it back', async () => {
    const onChange = vi.fn();
    render(<Controlled initial={'[modules]\n'} onChange={onChange} />);
    const box = await screen.findByRole('textbox', { name: 'modules.conf' }, LAZY);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(box.textContent).toBe('[modules]autoload = no');
    expect(onChange).not.toHaveBeenCalled();
    act(() => void paste(box, 'load => app_dial.so'));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]?.[0]).toContain('load => app_dial.so');
    expect(screen.getByLabelText('store').textContent).toContain('load => app_dial.so');
  });

  it('refuses to paste binary text or too many lines, saying why, and inserts nothing', async () => {
    const refused = vi.fn();
    render(<Controlled initial={'[modules]\n'} onRefused={refused} />);
    const box = await screen.findByRole('textbox', { name: 'modules.conf' }, LAZY);

    act(() => void paste(box, 'ELF\u0000\u0001\u0002 binary'));
    expect(refused).toHaveBeenLastCalledWith(
      'Paste refused: The pasted text looks like a binary file, not text; it was not read.',
    );
    act(() => void paste(box, 'noload => x.so\n'.repeat(100_000)));
    expect(refused).toHaveBeenCalledTimes(2);
    expect(refused.mock.calls[1]?.[0]).toMatch(/^Paste refused: .*(1 MB|20,000 lines)/);
    expect(screen.getByLabelText('store').textContent).toBe('[modules]\n');

    act(() => void paste(box, 'autoload = no'));
    expect(refused).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText('store').textContent).toContain('autoload = no');
  });
});
