import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { ingestFiles as nowIngest } from './src/ingest/index.ts';
// @ts-ignore
import { ingestFiles as headIngest } from '/tmp/headsrc/src/ingest/index.ts';
const text = readFileSync('/work/shared/data/asterisk/22.10.1/core-en_US.xml', 'utf8');
const fns: Record<string, () => void> = {
  bare: () => { const p = new SaxesParser({ xmlns: false, position: true }); p.on('error', () => undefined); p.write(text).close(); },
  head: () => headIngest([{ name: 'x', text }]),
  now: () => nowIngest([{ name: 'x', text }]),
};
const s: Record<string, number[]> = { bare: [], head: [], now: [] };
for (let i = 0; i < 5; i++) for (const f of Object.values(fns)) f();
for (let i = 0; i < 60; i++) for (const [k, f] of Object.entries(fns)) { const t = performance.now(); f(); s[k]!.push(performance.now() - t); }
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
const m = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, med(v)]));
console.log(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.toFixed(1)])), 'head ratio', (m.head! / m.bare!).toFixed(2), 'now ratio', (m.now! / m.bare!).toFixed(2));
