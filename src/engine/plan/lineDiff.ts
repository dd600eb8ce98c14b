/**
 * A line diff (longest common subsequence) between two texts, for "what changes in my
 * modules.conf": each line prefixed `  ` (kept), `- ` (removed) or `+ ` (added).
 */
export function lineDiff(before: string, after: string): string[] {
  const a = before.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const b = after.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  // modules.conf files are a few hundred lines: the quadratic table is small.
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * cols + j] =
        a[i] === b[j]
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(`  ${a[i] ?? ''}`);
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0))
      out.push(`- ${a[i++] ?? ''}`);
    else out.push(`+ ${b[j++] ?? ''}`);
  }
  while (i < a.length) out.push(`- ${a[i++] ?? ''}`);
  while (j < b.length) out.push(`+ ${b[j++] ?? ''}`);
  return out;
}
