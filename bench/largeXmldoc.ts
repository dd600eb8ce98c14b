import { generateLargeGraph } from '../src/engine/testing/largeGraph';
import { seededRandom } from '../src/engine/testing/prng';

/** Module folders with their share of a real tree (res and apps dominate, as in Asterisk). */
const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['res_', 0.4],
  ['app_', 0.18],
  ['func_', 0.1],
  ['chan_', 0.06],
  ['codec_', 0.04],
  ['format_', 0.05],
  ['cdr_', 0.03],
  ['cel_', 0.02],
  ['pbx_', 0.03],
  ['bridge_', 0.02],
  ['test_', 0.07],
];

const WORDS = (
  'channel bridge dialplan endpoint module codec frame media session transfer queue agent voicemail ' +
  'mailbox conference recording prompt timeout context extension priority variable header transport ' +
  'registration subscription notify presence device state caller party number the a of to and with for ' +
  'when is are be on this that which returns sets gets uses option value string integer list'
).split(' ');

function prose(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'the');
  return `${out.join(' ')}.`;
}

/**
 * A synthetic Asterisk xmldoc the size of a very large build: `modules` loadable modules (default
 * 16,000, about 50 MB) named by module folder, each with a MODULEINFO block (`<depend>`,
 * `<use type="module">`, `<support_level>`) and the documentation prose a real xmldoc carries
 * (an application or function with synopsis, parameters and description). Dependencies come from
 * the loader benchmark's generator (src/engine/testing/largeGraph.ts), so they point to earlier modules
 * and form no cycle. Deterministic for a seed.
 */
export function largeXmldoc(
  options: { modules?: number; edgesPerModule?: number; seed?: number } = {},
): string {
  const count = options.modules ?? 16_000;
  const seed = options.seed ?? 1;
  // The generator's first 16 modules are built-ins; an xmldoc documents loadable modules only.
  const graph = generateLargeGraph({
    modules: count + 16,
    edges: count * (options.edgesPerModule ?? 3),
    seed,
  });
  const random = seededRandom(seed + 100);
  const names = new Map<string, string>();
  let i = 0;
  for (const module of Object.values(graph.modules)) {
    if (module.kind !== 'loadable') continue;
    let roll = random();
    const prefix = PREFIXES.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'res_';
    names.set(module.name, `${prefix}gen${String(i++).padStart(5, '0')}`);
  }
  const depends = new Map<string, string[]>();
  const uses = new Map<string, string[]>();
  for (const e of graph.edges) {
    const from = names.get(e.from);
    const to = names.get(e.to);
    if (!from || !to) continue;
    const list = e.kind === 'optional' ? uses : e.kind === 'enhances' ? undefined : depends;
    if (list) list.set(from, [...(list.get(from) ?? []), to]);
  }
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<!DOCTYPE docs SYSTEM "appdocsxml.dtd">\n',
    `<!-- Synthetic xmldoc: ${count} modules, seed ${seed}; bench/largeXmldoc.ts. -->\n`,
    '<docs xmlns:xi="http://www.w3.org/2001/XInclude">\n',
  ];
  for (const name of names.values()) {
    parts.push(`<module language="en_US" name="${name}">\n`);
    for (const d of depends.get(name) ?? []) parts.push(`\t<depend>${d}</depend>\n`);
    for (const u of uses.get(name) ?? []) parts.push(`\t<use type="module">${u}</use>\n`);
    const level = random() < 0.7 ? 'core' : random() < 0.8 ? 'extended' : 'deprecated';
    parts.push(`\t<support_level>${level}</support_level>\n</module>\n`);
    const item = name.startsWith('func_') ? 'function' : 'application';
    const itemName = name.replace(/^[a-z]+_/, '').toUpperCase();
    parts.push(`\t<${item} name="${itemName}" language="en_US" module="${name}">\n`);
    parts.push(`\t\t<synopsis>${prose(random, 10)}</synopsis>\n\t\t<syntax>\n`);
    for (let p = 0; p < 3; p++) {
      parts.push(
        `\t\t\t<parameter name="option${p}"${p === 0 ? ' required="true"' : ''}>\n\t\t\t\t<para>${prose(random, 24)}</para>\n\t\t\t</parameter>\n`,
      );
    }
    parts.push('\t\t</syntax>\n\t\t<description>\n');
    for (let p = 0; p < 4; p++) parts.push(`\t\t\t<para>${prose(random, 70)}</para>\n`);
    parts.push(`\t\t</description>\n\t</${item}>\n`);
  }
  parts.push('</docs>\n');
  return parts.join('');
}
