/** Reads a user's file through ingest's one gate (limits, binary check, decoding), as the worker does. */
import type { Problem } from '../src/model';
import { checkInputSize, checkTextInput, type TextInputKind } from '../src/ingest';
import type { CliIo } from './io';

export type TextFileResult = { text: string; problem?: undefined } | { text?: undefined; problem: Problem };

/** `option` names the flag the path came from, for "cannot read --data x" messages. */
export function readTextFile(io: CliIo, path: string, kind: TextInputKind, option: string): TextFileResult {
  try {
    const size = io.fileSize?.(path);
    // A file over its limit is refused before it is read.
    const tooLarge = size === undefined ? undefined : checkInputSize(path, size, kind);
    if (tooLarge) return { problem: tooLarge };
    const checked = checkTextInput(path, io.readBytes?.(path) ?? io.readFile(path), kind);
    if (checked.problem) return { problem: checked.problem };
    return { text: checked.text ?? '' };
  } catch (err) {
    return {
      problem: {
        severity: 'error',
        code: 'unknown-format',
        message: `Cannot read ${option} ${path}: ${err instanceof Error ? err.message : String(err)}.`,
        file: path,
      },
    };
  }
}
