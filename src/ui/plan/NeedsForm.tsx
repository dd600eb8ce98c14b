import { useId } from 'react';
import type { ModuleGraph } from '../../model';
import { planChoicesOf, useExplorer } from '../../store';
import type { PlanChoice, PlanNeedsChoice } from '../../store';

type ListKey = 'channels' | 'codecs' | 'formats' | 'cdr' | 'cel';

interface ChoiceGroupProps {
  title: string;
  hint?: string;
  listKey: ListKey;
  choices: readonly PlanChoice[];
  open?: boolean;
}

function ChoiceGroup({ title, hint, listKey, choices, open = false }: ChoiceGroupProps) {
  const chosen = useExplorer((s) => s.planNeeds[listKey]);
  const setNeeds = useExplorer((s) => s.setPlanNeeds);
  if (choices.length === 0) return null;
  const toggle = (value: string, on: boolean): void => {
    const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
    setNeeds({ [listKey]: next } as Partial<PlanNeedsChoice>);
  };
  return (
    <details className="plan-needs-group" open={open}>
      <summary>
        {title}
        {chosen.length > 0 && <span className="dim"> ({chosen.length} chosen)</span>}
      </summary>
      <fieldset className="plan-choices">
        <legend className="visually-hidden">{title}</legend>
        {hint && <p className="dim plan-small">{hint}</p>}
        {choices.map((c) => (
          <label key={c.value} title={c.module}>
            <input
              type="checkbox"
              checked={chosen.includes(c.value)}
              onChange={(e) => toggle(c.value, e.target.checked)}
            />
            <span className="mono">{c.label}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** "Needs the dialplan does not show": channel configs, codecs, formats, backends, ARI, modules to keep. */
export function NeedsForm({ graph }: { graph: ModuleGraph }) {
  const keepId = useId();
  const choices = planChoicesOf(graph);
  const moh = useExplorer((s) => s.planNeeds.musicOnHold);
  const ari = useExplorer((s) => s.planNeeds.ari);
  const keep = useExplorer((s) => s.planNeeds.keep);
  const setNeeds = useExplorer((s) => s.setPlanNeeds);

  return (
    <fieldset className="plan-needs">
      <legend className="sim-label plan-legend">Needs the dialplan does not show</legend>
      <ChoiceGroup
        title="Channel drivers"
        hint="Config files present, or drivers the dialplan does not name. pjsip.conf brings the PJSIP modules endpoints and trunks rely on."
        listKey="channels"
        choices={choices.channels}
        open
      />
      <ChoiceGroup
        title="Codecs"
        hint="None chosen: ulaw and alaw when calls go over a channel driver."
        listKey="codecs"
        choices={choices.codecs}
      />
      <ChoiceGroup
        title="Sound file formats"
        hint="None chosen: gsm and wav when the dialplan plays or records files."
        listKey="formats"
        choices={choices.formats}
      />
      <ChoiceGroup title="CDR backends" listKey="cdr" choices={choices.cdr} />
      <ChoiceGroup title="CEL backends" listKey="cel" choices={choices.cel} />
      <div className="plan-flags">
        {choices.musicOnHold && (
          <label>
            <input
              type="checkbox"
              checked={moh}
              onChange={(e) => setNeeds({ musicOnHold: e.target.checked })}
            />
            Music on hold
          </label>
        )}
        {choices.ari && (
          <label>
            <input type="checkbox" checked={ari} onChange={(e) => setNeeds({ ari: e.target.checked })} />
            ARI (the Asterisk REST Interface)
          </label>
        )}
      </div>
      <div className="sim-field">
        <label htmlFor={keepId}>Keep these modules</label>
        <input
          id={keepId}
          className="input mono"
          placeholder="res_http_websocket, app_fax"
          spellCheck={false}
          value={keep}
          onChange={(e) => setNeeds({ keep: e.target.value })}
        />
      </div>
      <p className="dim plan-small">The manager (AMI) and the HTTP server are built in and need nothing.</p>
    </fieldset>
  );
}
