import { readFileSync } from 'node:fs';
import { ingestFiles } from './src/ingest/index.ts';
const text = readFileSync('/work/shared/data/asterisk/22.10.1/core-en_US.xml', 'utf8');
for (let i = 0; i < 40; i++) ingestFiles([{ name: 'x', text }]);
