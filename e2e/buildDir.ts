/**
 * Where the e2e build goes for a given E2E_PORT: several runs at once each build and serve their
 * own folder (see playwright.config.ts).
 */
export function e2ePort(): number {
  return Number(process.env.E2E_PORT ?? 4173);
}

export function e2eBuildDir(port = e2ePort()): string {
  return port === 4173 ? 'dist' : `.e2e-dist/${port}`;
}
