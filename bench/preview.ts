import { execSync, spawn, type ChildProcess } from 'node:child_process';

/** The port `npm run bench` serves the production build on (e2e runs use others). */
export const PORT = 4179;

let built = false;

/** Production build into dist/, once per `npm run bench` however many browser rows need it. */
export function buildOnce(root: string): void {
  if (built) return;
  execSync('npx vite build --logLevel error', { cwd: root, stdio: 'inherit' });
  built = true;
}

/** `vite preview` of dist/ on PORT; resolves when it answers. Kill the child to stop it. */
export async function startPreview(root: string): Promise<ChildProcess> {
  // vite itself, not through npx, so that killing the child stops the server.
  const child = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { cwd: root, stdio: 'ignore' },
  );
  // vite prints nothing when its output is not a terminal, so wait until the port answers.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('vite preview did not answer within 30 s');
}
