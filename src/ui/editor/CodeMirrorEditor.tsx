/**
 * The CodeMirror 6 editor behind `CodeEditor`. It lives in its own module so that CodeMirror is
 * loaded (and parsed) only when an editor is first shown, not with the first graph.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import { Annotation, Compartment, EditorState, Transaction } from '@codemirror/state';
import type { ChangeSpec, Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting } from '@codemirror/language';
import { setDiagnostics } from '@codemirror/lint';
import { refusePastedText } from '../../store';
import { asteriskConf, asteriskConfHighlight } from './asteriskConf';
import type { CodeEditorProps } from './editorTypes';
import { problemsKey, problemsToDiagnostics } from './diagnostics';
import type { EditorProblem } from './diagnostics';

/** Marks the transactions that bring an outside `value` in, so they are not echoed to onChange. */
const fromProps = Annotation.define<boolean>();

const theme = EditorView.theme(
  {
    '&': {
      color: 'var(--text)',
      backgroundColor: 'var(--canvas)',
      border: '1px solid var(--border-strong)',
      borderRadius: 'var(--radius)',
      fontSize: '12px',
    },
    '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '1px' },
    '.cm-scroller': {
      fontFamily: 'var(--mono)',
      lineHeight: '1.5',
      minHeight: 'calc(var(--code-editor-min-lines, 6) * 1.5em + 8px)',
      maxHeight: 'var(--code-editor-max-height, 24em)',
      overflow: 'auto',
    },
    '.cm-content': { caretColor: 'var(--accent)', padding: '4px 0' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
      { backgroundColor: '#2d4a6e' },
    '.cm-activeLine': { backgroundColor: '#ffffff08' },
    '.cm-gutters': {
      backgroundColor: 'var(--panel)',
      color: 'var(--text-faint)',
      borderRight: '1px solid var(--border)',
      borderRadius: 'var(--radius) 0 0 var(--radius)',
    },
    '.cm-activeLineGutter': { backgroundColor: '#ffffff0d', color: 'var(--text-dim)' },
    // Underlines in the app's problem colours, readable on the dark background.
    '.cm-lintRange': {
      backgroundImage: 'none',
      textDecorationLine: 'underline',
      textDecorationStyle: 'wavy',
      textDecorationSkipInk: 'none',
      textUnderlineOffset: '3px',
    },
    '.cm-lintRange-error': { textDecorationColor: 'var(--error)' },
    '.cm-lintRange-warning': { textDecorationColor: 'var(--warning)' },
    '.cm-lintRange-info': { textDecorationColor: 'var(--info)' },
    '.cm-tooltip': {
      backgroundColor: 'var(--panel-2)',
      color: 'var(--text)',
      border: '1px solid var(--border-strong)',
      borderRadius: 'var(--radius)',
      fontFamily: 'var(--font)',
      maxWidth: '36em',
    },
    '.cm-diagnostic': { padding: '4px 8px', whiteSpace: 'pre-wrap' },
    '.cm-diagnostic-error': { borderLeftColor: 'var(--error)' },
    '.cm-diagnostic-warning': { borderLeftColor: 'var(--warning)' },
    '.cm-diagnostic-info': { borderLeftColor: 'var(--info)' },
  },
  { dark: true },
);

function access(label: string, readOnly: boolean): Extension {
  return [
    EditorState.readOnly.of(readOnly),
    EditorView.editable.of(!readOnly),
    EditorView.contentAttributes.of({
      'aria-label': label,
      'aria-multiline': 'true',
      ...(readOnly ? { 'aria-readonly': 'true' } : {}),
    }),
  ];
}

/** The smallest change turning `from` into `to`, so the cursor and the undo history stay put. */
function diff(from: string, to: string): ChangeSpec {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end))
    end++;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

export function CodeMirrorEditor(props: CodeEditorProps) {
  const { label, value, problems, minLines, maxHeight } = props;
  const readOnly = props.readOnly === true || props.onChange === undefined;
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const accessRef = useRef(new Compartment());
  // The view is made once; its handlers read the newest props through this ref.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const appliedProblems = useRef('');

  useLayoutEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const initial = latest.current;
    const checkIncoming = (text: string, view: EditorView): string | undefined =>
      refusePastedText(
        latest.current.label,
        text,
        view.state.update(view.state.replaceSelection(text)).state.doc.toString(),
      );
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: initial.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          asteriskConf,
          syntaxHighlighting(asteriskConfHighlight),
          theme,
          accessRef.current.of(access(initial.label, initial.readOnly === true || !initial.onChange)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            if (update.transactions.every((tr) => tr.annotation(fromProps))) return;
            latest.current.onChange?.(update.state.doc.toString());
          }),
          EditorView.domEventHandlers({
            paste(event, view) {
              const text = event.clipboardData?.getData('text/plain') ?? '';
              const refused = checkIncoming(text, view);
              if (!refused) return false;
              event.preventDefault();
              latest.current.onRefusedPaste?.(refused);
              return true;
            },
            drop(event, view) {
              // Files dropped here are the page's to open (DropZone); the editor never reads them.
              if ([...(event.dataTransfer?.types ?? [])].includes('Files')) return true;
              const refused = checkIncoming(event.dataTransfer?.getData('text/plain') ?? '', view);
              if (!refused) return false;
              event.preventDefault();
              latest.current.onRefusedPaste?.(refused);
              return true;
            },
          }),
        ],
      }),
    });
    viewRef.current = view;
    appliedProblems.current = '';
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: accessRef.current.reconfigure(access(label, readOnly)) });
  }, [label, readOnly]);

  // The problem list of the last render, and one that no longer fits the text (see below).
  const lastProblems = useRef<readonly EditorProblem[] | undefined>(undefined);
  const staleProblems = useRef<readonly EditorProblem[] | undefined>(undefined);
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const current = view.state.doc.toString();
    const replaced = current !== value;
    if (replaced)
      view.dispatch({
        changes: diff(current, value),
        annotations: [fromProps.of(true), Transaction.addToHistory.of(false)],
      });
    const previous = lastProblems.current;
    lastProblems.current = problems;
    // Problems describe the text they were found in. Text replaced from outside (a file opened)
    // with the same problem list as before: the list is about the old text, so nothing is
    // underlined until a new list comes. Typing keeps them: CodeMirror moves them with the edits.
    if (replaced && problems === previous) {
      staleProblems.current = problems;
      applyProblems(view, [], appliedProblems);
      return;
    }
    if (problems !== undefined && problems === staleProblems.current) return;
    staleProblems.current = undefined;
    applyProblems(view, problems ?? [], appliedProblems);
  }, [value, problems]);

  const style = {
    '--code-editor-min-lines': String(minLines ?? 6),
    ...(maxHeight ? { '--code-editor-max-height': maxHeight } : {}),
  } as CSSProperties;
  return <div ref={host} className="code-editor" style={style} />;
}

/**
 * Sets the underlines when the problem list changed in content: an equal list passed again keeps
 * the ones CodeMirror has been moving along with the user's edits.
 */
function applyProblems(
  view: EditorView,
  problems: readonly EditorProblem[],
  applied: { current: string },
): void {
  const key = problemsKey(problems);
  if (key === applied.current) return;
  applied.current = key;
  view.dispatch(setDiagnostics(view.state, problemsToDiagnostics(view.state.doc, problems)));
}
