import type { Page } from '@playwright/test';

/**
 * What the page records for the browser benchmarks, installed before navigation (addInitScript)
 * so no long task or mark is missed: every `longtask` entry, every `graph-painted` / `graph-drawn`
 * mark, and — once armed — the time the first input event of an interaction reached the page
 * (performance.now() in a capturing listener, before the app's own handlers run).
 */
export interface PageProbe {
  longTasks: Array<{ start: number; duration: number }>;
  paints: number[];
  input: number | undefined;
  armed: boolean;
  /** When `watch`'s condition held, two animation frames later (the DOM result painted). */
  domPainted: number | undefined;
  watching: number;
}

declare global {
  interface Window {
    __benchProbe?: PageProbe;
  }
}

/** Runs inside the page (serialised by Playwright): keep it self-contained. */
function installProbe(): void {
  const probe: PageProbe = {
    longTasks: [],
    paints: [],
    input: undefined,
    armed: false,
    domPainted: undefined,
    watching: 0,
  };
  window.__benchProbe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask support: the rows say "no long task" only if entries arrive, see the report.
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'graph-painted' || e.name === 'graph-drawn') probe.paints.push(e.startTime);
    }
  }).observe({ type: 'mark', buffered: true });
  for (const type of ['keydown', 'pointerdown', 'mousedown', 'input', 'change']) {
    window.addEventListener(
      type,
      () => {
        if (probe.armed && probe.input === undefined) probe.input = performance.now();
      },
      { capture: true },
    );
  }
}

export async function installPageProbe(page: Page): Promise<void> {
  await page.addInitScript(installProbe);
}

/** Forget the last interaction; the next input event starts a new one. */
export async function arm(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = window.__benchProbe;
    if (!probe) throw new Error('the bench probe is not installed');
    probe.armed = true;
    probe.input = undefined;
    probe.domPainted = undefined;
    probe.watching += 1;
  });
}

/**
 * Watches, frame by frame, for `condition` (a JavaScript expression evaluated in the page) to hold
 * after the input; then records the second animation frame after it (the DOM result on screen).
 */
export async function watchDom(page: Page, condition: string): Promise<void> {
  // A script string, not a function: the bundler that runs this file would wrap named inner
  // functions in a helper the page does not have.
  await page.evaluate(`(() => {
    const probe = window.__benchProbe;
    if (!probe) return;
    const generation = probe.watching;
    const holds = () => Boolean(${condition});
    const frame = () => {
      if (probe.watching !== generation) return;
      if (probe.input !== undefined && holds()) {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (probe.watching === generation) probe.domPainted = performance.now();
          }),
        );
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);
}

export interface Measured {
  /** Input event -> painted, ms; undefined when nothing was painted in time. */
  paint: number | undefined;
  how: 'graph-painted' | 'dom' | 'none';
  /** Longest long task from the input until `settle` ms after the paint. */
  longestTask: number;
}

/**
 * Waits for the interaction armed before to be painted: the first graph mark after the input
 * (when `graph` is true), else the DOM condition given to `watchDom`; then lets the page settle
 * for `settle` ms and reads the longest task in that window.
 */
export async function measured(
  page: Page,
  options: { graph: boolean; timeout?: number; settle?: number },
): Promise<Measured> {
  const timeout = options.timeout ?? 15_000;
  const deadline = Date.now() + timeout;
  let result: { input?: number; painted?: number; how: Measured['how'] } = { how: 'none' };
  while (Date.now() < deadline) {
    result = await page.evaluate((graph) => {
      const probe = window.__benchProbe;
      if (!probe || probe.input === undefined) return { how: 'none' as const };
      const input = probe.input;
      const mark = probe.paints.find((t) => t >= input);
      if (graph && mark !== undefined) return { input, painted: mark, how: 'graph-painted' as const };
      if (probe.domPainted !== undefined) return { input, painted: probe.domPainted, how: 'dom' as const };
      return { input, how: 'none' as const };
    }, options.graph);
    if (result.painted !== undefined) break;
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(options.settle ?? 300);
  const input = result.input;
  const end = await page.evaluate(() => performance.now());
  const longestTask =
    input === undefined
      ? 0
      : await page.evaluate(
          ([from, to]) =>
            Math.max(
              0,
              ...(window.__benchProbe?.longTasks ?? [])
                .filter((t) => t.start + t.duration >= (from ?? 0) && t.start <= (to ?? 0))
                .map((t) => t.duration),
            ),
          [input, end],
        );
  await page.evaluate(() => {
    const probe = window.__benchProbe;
    if (probe) {
      probe.armed = false;
      probe.watching += 1;
    }
  });
  return {
    paint: result.painted !== undefined && input !== undefined ? result.painted - input : undefined,
    how: result.how,
    longestTask,
  };
}

/** The longest task the page has run between two of its own clock readings. */
export async function longestTaskBetween(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([a, b]) =>
      Math.max(
        0,
        ...(window.__benchProbe?.longTasks ?? [])
          .filter((t) => t.start + t.duration >= (a ?? 0) && t.start <= (b ?? 0))
          .map((t) => t.duration),
      ),
    [from, to],
  );
}
