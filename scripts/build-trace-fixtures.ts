/**
 * Copies the facts of the shared real loader traces into src/engine/fixtures/, so the trace
 * replay tests run without ../shared.
 *
 * Source: ../shared/data/asterisk/master/loader-traces/scenarios/<scenario>/ — traces recorded
 * from a real build of Asterisk at commit f0c1c1a7b79b0f8cc0311649bf36824cbeee30a9 (master,
 * 2026-08-06, github.com/asterisk/asterisk). What is copied, per scenario:
 *   modules.conf                 -> fixtures/<scenario>/modules.conf (header comment added)
 *   so_files_readdir_order.txt   -> fixtures/<scenario>/available.txt (header comment added)
 *   result.json, loader.log, module_show*.txt, runtime.json -> fixtures/<scenario>/expected.json:
 *     the recorded outcomes only (start order, declined, not loaded, startup result, use counts,
 *     the modules whose own load() declined or failed, the loader's log lines without timestamps
 *     and thread ids, and for 08b each run-time command with its output and unload/load order).
 *
 * Usage: npx tsx scripts/build-trace-fixtures.ts [path/to/loader-traces]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { expectedFacts, readdirOrder } from './traceFacts';
import type { ResultJson } from './traceFacts';

const COMMIT = 'f0c1c1a7b79b0f8cc0311649bf36824cbeee30a9';
const SCENARIOS = [
  '01-baseline-autoload',
  '03-noload-required-deps',
  '08b-runtime-unknown-dependency-and-refresh',
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tracesDir = resolve(process.argv[2] ?? join(root, '../shared/data/asterisk/master/loader-traces'));
const outDir = join(root, 'src/engine/fixtures');
const e2eDir = join(root, 'e2e/fixtures/server');

function header(scenario: string, file: string, comment: string): string {
  return [
    `${comment} Copied from shared/data/asterisk/master/loader-traces/scenarios/${scenario}/${file}`,
    `${comment} (a real Asterisk trace at commit ${COMMIT}) by scripts/build-trace-fixtures.ts; do not edit.`,
  ].join('\n');
}

async function build(scenario: string): Promise<void> {
  const src = join(tracesDir, 'scenarios', scenario);
  const dest = join(outDir, scenario);
  mkdirSync(dest, { recursive: true });
  const read = (name: string): string => readFileSync(join(src, name), 'utf8');

  writeFileSync(
    join(dest, 'modules.conf'),
    `${header(scenario, 'modules.conf', ';')}\n${read('modules.conf')}`,
  );
  const files = readdirOrder(read('so_files_readdir_order.txt'));
  writeFileSync(
    join(dest, 'available.txt'),
    `${header(scenario, 'so_files_readdir_order.txt', '#')}\n${files.join('\n')}\n`,
  );

  const result = JSON.parse(read('result.json')) as ResultJson;
  const isRuntime = scenario.startsWith('08b');
  const expected = expectedFacts(
    {
      scenario: `shared/data/asterisk/master/loader-traces/scenarios/${scenario}`,
      asteriskCommit: COMMIT,
      generatedBy: 'scripts/build-trace-fixtures.ts',
    },
    read,
    isRuntime,
  );
  const log = diagnoseLines(read(isRuntime ? 'startup.log' : 'full.log'));
  writeFileSync(
    join(dest, 'full.log'),
    `${header(scenario, isRuntime ? 'startup.log' : 'full.log', '#')}\n${log}`,
  );
  writeFileSync(
    join(dest, 'module_show.txt'),
    `${header(scenario, 'module_show.txt', '#')}\n${read('module_show.txt')}`,
  );
  if (scenario === '01-baseline-autoload') writeE2eFixtures(scenario, log, read('module_show.txt'));

  const target = join(dest, 'expected.json');
  // Written as the project's formatter would, so `prettier --check` stays quiet.
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(target, await format(JSON.stringify(expected), { ...options, filepath: target }));
  console.log(`${scenario}: ${result.started.length} started, ${result.declined.length} declined -> ${dest}`);
}

/** The lines `diagnose` reads: the loader's, asterisk.c's, every complaint, the version line. */
function diagnoseLines(text: string): string {
  return text
    .split('\n')
    .filter(
      (l) =>
        / (?:loader|asterisk)\.c: /.test(l) ||
        /^(?:\[[^\]]*\] )?(?:WARNING|ERROR|NOTICE)\[/.test(l) ||
        / built by /.test(l),
    )
    .map((l) => `${l}\n`)
    .join('');
}

function writeE2eFixtures(scenario: string, log: string, moduleShow: string): void {
  mkdirSync(e2eDir, { recursive: true });
  writeFileSync(join(e2eDir, 'baseline-full.log'), `${header(scenario, 'full.log', '#')}\n${log}`);
  writeFileSync(
    join(e2eDir, 'baseline-module-show.txt'),
    `${header(scenario, 'module_show.txt', '#')}\n${moduleShow}`,
  );
  writeFileSync(
    join(e2eDir, 'declined-full.log'),
    [
      `# Made up by scripts/build-trace-fixtures.ts from shared/data/asterisk/master/loader-traces/scenarios/${scenario}/full.log`,
      `# (a real Asterisk trace at commit ${COMMIT}): app_dial declines in its own load() here, after a`,
      '# WARNING line of its own; everything else is as recorded. Do not edit.',
      declineInOwnLoad(log, 'app_dial', 'No such configuration file dial.conf, declining'),
    ].join('\n'),
  );
}

/** The log as it would read had `module`'s own load() declined after logging `warning`. */
export function declineInOwnLoad(log: string, module: string, warning: string): string {
  const lines = log.split('\n');
  const out: string[] = [];
  const file = `${module}.so`;
  for (const line of lines) {
    if (line.endsWith(`loader.c: ${file} => (`) || line.includes(`loader.c: ${file} => (`)) continue;
    const start = new RegExp(`loader\\.c: START: ${file.replace('.', '\\.')}\\s+\\[\\d+\\] 0$`).exec(line);
    if (start) {
      out.push(line.replace(/ 0$/, ' 1'));
      continue;
    }
    out.push(line);
    if (line.endsWith(`loader.c: Loading ${file}.`)) {
      const prefix = /^(\[[^\]]*\] )?VERBOSE(\[\d+\]) /.exec(line);
      out.push(`${prefix?.[1] ?? ''}WARNING${prefix?.[2] ?? '[0]'} ${module}.c: ${warning}`);
    }
    if (
      /loader\.c: Some non-required modules failed to load\.$/.test(line) ||
      / loader\.c: \S+ declined to load\.$/.test(line)
    ) {
      // The batched ERROR block: this module's line goes in once, after the first line of the block.
      if (!out.some((l) => l.endsWith(`loader.c: ${module} declined to load.`))) {
        const prefix = /^(\[[^\]]*\] )?[A-Z]+(\[\d+\]) /.exec(line);
        out.push(`${prefix?.[1] ?? ''}ERROR${prefix?.[2] ?? '[0]'} loader.c: ${module} declined to load.`);
      }
    }
  }
  return out.join('\n');
}

for (const scenario of SCENARIOS) await build(scenario);
