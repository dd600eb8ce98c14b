import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { ingestFiles as nowIngest } from './src/ingest/index.ts';
import { parseXmldoc as nowParse } from './src/ingest/parseXmldoc.ts';
// @ts-ignore
import { ingestFiles as headIngest } from '/tmp/headsrc/src/ingest/index.ts';
// @ts-ignore
import { parseXmldoc as headParse } from '/tmp/headsrc/src/ingest/parseXmldoc.ts';
const text = readFileSync('/work/shared/data/asterisk/22.10.1/core-en_US.xml', 'utf8');
function med(f: () => void, n = 25) { for (let i = 0; i < 3; i++) f(); const s: number[] = []; for (let i = 0; i < n; i++) { const t = performance.now(); f(); s.push(performance.now() - t); } s.sort((a, b) => a - b); return s[Math.floor(n / 2)]!; }
const bare = () => { const p = new SaxesParser({ xmlns: false, position: true }); p.on('error', () => undefined); p.write(text).close(); };
for (let round = 0; round < 2; round++) {
  const b = med(bare);
  const r = { bare: b, headParse: med(() => headParse(text, 'x')), nowParse: med(() => nowParse(text, 'x')), headIngest: med(() => headIngest([{ name: 'x', text }])), nowIngest: med(() => nowIngest([{ name: 'x', text }])) };
  const b2 = med(bare);
  console.log(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.toFixed(1)])), 'bare after', b2.toFixed(1), 'ratios head/now ingest', (r.headIngest / ((b + b2) / 2)).toFixed(2), (r.nowIngest / ((b + b2) / 2)).toFixed(2), 'parse', (r.headParse / ((b + b2) / 2)).toFixed(2), (r.nowParse / ((b + b2) / 2)).toFixed(2));
}
