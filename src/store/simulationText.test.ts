import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { buildGraph } from '../engine/testing/buildGraph';
import { conf } from '../engine/testing/conf';
import { commandWarningLines, explainOutcome, transcriptRows } from './simulationText';

const graph = buildGraph({
  res_odbc: { priority: 10 },
  res_config_odbc: { requires: ['res_odbc'] },
  cdr_odbc: { requires: ['res_odbc'] },
});
const result = simulate(graph, conf('autoload = yes'), { commands: ['module unload res_odbc'] });
const unload = result.runtime[0];
if (!unload) throw new Error('the unload command did not run');

describe('simulation text for the views', () => {
  it("gives a refused unload's warning as Asterisk prints it", () => {
    expect(unload.ok).toBe(false);
    expect(commandWarningLines(unload)).toEqual([
      expect.stringMatching(/Soft unload failed, 'res_odbc' has use count 2/),
    ]);
  });

  it('gives the reason a recursive refresh refused: a module that holds itself until shutdown', () => {
    const pinned: typeof graph = {
      ...graph,
      runtimeReferences: [
        { module: 'cdr_odbc', takenBy: 'cdr_odbc', kind: 'shutdown-self', untilShutdown: true, sources: [] },
      ],
    };
    const refresh = simulate(pinned, conf('autoload = yes'), {
      commands: ['module refresh res_odbc recursively'],
    }).runtime[0];
    if (!refresh) throw new Error('the refresh did not run');
    expect(commandWarningLines(refresh)).toEqual([
      expect.stringMatching(
        /NOTICE.*Module cdr_odbc cannot be unloaded \(would still have use count 1\/1 after unloading dependents\)/,
      ),
      expect.stringMatching(/Recursive soft unload failed, 'res_odbc' has use count 2/),
    ]);
  });

  it('lists the startup log with its events, then each command and what it logged', () => {
    const rows = transcriptRows(result);
    const cli = rows.findIndex((r) => r.text === '*CLI> module unload res_odbc');
    expect(cli).toBe(result.log.length);
    expect(rows.slice(0, cli).some((r) => r.event !== undefined)).toBe(true);
    expect(rows.slice(cli + 1).map((r) => r.text)).toEqual(
      expect.arrayContaining(commandWarningLines(unload)),
    );
    expect(rows.slice(cli).every((r) => r.event === undefined)).toBe(true);
  });

  it('explains why a module started, naming what it required', () => {
    expect(
      explainOutcome(result, 'cdr_odbc')
        .map((s) => s.text)
        .join(' '),
    ).toMatch(/res_odbc/);
  });
});
