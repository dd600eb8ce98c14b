import { useId } from 'react';
import { useExplorer } from '../../store';

/** modules.conf as text, editable or opened from disk; its problems are listed with line and column. */
export function ModulesConfEditor() {
  const id = useId();
  const conf = useExplorer((s) => s.modulesConf);
  const setConf = useExplorer((s) => s.setModulesConf);
  const problems = useExplorer((s) => s.confProblems);

  return (
    <div className="sim-field">
      <div className="sim-field-head">
        <label htmlFor={id}>modules.conf</label>
        <span className="dim mono sim-file">{conf.file}</span>
        <label className="btn btn-small sim-open sim-push">
          Open modules.conf
          <input
            type="file"
            className="visually-hidden"
            aria-label="Open modules.conf"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.text().then((text) => setConf(text, file.name));
            }}
          />
        </label>
      </div>
      <textarea
        id={id}
        className="sim-conf mono"
        spellCheck={false}
        rows={6}
        value={conf.text}
        onChange={(e) => setConf(e.target.value)}
      />
      {problems.length > 0 && (
        <ul className="sim-problems" aria-label="modules.conf problems">
          {problems.map((p, i) => (
            <li key={i} className={`sim-problem sim-problem-${p.severity}`}>
              <span className="mono">
                {p.file}
                {p.line !== undefined && `:${p.line}`}
                {p.column !== undefined && `:${p.column}`}
              </span>{' '}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
