/**
 * Property tests: whatever bytes arrive, every parser returns (never throws) either its data or a
 * problem naming the file, within a time bound. Inputs: random bytes, and random truncations and
 * mutations of real files (a built-in dataset, the e2e fixtures, a dialplan and a modules.conf).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult, Problem } from '../model';
import { parseDialplan } from './dialplan/parseDialplan';
import { readDialplanFixture } from './dialplan/fixtures/readFixture';
import { readE2eFixture, readIngestFixture } from './fixtures/readFixture';
import { ingestFiles } from './ingestFiles';
import { parseMetadataXml } from './metadataXml/parseMetadataXml';
import { parseModulesConf } from './modulesConf';
import { builtinDatasetPath } from './builtinDatasets';
import { parseMenuselectTree } from './parseMenuselectTree';
import { parseRuntimeJson } from './parseRuntimeJson';
import { parseXmldoc } from './parseXmldoc';
import { checkTextInput, decodeText } from './textInput';

const FILE = 'input';
/** Per parse; the largest real input here is a 217 KB dataset. */
const BOUND_MS = 2000;

type Parser = (text: string) => ParseResult<unknown>;

const PARSERS: Record<string, Parser> = {
  xmldoc: (t) => parseXmldoc(t, FILE),
  'menuselect-tree': (t) => parseMenuselectTree(t, FILE),
  'metadata XML': (t) => parseMetadataXml(t, FILE),
  'runtime.json': (t) => parseRuntimeJson(t, FILE),
  'modules.conf': (t) => parseModulesConf(t, FILE),
  dialplan: (t) => parseDialplan([{ name: FILE, text: t }]),
  'ingestFiles (detects the format)': (t) => {
    const r = ingestFiles([{ name: FILE, text: t }]);
    return { data: r.graph, problems: r.problems };
  },
};

const REAL: Record<string, string> = {
  xmldoc: readE2eFixture('core-en_US.xml'),
  'menuselect-tree': readE2eFixture('menuselect-tree.xml'),
  'metadata XML': readFileSync(builtinDatasetPath('13.38.3'), 'utf8'),
  'runtime.json': readIngestFixture('runtime.json'),
  'modules.conf':
    '[modules]\nautoload = yes\npreload => res_odbc.so\nnoload => chan_sip.so\nrequire = app_dial.so\n',
  dialplan: readDialplanFixture('office')[0]?.text ?? '',
  'ingestFiles (detects the format)': readE2eFixture('menuselect-tree.xml'),
};

const XML_PARSERS: ReadonlySet<string> = new Set(['xmldoc', 'menuselect-tree', 'metadata XML']);

function isLocated(p: Problem): boolean {
  return p.file === FILE;
}

/** The property: no throw, data or a problem naming the file, done within the bound. */
function holds(parse: Parser, text: string, withLine = false): void {
  const started = performance.now();
  const result = parse(text);
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  if (result.data === undefined) expect(result.problems.some(isLocated)).toBe(true);
  // An XML parser refusing a non-empty text says where, at line and column.
  if (result.data === undefined && withLine && text.trim() !== '')
    expect(result.problems.some((p) => p.line !== undefined && p.column !== undefined)).toBe(true);
  for (const p of result.problems) expect(typeof p.message).toBe('string');
}

const MARKUP = fc.constantFrom(
  '<',
  '>',
  '&',
  ';',
  '/',
  '"',
  "'",
  '=',
  '<!',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&x;',
  '\u0000',
  '\uFFFD',
  '\n',
  '{',
  '}',
  '[',
  ']',
  ',',
);

/** Replaces a random slice of `text` with random markup-ish pieces. */
function mutation(text: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.nat({ max: text.length }),
      fc.nat({ max: 40 }),
      fc.array(fc.oneof(MARKUP, fc.string({ maxLength: 4 })), { maxLength: 6 }),
    )
    .map(([at, cut, pieces]) => text.slice(0, at) + pieces.join('') + text.slice(at + cut));
}

describe.each(Object.keys(PARSERS))('%s never throws and always answers', (name) => {
  const parse = PARSERS[name] as Parser;
  const real = REAL[name] as string;
  const runs = name === 'metadata XML' ? 25 : 100;
  const xml = XML_PARSERS.has(name);

  it('on random bytes, decoded as the app decodes them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        expect(() => checkTextInput(FILE, bytes, 'data')).not.toThrow();
        holds(parse, decodeText(bytes).text, xml);
      }),
      { numRuns: runs },
    );
  });

  it('on random truncations of a real file', () => {
    fc.assert(
      fc.property(fc.nat({ max: real.length }), (at) => holds(parse, real.slice(0, at), xml)),
      { numRuns: runs },
    );
  });

  it('on random mutations of a real file', () => {
    fc.assert(
      fc.property(mutation(real), (text) => holds(parse, text, xml)),
      { numRuns: runs },
    );
  });
});
