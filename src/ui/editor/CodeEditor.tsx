/**
 * A code editor for Asterisk config files (modules.conf, extensions.conf): line numbers, syntax
 * colouring, problems underlined at their line and column with the message on hover, and pastes
 * of binary or oversized text refused. CodeMirror is imported on first use (React.lazy), so the
 * first screen's bundle does not carry it.
 */
import { lazy, Suspense } from 'react';
import type { JSX } from 'react';
import type { CodeEditorProps } from './editorTypes';
import './codeEditor.css';

export type { CodeEditorProps, EditorProblem } from './editorTypes';

const LazyEditor = lazy(() => import('./CodeMirrorEditor').then((m) => ({ default: m.CodeMirrorEditor })));

export function CodeEditor(props: CodeEditorProps): JSX.Element {
  const minLines = props.minLines ?? 6;
  return (
    <Suspense
      fallback={
        <div
          className="code-editor code-editor-loading"
          style={{ minHeight: `calc(${minLines} * 1.5em + 10px)` }}
          aria-busy="true"
        >
          <span className="dim">Loading the editor for {props.label}…</span>
        </div>
      }
    >
      <LazyEditor {...props} />
    </Suspense>
  );
}
