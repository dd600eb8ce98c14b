/** What the CLI touches outside itself, injected so tests can run it in-process. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a text file; throws with a readable message when it cannot. */
  readFile(path: string): string;
  /** Reads a file's bytes, for inputs decoded by ingest (`checkTextInput`); throws like readFile. */
  readBytes?(path: string): Uint8Array;
  /** Size in bytes, so a file over its limit is refused before it is read. */
  fileSize?(path: string): number;
  /** Whether a path names a readable file. */
  exists(path: string): boolean;
  /** The entries of a directory in readdir order, or undefined when the path is not a directory. */
  listDir?(path: string): string[] | undefined;
}

/** The real process streams and file system, paths relative to `cwd`. */
export function nodeIo(cwd = process.cwd()): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(resolve(cwd, path), 'utf8'),
    readBytes: (path) => readFileSync(resolve(cwd, path)),
    fileSize: (path) => statSync(resolve(cwd, path)).size,
    listDir: (path) => {
      const full = resolve(cwd, path);
      try {
        if (!statSync(full).isDirectory()) return undefined;
      } catch {
        return undefined;
      }
      return readdirSync(full);
    },
    exists: (path) => {
      try {
        readFileSync(resolve(cwd, path));
        return true;
      } catch {
        return false;
      }
    },
  };
}
