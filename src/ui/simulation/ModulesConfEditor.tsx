import { useMemo, useState } from 'react';
import { intentFindings, readEditorFile, selectSimulation, useExplorer } from '../../store';
import { CodeEditor } from '../editor/CodeEditor';

/**
 * modules.conf in a code editor, typed or opened from disk: its parse problems and what the last
 * run found about its lines (a listed module that does not run, a noload that takes others down)
 * are underlined at their lines; the parse problems are also listed with line and column.
 */
export function ModulesConfEditor() {
  const conf = useExplorer((s) => s.modulesConf);
  const setConf = useExplorer((s) => s.setModulesConf);
  const confProblems = useExplorer((s) => s.confProblems);
  const intent = useExplorer(selectSimulation)?.intent;
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const problems = useMemo(() => [...confProblems, ...intentFindings(intent)], [confProblems, intent]);

  return (
    <div className="sim-field">
      <div className="sim-field-head">
        <span className="sim-field-label">modules.conf</span>
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
              if (!file) return;
              // Refused up front (binary, over the size or line limit): the text in the editor stays.
              void readEditorFile(file, 'modules-conf').then((read) => {
                if (read.refused !== undefined) setRefusal(`${read.refused} The previous text is kept.`);
                else {
                  setRefusal(undefined);
                  setConf(read.text, file.name);
                }
              });
            }}
          />
        </label>
      </div>
      <CodeEditor
        label="modules.conf"
        value={conf.text}
        onChange={(text) => {
          setRefusal(undefined);
          setConf(text);
        }}
        problems={problems}
        onRefusedPaste={setRefusal}
        minLines={6}
        maxHeight="20em"
      />
      {refusal && (
        <p className="sim-notice sim-notice-rejected" role="alert" aria-label="modules.conf refused">
          {refusal}
        </p>
      )}
      {confProblems.length > 0 && (
        <ul className="sim-problems" aria-label="modules.conf problems">
          {confProblems.map((p, i) => (
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
