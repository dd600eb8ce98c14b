import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4186/');
await page.waitForSelector('[data-graph-ready=true]', { timeout: 60000 });
await browser.close();
const b2 = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p2 = await b2.newPage();
await p2.goto('http://127.0.0.1:5194/');
const r = await p2.evaluate(async () => {
  const m = await import('/src/worker/explorerApi.ts');
  const api = m.createExplorerApi({ fetchText: async (u) => (await fetch(u)).text(), datasetsUrl: new URL('datasets/', document.baseURI).href });
  const g = (await api.loadDataset('master')).graph;
  const times = [];
  for (let i = 0; i < 6; i++) { const t = performance.now(); structuredClone(g); times.push(Math.round(performance.now() - t)); }
  const ch = new MessageChannel();
  const t2 = performance.now(); ch.port1.postMessage(g); const post = Math.round(performance.now() - t2);
  return { times, post };
});
console.log(r);
await b2.close();
