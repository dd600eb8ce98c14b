import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ModuleGraph } from '../../model';
import {
  selectBuiltinVersions,
  selectUpgrade,
  selectUpgradeAttempt,
  selectUpgradeIsStale,
  selectUpgradeTo,
  useExplorer,
} from '../../store';
import type { UpgradeResult } from '../../worker';
import { useDelayedFlag } from '../explain/useDelayedFlag';
import { CodeEditor } from '../editor/CodeEditor';
import { downloadText } from '../files/download';
import { ProblemList } from './PlanResult';
import { FINDING_LABELS, upgradeVerdict } from './planText';
import { RetryNotice, useRerunWhenStale } from './rerun';

/** Carries the Simulate tab's modules.conf again once it, the version or the target stay still. */
function useReupgrade(): void {
  const stale = useExplorer(selectUpgradeIsStale);
  const graph = useExplorer((s) => s.graph);
  const conf = useExplorer((s) => s.modulesConf);
  const to = useExplorer(selectUpgradeTo);
  const run = useExplorer((s) => s.runUpgrade);
  useRerunWhenStale(stale, run, [graph, conf, to]);
}

export function UpgradeResultView({ result, file }: { result: UpgradeResult; file: string }) {
  const verdict = upgradeVerdict(result, file);
  return (
    <div className="plan-result" role="region" aria-label="Upgrade result">
      <div className="plan-section">
        <p
          className={`sim-verdict ${verdict.ok ? 'sim-verdict-ok' : 'sim-verdict-failed'}`}
          role="status"
          aria-label="Upgrade verdict"
        >
          {verdict.text}
        </p>
      </div>
      <section className="plan-section" aria-label="Findings">
        <h3 className="plan-heading">
          Findings <span className="dim">({result.findings.length})</span>
        </h3>
        {result.findings.length === 0 ? (
          <p className="dim plan-small">
            Every line names a module Asterisk {result.to} has, and none would newly fail.
          </p>
        ) : (
          <ul className="plan-findings" aria-label="Upgrade findings">
            {result.findings.map((f, i) => (
              <li key={i} className={`plan-finding plan-finding-${f.kind}`}>
                <div className="plan-module-head">
                  <span className="mono">
                    line {f.line}: {f.option} =&gt; {f.value}
                  </span>{' '}
                  <span className="plan-option">{FINDING_LABELS[f.kind]}</span>{' '}
                  {f.replacement && (
                    <span className="mono plan-replacement">
                      <span aria-hidden="true">→ </span>
                      <span className="visually-hidden">replaced by </span>
                      {f.replacement}.so
                    </span>
                  )}
                </div>
                <p className="plan-reason">{f.message}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="plan-section" aria-label="Rewritten modules.conf">
        <div className="sim-field-head">
          <h3 className="plan-heading">Rewritten modules.conf</h3>
          <button
            type="button"
            className="btn btn-primary btn-small sim-push"
            onClick={() =>
              downloadText('modules.conf', result.text.endsWith('\n') ? result.text : `${result.text}\n`)
            }
          >
            Download rewritten modules.conf
          </button>
        </div>
        <CodeEditor label="Rewritten modules.conf" value={result.text} minLines={8} maxHeight="28em" />
      </section>
    </div>
  );
}

export function UpgradeSection({ graph }: { graph: ModuleGraph }) {
  useReupgrade();
  const toId = useId();
  const fromId = useId();
  const versions = useExplorer(useShallow(selectBuiltinVersions));
  const to = useExplorer(selectUpgradeTo);
  const setTo = useExplorer((s) => s.setUpgradeTo);
  const chosenFrom = useExplorer((s) => s.upgradeFrom);
  const setFrom = useExplorer((s) => s.setUpgradeFrom);
  const conf = useExplorer((s) => s.modulesConf);
  const setTab = useExplorer((s) => s.setSidePanelTab);
  const running = useDelayedFlag(useExplorer((s) => s.upgradeStatus === 'running'));
  const attempt = useExplorer(selectUpgradeAttempt);
  const result = useExplorer(selectUpgrade);
  const runUpgrade = useExplorer((s) => s.runUpgrade);
  const lines = conf.text.split('\n').filter((l) => l.trim() !== '').length;
  const onScreen = graph.info.version;
  const from = chosenFrom ?? onScreen;
  const rejected = attempt?.response && !attempt.response.result;

  return (
    <>
      <div className="sim-section">
        <div className="sim-field">
          <div className="sim-field-head">
            <span className="sim-label">modules.conf</span>
            <span className="plan-small">
              the Simulate tab&apos;s <span className="mono">{conf.file}</span>{' '}
              <span className="dim">({lines} lines)</span>
            </span>
            <button type="button" className="btn btn-small sim-push" onClick={() => setTab('simulate')}>
              Edit in Simulate
            </button>
          </div>
        </div>
        <div className="plan-versions">
          <div className="explain-field">
            <label htmlFor={fromId}>From version</label>
            <select
              id={fromId}
              className="select"
              value={chosenFrom ?? ''}
              onChange={(e) => setFrom(e.target.value === '' ? undefined : e.target.value)}
            >
              <option value="">{onScreen} (on screen)</option>
              {[...versions]
                .reverse()
                .filter((v) => v !== onScreen)
                .map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
            </select>
          </div>
          <div className="explain-field">
            <label htmlFor={toId}>To version</label>
            <select id={toId} className="select" value={to ?? ''} onChange={(e) => setTo(e.target.value)}>
              {[...versions].reverse().map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="dim plan-small">
          From: the version the file was written for (the one on screen unless you pick another).
        </p>
      </div>
      <div className="plan-status">
        {running && (
          <p className="dim plan-small" role="status">
            Carrying {conf.file} from Asterisk {from} to {to}…
          </p>
        )}
        {attempt?.message && <RetryNotice message={attempt.message} retry={runUpgrade} />}
        {rejected && (
          <p className="sim-notice sim-notice-rejected" role="alert">
            Asterisk would refuse {attempt.inputs.modulesConf.file}; fix it in the Simulate tab.
            {result ? ' The result shown is the previous one.' : ''}
          </p>
        )}
        {rejected && (
          <ProblemList label="modules.conf problems" problems={attempt.response?.confProblems ?? []} />
        )}
      </div>
      {result && <UpgradeResultView result={result} file={conf.file} />}
    </>
  );
}
