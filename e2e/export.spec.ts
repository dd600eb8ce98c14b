import { readFile } from 'node:fs/promises';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { expect, test } from './fixtures';
import { datasetIndex, fixturePath } from './pages/ExplorerPage';
import { GraphPage } from './pages/GraphPage';
import { SimulationPage } from './pages/SimulationPage';

test('exporting saves the graph on screen as Module Metadata XML', async ({ explorer }) => {
  const index = datasetIndex();
  const file = await explorer.exportFile('Module Metadata XML');
  expect(file.name).toBe(`asterisk-${index.default}-modules.xml`);
  const xml = await readFile(file.path, 'utf8');
  expect(xml).toContain('<moduleMetadata');
  expect(xml).toContain('res_pjsip_session');
  const modules = xml.match(/<module\b/g)?.length ?? 0;
  expect(modules).toBeGreaterThanOrEqual(
    index.datasets.find((d) => d.version === index.default)?.modules ?? Infinity,
  );
});

test('the graph exports as SVG and PNG naming the modules shown, and as DOT that Graphviz reads', async ({
  explorer,
  page,
}) => {
  await explorer.findModule('chan_pjsip');
  await expect(explorer.inspectorHeading('chan_pjsip')).toBeVisible();
  await page
    .getByRole('radiogroup', { name: 'Focus mode' })
    .getByRole('radio', { name: 'Dependencies' })
    .check();
  await explorer.waitForStillGraph();
  const drawn = await new GraphPage(explorer).drawnModules();
  expect(drawn).toContain('res_pjsip');

  const svgFile = await explorer.exportFile('Graph as SVG');
  expect(svgFile.name).toMatch(/-graph\.svg$/);
  const svg = await readFile(svgFile.path, 'utf8');
  // It parses as an SVG document, and every module on screen is in it, legend included.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      ids: Array.from(doc.querySelectorAll('g[data-id]'), (g) => g.getAttribute('data-id')),
      legend: doc.querySelector('g.legend')?.textContent ?? '',
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.ids).toEqual(expect.arrayContaining(drawn));
  expect(parsed.legend).toContain('Legend');
  expect(svg).toContain('>chan_pjsip<');

  const png = await readFile((await explorer.exportFile('Graph as PNG')).path);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Twice the picture's size: width is bytes 16-19 of the IHDR chunk.
  expect(png.readUInt32BE(16)).toBeGreaterThan(400);

  const dot = await readFile((await explorer.exportFile('Graph as Graphviz DOT')).path, 'utf8');
  const graphviz = await Graphviz.load();
  const layout = JSON.parse(graphviz.layout(dot, 'json', 'dot')) as { objects?: Array<{ name: string }> };
  const names = (layout.objects ?? []).map((o) => o.name).filter((n) => !n.startsWith('cluster_'));
  expect(names.sort()).toEqual([...drawn].sort());
});

test('a simulation exports as CSV and JSON load order, a log and a Markdown report', async ({ explorer }) => {
  const page = explorer.page;
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.modulesConf.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('[modules]\nautoload = yes\nnoload => res_pjsip.so\n');
  await sim.run();

  const csv = (await readFile((await explorer.exportFile('Load order as CSV')).path, 'utf8'))
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe('position,module,state,reason,causes,use_count');
  const json = JSON.parse(await readFile((await explorer.exportFile('Load order as JSON')).path, 'utf8')) as {
    modules: Array<{ position?: number; module: string; state: string; reason: string }>;
  };
  // The CSV rows are the JSON's, in the load order: started first, 1, 2, 3...
  expect(csv.slice(1).map((l) => l.split(',')[1])).toEqual(json.modules.map((m) => m.module));
  const started = json.modules.filter((m) => m.state === 'running');
  expect(started.map((m) => m.position)).toEqual(started.map((_, i) => i + 1));
  expect(json.modules.find((m) => m.module === 'res_pjsip')).toMatchObject({
    state: 'not-loaded',
    reason: 'noload',
  });
  const log = await readFile((await explorer.exportFile('Startup log')).path, 'utf8');
  expect(log).toMatch(/Asterisk Ready\./);

  const md = await readFile((await explorer.exportFile('Simulation report')).path, 'utf8');
  expect(md).toMatch(/^# Asterisk .*: what `modules\.conf` does at startup \(simulated\)/);
  expect(md).toMatch(/- line 3: `noload => res_pjsip\.so` disables \d+ modules/);
  expect(md).toContain('## Counts');
});

test('the planned modules.conf exports as the plan shows it, and runs as it says', async ({ explorer }) => {
  const page = explorer.page;
  await page.getByRole('tab', { name: 'Plan' }).click();
  const panel = page.getByRole('region', { name: 'Plan', exact: true });
  await panel
    .getByLabel('Open dialplan files')
    .setInputFiles([fixturePath('dialplan/extensions.conf'), fixturePath('dialplan/users.conf')]);
  await expect(panel.getByRole('status', { name: 'Verification' })).toHaveText(/^Verified/);
  const [fromTab] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download modules.conf' }).click(),
  ]);
  const shown = await readFile(await fromTab.path(), 'utf8');
  expect(shown).toMatch(/^autoload = no$/m);

  const file = await explorer.exportFile('Planned modules.conf');
  expect(file.name).toBe('modules.conf');
  const text = await readFile(file.path, 'utf8');
  expect(text).toBe(shown);

  // Opened again as the Simulate tab's file, it does what it says.
  const sim = new SimulationPage(explorer);
  await sim.open();
  await page
    .getByLabel('Open modules.conf')
    .setInputFiles({ name: 'modules.conf', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await sim.run();
  await expect(
    page.getByRole('region', { name: 'What modules.conf asks for' }).getByRole('status'),
  ).toHaveText(/does what it says/);
});
