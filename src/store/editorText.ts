/**
 * The size and binary rules for text the user puts into an editor (typed, pasted or opened), for
 * the views: the one implementation is ingest's `checkTextInput`, which the worker and the CLI
 * apply to the same kinds of file. A paste has to be checked synchronously, before the editor
 * inserts it, so this runs on the main thread; it reads at most one file of 1 MB.
 */
import { checkInputSize, checkTextInput } from '../ingest/textInput';
import type { TextInputKind } from '../ingest/textInput';

export type EditorTextKind = Extract<TextInputKind, 'modules-conf' | 'dialplan'>;

/**
 * Which limits a file name (or an editor's label, "Planned modules.conf") falls under: modules.conf,
 * or a dialplan file for everything else.
 */
export function editorTextKind(name: string): EditorTextKind {
  return /(^|[\s/\\])modules\.conf$/i.test(name.trim()) ? 'modules-conf' : 'dialplan';
}

/**
 * Why pasting `pasted` into the editor of `name` is refused (it looks binary, or it or the text
 * it would make is over the limits), or undefined when it may go in.
 */
export function refusePastedText(name: string, pasted: string, resulting: string): string | undefined {
  const kind = editorTextKind(name);
  const own = checkTextInput('The pasted text', pasted, kind).problem;
  if (own) return `Paste refused: ${own.message}`;
  const whole = checkTextInput(name, resulting, kind).problem;
  if (whole) return `Paste refused: with the pasted text, ${whole.message}`;
  return undefined;
}

export type EditorFileResult = { text: string; refused?: undefined } | { text?: undefined; refused: string };

/**
 * Reads a file opened into an editor: its text (decoded as the worker decodes files), or why it
 * was refused, naming the file. A file over the size limit is refused before it is read.
 */
export async function readEditorFile(
  file: Blob & { name: string },
  kind?: EditorTextKind,
): Promise<EditorFileResult> {
  const as = kind ?? editorTextKind(file.name);
  const tooLarge = checkInputSize(file.name, file.size, as);
  if (tooLarge) return { refused: tooLarge.message };
  const checked = checkTextInput(file.name, new Uint8Array(await file.arrayBuffer()), as);
  if (checked.text === undefined)
    return { refused: checked.problem?.message ?? `${file.name} was not read.` };
  return { text: checked.text };
}
