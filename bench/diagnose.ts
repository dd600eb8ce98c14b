import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleGraph } from '../src/model';
import { parseMetadataXml } from '../src/ingest';
import { parseModulesConf } from '../src/ingest/modulesConf';
import { parseModuleShow, parseStartupLog } from '../src/ingest/server';
import { diagnose } from '../src/engine/diagnose';
import { row, timeSync, type BenchRow } from './stats';

function dataset(root: string, version: string): ModuleGraph {
  const file = join(root, 'public/datasets', `${version}.xml`);
  const { data, problems } = parseMetadataXml(readFileSync(file, 'utf8'), file);
  if (!data) throw new Error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
  return data;
}

/**
 * `diagnose` of the whole recorded startup log of the master build (scenario 01-baseline-autoload,
 * read from ../shared: 2,757 lines): parsing the log and module show, the simulation for the same
 * modules.conf and module files, and the comparison. Reading the files and the dataset is not timed.
 */
export async function benchDiagnose(root: string, shared: string, runs: number): Promise<BenchRow> {
  const graph = dataset(root, 'master');
  const dir = join(shared, 'master/loader-traces/scenarios/01-baseline-autoload');
  const log = readFileSync(join(dir, 'full.log'), 'utf8');
  const show = readFileSync(join(dir, 'module_show.txt'), 'utf8');
  const confText = readFileSync(join(dir, 'modules.conf'), 'utf8');
  const available = readFileSync(join(dir, 'so_files_readdir_order.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  let summary = '';
  const samples = timeSync(
    () => {
      const parsedLog = parseStartupLog(log, 'full.log').data;
      const moduleShow = parseModuleShow(show, 'module_show.txt').data;
      const conf = parseModulesConf(confText, 'modules.conf', { builtins: graph.info.builtinOrder }).data;
      if (!parsedLog || !moduleShow || !conf) throw new Error('unreadable trace');
      const { diagnosis } = diagnose(graph, { log: parsedLog, moduleShow, conf, available });
      summary = `${log.split('\n').length} log lines, ${diagnosis.counts.compared} modules compared, ${diagnosis.disagreements.length} differ (own-load declines not expected)`;
    },
    Math.max(runs, 15),
    5,
  );
  return row('diagnose of a full startup log (master 01-baseline, Node)', samples, 100, summary);
}
