import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { parseModulesConf } from '../../ingest/modulesConf';
import { simulate } from '../simulate';
import { intentOf } from '../intent/intentOf';
import { graphToDot } from './dot';
import { loadOrderCsv, loadOrderRows } from './loadOrder';
import { simulationReport } from './report';

const graph = loadBuiltinDatasetNode('23.4.1');
const builtins = Object.values(graph.modules)
  .filter((m) => m.kind === 'builtin')
  .map((m) => m.name);
const TEXT = '[modules]\nautoload = yes\nnoload => res_pjsip.so\nload => app_macro.so\n';
const conf = parseModulesConf(TEXT, 'modules.conf', { builtins }).data;
if (!conf) throw new Error('fixture modules.conf');
const faults = { res_curl: 'decline' } as const;
const result = simulate(graph, conf, { faults });
// The comparison runs behind what a noload takes down carry the same faults.
const intent = intentOf(graph, conf, result, { faults });

/** A minimal RFC 4180 reader, to check the export reads back as the rows it was made from. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r') continue;
    else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('exports', () => {
  it('the load order CSV has every module once: started in start order, then declined, then not loaded', () => {
    const rows = loadOrderRows(result);
    const csv = readCsv(loadOrderCsv(rows));
    expect(csv[0]).toEqual(['position', 'module', 'state', 'reason', 'causes', 'use_count']);
    const body = csv.slice(1);
    expect(body).toHaveLength(result.started.length + result.declined.length + result.notLoaded.length);
    expect(body.slice(0, result.started.length).map((r) => r[1])).toEqual(result.started);
    expect(body.slice(0, 3).map((r) => r[0])).toEqual(['1', '2', '3']);
    const curl = body.find((r) => r[1] === 'res_curl');
    expect(curl?.slice(2, 4)).toEqual(['declined', 'self']);
    const funcCurl = body.find((r) => r[1] === 'func_curl');
    expect(funcCurl?.[2]).toBe('declined');
    expect(funcCurl?.[4]).toContain('res_curl');
    expect(body.find((r) => r[1] === 'res_pjsip')?.slice(2, 4)).toEqual(['not-loaded', 'noload']);
  });

  it('the report leads with the failing line and what the noload takes down, then why-chains', () => {
    const md = simulationReport({ graph, result, intent, loaderLabel: 'Current' });
    expect(md).toMatch(/^# Asterisk 23\.4\.1: what `modules\.conf` does at startup \(simulated\)/);
    expect(md).toContain('- line 4: `load => app_macro.so`: **unknown module**');
    const noload = intent.noloads[0];
    expect(noload).toBeDefined();
    expect(md).toContain(`- line 3: \`noload => res_pjsip.so\` disables ${noload?.takesDown.length} modules`);
    expect(md).toContain('`chan_pjsip`');
    expect(md).toMatch(/### `func_curl`: declined \(cascade\)\n\n1\. .*res_curl/);
    const order = ['## What', '### noload lines', '## Declined or failed modules', '## Counts'].map((h) =>
      md.indexOf(h),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i > 0)).toBe(true);
  });

  it('the DOT export is read by Graphviz, with every module and edge kind asked for', async () => {
    const dot = graphToDot(graph);
    const graphviz = await Graphviz.load();
    const json = JSON.parse(graphviz.layout(dot, 'json', 'dot')) as {
      objects?: Array<{ name: string; nodes?: number[] }>;
      edges?: unknown[];
    };
    const modules = Object.values(graph.modules).filter((m) => m.kind === 'loadable' || m.kind === 'builtin');
    const nodes = (json.objects ?? []).filter((o) => !o.name.startsWith('cluster_'));
    expect(nodes.map((n) => n.name).sort()).toEqual(modules.map((m) => m.name).sort());
    const edges = graph.edges.filter(
      (e) =>
        graph.modules[e.to] &&
        ['loadable', 'builtin'].includes(graph.modules[e.to]?.kind ?? '') &&
        graph.modules[e.from],
    );
    expect(json.edges?.length).toBe(
      edges.filter((e) => ['loadable', 'builtin'].includes(graph.modules[e.from]?.kind ?? '')).length,
    );

    const focus = graphToDot(graph, {
      modules: ['chan_pjsip', 'res_pjsip', 'res_sorcery_config'],
      kinds: ['requires'],
    });
    expect(focus).toContain('"chan_pjsip" -> "res_pjsip" [label="requires", style=bold];');
    expect(focus).not.toContain('app_dial');
  });
});
