/**
 * `core show settings`: the `Version:` row names the Asterisk version, which picks the dataset and
 * the loader. A log's `Asterisk <version> built by` line is read the same way.
 */
import type { CoreSettings, ParseResult } from '../../model';

const VERSION_ROW = /^\s*Version:\s+(\S+)/;
const BUILT_BY = /Asterisk (\S+) built by /;

export function parseCoreSettings(text: string, file: string): ParseResult<CoreSettings> {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = VERSION_ROW.exec(line) ?? BUILT_BY.exec(line);
    if (m) return { data: { file, version: m[1] ?? '', line: i + 1 }, problems: [] };
  }
  return {
    data: undefined,
    problems: [
      {
        severity: 'error',
        code: 'unknown-format',
        message: "No 'Version:' row: expected the output of 'core show settings'.",
        file,
        line: 1,
        column: 1,
      },
    ],
  };
}

/**
 * The built-in dataset for a server version: the same version, else the newest of the same major
 * version, else master for a development build (`GIT-master-…`, `UNKNOWN__…`). Undefined when
 * nothing fits (the caller keeps its dataset and says so).
 */
export function datasetForVersion(
  version: string,
  versions: readonly string[],
): { version: string; exact: boolean } | undefined {
  const v = version.replace(/^(?:certified\/|certified-)/i, '');
  if (versions.includes(v)) return { version: v, exact: true };
  const major = /^(\d+)\./.exec(v)?.[1];
  if (major !== undefined) {
    const same = versions.filter((x) => x.startsWith(`${major}.`));
    const newest = same.sort(compareVersions).at(-1);
    if (newest !== undefined) return { version: newest, exact: false };
    return undefined;
  }
  if (/master|UNKNOWN|^GIT-/i.test(v) && versions.includes('master'))
    return { version: 'master', exact: false };
  return undefined;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
