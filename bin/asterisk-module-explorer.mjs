#!/usr/bin/env node
// Runs the TypeScript CLI (cli/main.ts) through tsx, a devDependency of this project, so it works
// from a fresh clone after `npm install`, with no build step.
import process from 'node:process';

let tsImport;
try {
  ({ tsImport } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('asterisk-module-explorer: tsx is missing; run `npm install` in the project first.\n');
  process.exit(1);
}
const { runCli } = await tsImport('../cli/main.ts', import.meta.url);
const { nodeIo } = await tsImport('../cli/io.ts', import.meta.url);
process.exitCode = await runCli(process.argv.slice(2), nodeIo());
