import type { RuntimeResult } from '../../model';
import { commandWarningLines } from '../../store';

/** Warnings and errors a command logged (e.g. `Soft unload failed, 'X' has use count N`). */
export function CommandWarnings({ result }: { result: RuntimeResult }) {
  const lines = commandWarningLines(result);
  if (lines.length === 0) return null;
  return <pre className="sim-message sim-message-warning">{lines.join('\n')}</pre>;
}
