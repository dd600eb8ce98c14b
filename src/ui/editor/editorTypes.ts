import type { EditorProblem } from './diagnostics';

export type { EditorProblem } from './diagnostics';

export interface CodeEditorProps {
  /** Accessible name of the editable area (role textbox); also the file name in messages. */
  label: string;
  value: string;
  /** Called with the whole text after each edit by the user; absent => read-only. */
  onChange?: (text: string) => void;
  /**
   * Underlined at line/column (the whole line without a column); hovering shows the message. They
   * move with the user's edits; when `value` is replaced from outside while the same list (the same
   * array) is passed, the list is taken to be about the old text and nothing is underlined until a
   * new list comes.
   */
  problems?: readonly EditorProblem[];
  readOnly?: boolean;
  /** Height of the empty editor, in lines (default 6). */
  minLines?: number;
  /** CSS length beyond which the editor scrolls (default 24em). */
  maxHeight?: string;
  /** A paste (or dropped text) was refused as binary or over the size limits; says what and why. */
  onRefusedPaste?: (message: string) => void;
}
