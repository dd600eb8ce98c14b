import type { RuntimeResult } from '../../model';
import { formatLogLine } from '../../engine';

/** Warnings and errors a command logged (e.g. `Soft unload failed, 'X' has use count N`). */
export function CommandWarnings({ result }: { result: RuntimeResult }) {
  const lines = result.log.filter((l) => l.level === 'WARNING' || l.level === 'ERROR');
  if (lines.length === 0) return null;
  return (
    <pre className="sim-message sim-message-warning">{lines.map((l) => formatLogLine(l)).join('\n')}</pre>
  );
}
