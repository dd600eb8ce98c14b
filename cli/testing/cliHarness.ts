/** Runs the CLI in-process for tests: real files and datasets, output captured instead of printed. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeIo } from '../io';
import { runCli } from '../main';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io = {
    ...nodeIo(root),
    stdout: (s: string) => void (out += s),
    stderr: (s: string) => void (err += s),
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** A scratch folder per test file; `file` writes into it and returns the path. */
export function scratchFiles(prefix: string): (name: string, content: string | Uint8Array) => string {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  return (name, content) => {
    const path = join(scratch, name);
    writeFileSync(path, content);
    return path;
  };
}
