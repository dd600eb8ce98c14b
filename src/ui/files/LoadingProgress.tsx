import { useExplorer } from '../../store';
import type { Loading } from '../../store';

function describe(loading: Loading): { title: string; detail: string; fraction: number | undefined } {
  if (loading.kind === 'builtin')
    return { title: `Loading Asterisk ${loading.version}`, detail: 'Built-in dataset', fraction: undefined };
  const p = loading.progress;
  const names = loading.names.join(', ');
  if (!p) return { title: `Opening ${names}`, detail: 'Starting…', fraction: undefined };
  const fraction = p.totalBytes > 0 ? p.bytesRead / p.totalBytes : undefined;
  switch (p.phase) {
    case 'reading':
      return {
        title: `Reading ${p.fileName ?? ''}`,
        detail: `File ${p.fileIndex} of ${p.fileCount}${p.format ? ` · ${p.format}` : ''}`,
        fraction,
      };
    case 'loading-builtins':
      return {
        title: 'Loading built-in datasets',
        detail: 'To borrow load order facts',
        fraction: undefined,
      };
    case 'parsing':
      return {
        title: `Parsing and merging ${p.fileCount === 1 ? 'the file' : `${p.fileCount} files`}`,
        detail: names,
        fraction: undefined,
      };
    case 'done':
      return { title: 'Drawing', detail: names, fraction: 1 };
  }
}

/** What is loading, how far it got, and a Cancel button; the previous graph stays visible behind it. */
export function LoadingProgress() {
  const loading = useExplorer((s) => s.loading);
  const cancel = useExplorer((s) => s.cancelLoading);
  if (!loading) return null;
  const { title, detail, fraction } = describe(loading);
  return (
    <div className="progress-card" role="status" aria-label="Loading progress">
      <div className="progress-text">
        <strong>{title}</strong>
        <span className="dim">{detail}</span>
      </div>
      <progress
        className="progress-bar"
        aria-label={title}
        {...(fraction === undefined ? {} : { value: Math.round(fraction * 100), max: 100 })}
      />
      <button type="button" className="btn btn-small" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
