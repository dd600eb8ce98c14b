import { benchParseMerge } from './bench/parseMerge.ts';
const r = await benchParseMerge('/work/shared/data/asterisk', 15);
console.log(r.median.toFixed(1), 'ms;', r.note);
