import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { fixturePath } from './pages/ExplorerPage';

const XMLDOC = fixturePath('core-en_US.xml');
const MENUSELECT = fixturePath('menuselect-tree.xml');

/** Loadable modules the two fixtures name: the union the merged graph must show. */
function fixtureModuleNames(): Set<string> {
  const names = new Set<string>();
  for (const m of readFileSync(XMLDOC, 'utf8').matchAll(/<module language="en_US" name="([^"]+)"/g))
    names.add(m[1] ?? '');
  for (const m of readFileSync(MENUSELECT, 'utf8').matchAll(/<member name="([^"]+)"/g)) names.add(m[1] ?? '');
  return names;
}

test('opening a full xmldoc together with a menuselect-tree merges them into one graph', async ({
  explorer,
}) => {
  await explorer.openFiles([XMLDOC, MENUSELECT]);
  await explorer.waitForGraph('custom');
  const count = Number((await explorer.moduleCount.textContent())?.split(' ')[0]);
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(fixtureModuleNames().size);
  await expect(explorer.versionPicker).toHaveValue('files');

  // res_pjsip_session only has a <module> in the xmldoc, app_queue only a <member> in menuselect-tree.
  expect(fixtureModuleNames().has('res_pjsip_session')).toBe(true);
  await explorer.findModule('res_pjsip_session');
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  await explorer.findModule('app_queue');
  await expect(explorer.inspectorHeading('app_queue')).toBeVisible();

  // Where the two files disagree, the Problems panel says so, and the problem selects its module.
  await explorer.problemsTab.click();
  const disagreement = explorer.problemList
    .getByRole('button', { name: /core-en_US\.xml says .* menuselect-tree\.xml says/ })
    .first();
  await expect(disagreement).toBeVisible();
  await disagreement.click();
  await expect(explorer.inspector.getByRole('heading', { level: 2 })).toBeVisible();

  // Load order facts were borrowed from a built-in version, and another can be chosen.
  await expect(explorer.runtimeFactsNote).toContainText(
    /Load order facts from Asterisk [\d.]+, \d+% of modules matched/,
  );
  await explorer.runtimeFactsNote.getByLabel('Borrow from').selectOption('16.30.1');
  await expect(explorer.runtimeFactsNote).toContainText('Load order facts from Asterisk 16.30.1');
});

test('several files dropped on the page at once are opened together', async ({ explorer }) => {
  await explorer.dropFiles([XMLDOC, MENUSELECT]);
  await explorer.waitForGraph('custom');
  await explorer.findModule('res_pjsip_session');
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  await explorer.findModule('app_queue');
  await expect(explorer.inspectorHeading('app_queue')).toBeVisible();
});

test('a truncated xmldoc is reported with its line and column and the previous graph stays', async ({
  explorer,
}) => {
  const version = (await explorer.canvas.getAttribute('data-graph-version')) ?? '';
  const count = await explorer.moduleCount.textContent();
  const nodes = await explorer.nodeCount();
  await explorer.findModule('app_dial');

  await explorer.openFiles([fixturePath('truncated-core-en_US.xml')]);
  await expect(explorer.alert).toContainText('Opening truncated-core-en_US.xml failed');
  await expect(explorer.alert).toContainText(/truncated-core-en_US\.xml:\d+:\d+/);

  await expect(explorer.moduleCount).toHaveText(count ?? '');
  await expect(explorer.canvas).toHaveAttribute('data-graph-version', version);
  expect(await explorer.nodeCount()).toBe(nodes);
  await expect(explorer.inspectorHeading('app_dial')).toBeVisible();

  await explorer.alert.getByRole('button', { name: 'Show problems' }).click();
  await expect(explorer.problemList.getByText(/truncated-core-en_US\.xml:\d+:\d+/).first()).toBeVisible();
});

test('a file with more modules than the browser draws is refused with a message; the graph stays', async ({
  explorer,
}) => {
  const version = (await explorer.canvas.getAttribute('data-graph-version')) ?? '';
  const count = await explorer.moduleCount.textContent();
  const modules = Array.from(
    { length: 3_000 },
    (_, i) =>
      `<module language="en_US" name="app_generated_${i}">\n\t<support_level>extended</support_level>\n</module>`,
  ).join('\n');
  const big = `<?xml version="1.0" encoding="UTF-8"?>\n<docs xmlns:xi="http://www.w3.org/2001/XInclude">\n${modules}\n</docs>\n`;

  await explorer.openFileContents([{ name: 'big-core-en_US.xml', text: big }]);
  await expect(explorer.alert).toContainText('Opening big-core-en_US.xml failed');
  await expect(explorer.alert).toContainText(/3,0\d\d modules: more than the 2,500 the browser draws/);
  await expect(explorer.moduleCount).toHaveText(count ?? '');
  await expect(explorer.canvas).toHaveAttribute('data-graph-version', version);
});

test('deeply nested XML is refused in words, with its line and column; the graph stays', async ({
  explorer,
}) => {
  const count = await explorer.moduleCount.textContent();
  const deep = `<docs>\n<module name="app_a">${'<x>'.repeat(3000)}${'</x>'.repeat(3000)}</module>\n</docs>`;
  await explorer.openFileContents([{ name: 'deep.xml', text: deep }]);
  await expect(explorer.alert).toContainText('Opening deep.xml failed');
  await expect(explorer.alert).toContainText(
    'deep.xml:2:3016: deep.xml is refused: nesting deeper than 1,000 elements at line 2, column 3016.',
  );
  await expect(explorer.moduleCount).toHaveText(count ?? '');
});

test('a long load can be cancelled and the previous graph stays', async ({ explorer }) => {
  const version = (await explorer.canvas.getAttribute('data-graph-version')) ?? '';
  const count = await explorer.moduleCount.textContent();
  const modules = Array.from(
    { length: 150_000 },
    (_, i) =>
      `<module language="en_US" name="app_generated_${i}">\n\t<support_level>extended</support_level>\n</module>`,
  ).join('\n');
  const huge = `<?xml version="1.0" encoding="UTF-8"?>\n<docs xmlns:xi="http://www.w3.org/2001/XInclude">\n${modules}\n</docs>\n`;

  await explorer.openFileContents([{ name: 'huge-core-en_US.xml', text: huge }]);
  await expect(explorer.progress).toBeVisible();
  await explorer.progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(explorer.alert).toContainText('Opening huge-core-en_US.xml was cancelled');
  await expect(explorer.progress).toBeHidden();
  await expect(explorer.moduleCount).toHaveText(count ?? '');
  await expect(explorer.canvas).toHaveAttribute('data-graph-version', version);

  // A fresh worker takes over: loading still works.
  await explorer.openFiles([fixturePath('menuselect-tree.xml')]);
  await explorer.waitForGraph('custom');
});
