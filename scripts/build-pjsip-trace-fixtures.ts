/**
 * Copies the facts of the pjsip loader traces into src/engine/fixtures/pjsip/, so tests can replay
 * them without the recordings.
 *
 * Source: a trace folder written by the recording described in docs/pjsip-traces.md (default
 * /work/pjsip-build/traces, or the first argument). The traces come from Asterisk master at commit
 * f0c1c1a7b79b0f8cc0311649bf36824cbeee30a9 (github.com/asterisk/asterisk), the same commit as the
 * shared loader traces, built with its bundled pjproject 2.17 (github.com/pjsip/pjproject, tag
 * 2.17) and recorded the way ../shared/data/asterisk/master/loader-traces/README.md describes.
 * What is copied, per scenario:
 *   modules.conf                 -> fixtures/pjsip/<scenario>/modules.conf (header comment added)
 *   extra-configs/*              -> fixtures/pjsip/<scenario>/extra-configs/* (header comment added)
 *   so_files_readdir_order.txt   -> fixtures/pjsip/<scenario>/available.txt (header comment added)
 *   result.json, loader.log, module_show*.txt, runtime.json -> fixtures/pjsip/<scenario>/expected.json,
 *     with the same fields as scripts/build-trace-fixtures.ts writes for the shared traces.
 * And once: modules-metadata.json -> fixtures/pjsip/modules-metadata.json, the modules this build
 * has beyond the shared table (the pjproject-based ones) plus the two whose requires are compiled
 * only with pjproject (res_rtp_asterisk, res_prometheus).
 *
 * Usage: npx tsx scripts/build-pjsip-trace-fixtures.ts [path/to/traces]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { expectedFacts, readdirOrder } from './traceFacts';
import type { ResultJson } from './traceFacts';

const COMMIT = 'f0c1c1a7b79b0f8cc0311649bf36824cbeee30a9';
const PJPROJECT = '2.17';
const SCENARIOS = [
  '01-baseline-autoload',
  '02-noload-res_pjsip',
  '03-res_pjsip-declines',
  '04-runtime-refresh-res_pjsip',
];
/** Built from the same source as the shared table, but their requires exist only with pjproject. */
const CONDITIONAL_ON_PJPROJECT = ['res_rtp_asterisk', 'res_prometheus'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tracesDir = resolve(process.argv[2] ?? '/work/pjsip-build/traces');
const outDir = join(root, 'src/engine/fixtures/pjsip');

function header(path: string, comment: string): string {
  return [
    `${comment} Copied from the pjsip loader traces (${path}; Asterisk ${COMMIT} with pjproject ${PJPROJECT})`,
    `${comment} by scripts/build-pjsip-trace-fixtures.ts; see docs/pjsip-traces.md. Do not edit.`,
  ].join('\n');
}

async function writeJson(target: string, value: unknown): Promise<void> {
  // Written as the project's formatter would, so `prettier --check` stays quiet.
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(target, await format(JSON.stringify(value), { ...options, filepath: target }));
}

async function build(scenario: string): Promise<void> {
  const src = join(tracesDir, scenario);
  const dest = join(outDir, scenario);
  mkdirSync(dest, { recursive: true });
  const read = (name: string): string => readFileSync(join(src, name), 'utf8');

  writeFileSync(
    join(dest, 'modules.conf'),
    `${header(`${scenario}/modules.conf`, ';')}\n${read('modules.conf')}`,
  );
  const extraDir = join(src, 'extra-configs');
  const extraConfigs = existsSync(extraDir) ? readdirSync(extraDir).sort() : [];
  for (const file of extraConfigs) {
    mkdirSync(join(dest, 'extra-configs'), { recursive: true });
    writeFileSync(
      join(dest, 'extra-configs', file),
      `${header(`${scenario}/extra-configs/${file}`, ';')}\n${read(join('extra-configs', file))}`,
    );
  }
  const files = readdirOrder(read('so_files_readdir_order.txt'));
  writeFileSync(
    join(dest, 'available.txt'),
    `${header(`${scenario}/so_files_readdir_order.txt`, '#')}\n${files.join('\n')}\n`,
  );

  const result = JSON.parse(read('result.json')) as ResultJson;
  const isRuntime = existsSync(join(src, 'runtime.json'));
  const expected = expectedFacts(
    {
      scenario: `pjsip loader traces: ${scenario}`,
      asteriskCommit: COMMIT,
      pjproject: PJPROJECT,
      extraConfigs,
      generatedBy: 'scripts/build-pjsip-trace-fixtures.ts',
    },
    read,
    isRuntime,
  );
  await writeJson(join(dest, 'expected.json'), expected);
  console.log(
    `${scenario}: ${result.started.length} started, ${result.declined.length} declined, ` +
      `${result.not_loaded.length} not loaded -> ${dest}`,
  );
}

async function buildMetadata(): Promise<void> {
  const all = JSON.parse(readFileSync(join(tracesDir, 'modules-metadata.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const names = readFileSync(join(tracesDir, 'modules-pjsip.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const picked = Object.fromEntries(
    [...names, ...CONDITIONAL_ON_PJPROJECT].sort().map((name) => [name, all[name]]),
  );
  await writeJson(join(outDir, 'modules-metadata.json'), {
    source: {
      traces: 'pjsip loader traces, modules-metadata.json',
      asteriskCommit: COMMIT,
      pjproject: PJPROJECT,
      generatedBy: 'scripts/build-pjsip-trace-fixtures.ts',
    },
    modules: picked,
  });
  console.log(`modules-metadata.json: ${Object.keys(picked).length} modules -> ${outDir}`);
}

for (const scenario of SCENARIOS) await build(scenario);
await buildMetadata();
