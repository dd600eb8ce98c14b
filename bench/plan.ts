import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleGraph } from '../src/model';
import { parseMetadataXml } from '../src/ingest';
import { parseDialplan } from '../src/ingest/dialplan/parseDialplan';
import { planModulesConf } from '../src/engine/plan/planModulesConf';
import { row, timeSync, type BenchRow } from './stats';

function dataset(root: string, version: string): ModuleGraph {
  const file = join(root, 'public/datasets', `${version}.xml`);
  const { data, problems } = parseMetadataXml(readFileSync(file, 'utf8'), file);
  if (!data) throw new Error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
  return data;
}

/**
 * Planning a modules.conf for the stock extensions.conf.sample on the master dataset: parsing the
 * dialplan, mapping, closing, writing, verifying with the simulator and the autoload comparison.
 * Loading the dataset is not timed.
 */
export async function benchPlan(root: string, shared: string, runs: number): Promise<BenchRow> {
  const graph = dataset(root, 'master');
  const text = readFileSync(join(shared, 'master/configs/extensions.conf.sample'), 'utf8');
  let summary = '';
  const samples = timeSync(
    () => {
      const dialplan = parseDialplan([{ name: 'extensions.conf', text }]).data;
      const plan = planModulesConf(dialplan ? { graph, dialplan } : { graph });
      summary = `${plan.modules.length} modules planned (${plan.saving.before} with autoload), ${plan.warnings.length} warnings, verified ${plan.verification.ok ? 'ok' : 'with findings'}`;
    },
    Math.max(runs, 15),
    5,
  );
  return row('plan: stock extensions.conf.sample on master (Node)', samples, 50, summary);
}
