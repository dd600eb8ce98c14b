import { useEffect, useId, useState } from 'react';
import type { SimulationResult } from '../../model';
import { useExplorer, useExplorerStore } from '../../store';
import { describeEvent } from './describeEvent';

/** Play takes about this long whatever the number of events. */
const PLAY_MS = 12_000;
const TICK_MS = 40;

/** A slider over the startup events; the graph shows every module as it stood at that step. */
export function Timeline({ result }: { result: SimulationResult }) {
  const id = useId();
  const store = useExplorerStore();
  const step = useExplorer((s) => s.timelineStep);
  const setStep = useExplorer((s) => s.setTimelineStep);
  const colourBy = useExplorer((s) => s.colourBy);
  const setColourBy = useExplorer((s) => s.setColourBy);
  const [playing, setPlaying] = useState(false);
  const count = result.events.length;
  const last = Math.max(0, count - 1);
  const value = step === undefined ? last : Math.min(step, last);
  const event = result.events[value];

  useEffect(() => {
    if (!playing) return;
    const stride = Math.max(1, Math.ceil(count / (PLAY_MS / TICK_MS)));
    const timer = setInterval(() => {
      // Read at each tick so the timer is not restarted on every step.
      const next = (store.getState().timelineStep ?? 0) + stride;
      if (next >= last) {
        setStep(undefined);
        setPlaying(false);
      } else setStep(next);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, count, last, setStep, store]);

  if (count === 0) return null;
  const atEnd = step === undefined || step >= last;

  return (
    <section className="sim-section" aria-label="Timeline">
      <h3 className="sim-heading">Timeline</h3>
      <div className="sim-timeline">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            if (playing) setPlaying(false);
            else {
              if (atEnd) setStep(0);
              if (colourBy !== 'outcome') setColourBy('outcome');
              setPlaying(true);
            }
          }}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <label htmlFor={id} className="visually-hidden">
          Timeline step
        </label>
        <input
          id={id}
          type="range"
          min={0}
          max={last}
          value={value}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (colourBy !== 'outcome') setColourBy('outcome');
            setStep(v >= last ? undefined : v);
          }}
        />
        <button
          type="button"
          className="btn btn-small"
          disabled={atEnd}
          onClick={() => {
            setPlaying(false);
            setStep(undefined);
          }}
        >
          End
        </button>
      </div>
      <p className="sim-step" aria-live="polite" aria-label="Timeline position">
        <span className="mono">
          Step {value + 1} of {count}
        </span>
        {atEnd
          ? result.runtime.length > 0
            ? ' · end state, after the run-time commands'
            : ' · end state'
          : event && ` · ${describeEvent(event)}`}
      </p>
    </section>
  );
}
