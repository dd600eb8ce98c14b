import { useExplorer } from '../../store';
import { ProblemList } from '../plan/PlanResult';

/** Opens the server's sorcery.conf: its wizard mappings decide which wizard modules are in use. */
export function SorceryConfInput() {
  const sorceryConf = useExplorer((s) => s.sorceryConf);
  const setSorceryConf = useExplorer((s) => s.setSorceryConf);
  const problems = useExplorer((s) => s.sorceryProblems);
  return (
    <div className="sim-field sim-sorcery" aria-label="sorcery.conf" role="group">
      <span className="sim-sorcery-label">sorcery.conf</span>
      <label
        className="btn btn-small"
        title="/etc/asterisk/sorcery.conf: realtime, astdb or memory_cache mappings"
      >
        Open sorcery.conf
        <input
          type="file"
          className="visually-hidden"
          aria-label="Open sorcery.conf"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            void file.text().then((text) => setSorceryConf({ text, file: file.name }));
          }}
        />
      </label>
      {sorceryConf ? (
        <>
          <span className="mono dim">{sorceryConf.file}</span>
          <button
            type="button"
            className="btn btn-small btn-icon"
            aria-label={`Close ${sorceryConf.file}`}
            onClick={() => void setSorceryConf(undefined)}
          >
            ×
          </button>
        </>
      ) : (
        <span className="dim">none: each object type keeps the wizard its module maps by default</span>
      )}
      <div className="sim-sorcery-problems">
        <ProblemList label="sorcery.conf problems" problems={problems} />
      </div>
    </div>
  );
}
