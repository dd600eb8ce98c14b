import { useId } from 'react';

/** A labelled text box suggesting the graph's module names (a datalist shared by the tab). */
export function ModuleNameInput({
  label,
  value,
  onChange,
  suggestions,
  placeholder = 'module name',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Id of the datalist of module names. */
  suggestions: string;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div className="explain-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input mono"
        list={suggestions}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** The graph's module names, suggested by every module box of a tab. */
export function ModuleNameList({ id, names }: { id: string; names: readonly string[] }) {
  return (
    <datalist id={id}>
      {names.map((m) => (
        <option key={m} value={m} />
      ))}
    </datalist>
  );
}
