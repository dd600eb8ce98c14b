// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ModuleGraph } from '../../model';
import { diskExplorerApi, FIXTURES_URL } from '../../worker/testSupport';
import { renderWithStore } from '../testing/renderWithStore';
import { PlanPanel } from './PlanPanel';

const PLAN_WAIT = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const graphs = new Map<string, ModuleGraph>();
beforeAll(async () => {
  // jsdom lays nothing out; the code editor measures text ranges to draw the selection.
  const none = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects = none;
  Range.prototype.getBoundingClientRect = () => new DOMRect();

  const api = diskExplorerApi();
  for (const v of ['18.26.4', '23.4.1']) {
    const loaded = (await api.loadDataset(v)).graph;
    if (!loaded) throw new Error(`${v} missing`);
    graphs.set(v, loaded);
  }
});

function graph(version: string): ModuleGraph {
  const g = graphs.get(version);
  if (!g) throw new Error(`${version} not loaded`);
  return g;
}

function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES_URL), 'utf8');
}

function fixture(name: string): File {
  return new File([fixtureText(name)], name.split('/').pop() ?? name);
}

/** The text of an editor pane (the code editor's lines run together in textContent). */
async function editorText(name: string): Promise<string> {
  return (await screen.findByRole('textbox', { name }, PLAN_WAIT)).textContent ?? '';
}

async function openFiles(files: File[]): Promise<void> {
  fireEvent.change(screen.getByLabelText('Open dialplan files'), { target: { files } });
}

describe('Plan tab: slim from the dialplan', () => {
  it('plans the opened dialplan with its include: used names with places, reasons, verification, saving', async () => {
    const { store } = renderWithStore(<PlanPanel />, graph('23.4.1'));
    await openFiles([fixture('dialplan/extensions.conf'), fixture('dialplan/users.conf')]);

    const verdict = await screen.findByRole('status', { name: 'Verification' }, PLAN_WAIT);
    const count = store.getState().planMade?.plan.modules.length ?? 0;
    expect(count).toBeGreaterThan(15);
    expect(verdict.textContent).toBe(
      `Verified: all ${count} modules start; every used application and function is available.`,
    );
    expect(screen.getByLabelText('Saving').textContent).toMatch(
      new RegExp(`^\\d+ modules load with autoload = yes; ${count} with the plan`),
    );
    const files = screen.getByRole('list', { name: 'Dialplan files' });
    expect(
      within(files).getByRole('button', { name: 'Show extensions.conf' }).getAttribute('aria-pressed'),
    ).toBe('true');

    const apps = screen.getByRole('list', { name: 'Used applications' });
    const dial = within(apps).getByText('Dial').closest('li');
    expect(dial?.textContent).toMatch(/^Dial app_dial users\.conf:4, extensions\.conf:23/);
    expect(within(apps).getByText('Answer').closest('li')?.textContent).toContain('core');

    const planned = screen.getByRole('list', { name: 'Planned Applications (apps)' });
    expect(within(planned).getByText('app_dial').closest('li')?.textContent).toContain(
      'Dial used in [users] exten _1XX, users.conf line 4',
    );
    const resources = screen.getByRole('list', { name: 'Planned Resources (res)' });
    expect(within(resources).getByText('res_pjsip').closest('li')?.textContent).toContain(
      'required by chan_pjsip',
    );
    expect(await editorText('Planned modules.conf')).toContain('autoload = no');
  });

  it('shows a missing include as a located problem and still plans', async () => {
    renderWithStore(<PlanPanel />, graph('23.4.1'));
    await openFiles([fixture('dialplan/extensions.conf')]);
    const problems = await screen.findByRole('list', { name: 'Dialplan problems' }, PLAN_WAIT);
    expect(problems.textContent).toMatch(/extensions\.conf:12:\d+.*users\.conf/);
    expect(await screen.findByRole('status', { name: 'Verification' }, PLAN_WAIT)).toBeTruthy();
  });

  it('says an AEL dialplan is not supported, and why', async () => {
    renderWithStore(<PlanPanel />, graph('23.4.1'));
    await openFiles([new File(['context default { 100 => Dial(PJSIP/100); };\n'], 'extensions.ael')]);
    expect((await screen.findByRole('alert', {}, PLAN_WAIT)).textContent).toMatch(/cannot be planned from/);
    expect(screen.getByRole('list', { name: 'Dialplan problems' }).textContent).toMatch(
      /extensions\.ael is not supported: AEL is a language of its own/,
    );
    expect(screen.queryByRole('region', { name: 'Plan result' })).toBeNull();
  });

  it('re-plans after an edit: a typo is a warning with its file and line and fails the verification', async () => {
    const { store } = renderWithStore(<PlanPanel />, graph('23.4.1'));
    await openFiles([fixture('dialplan/extensions.conf'), fixture('dialplan/users.conf')]);
    await screen.findByRole('status', { name: 'Verification' }, PLAN_WAIT);
    const text = store.getState().dialplanFiles[0]?.text ?? '';
    act(() =>
      store
        .getState()
        .editDialplanFile('extensions.conf', text.replace('Playback(welcome)', 'Playbak(welcome)')),
    );
    const warnings = await screen.findByRole('list', { name: 'Plan warnings' }, PLAN_WAIT);
    expect(warnings.textContent).toMatch(
      /extensions\.conf:17:\d+.*application Playbak is provided by no module/,
    );
    expect(screen.getByRole('status', { name: 'Verification' }).textContent).toMatch(/^Not verified/);
    expect(screen.getByRole('list', { name: 'What would fail' }).textContent).toContain(
      'application Playbak',
    );
  });

  it('adds declared needs, compares with the Simulate modules.conf and downloads the file', async () => {
    const { store } = renderWithStore(<PlanPanel />, graph('23.4.1'));
    act(() => store.getState().setModulesConf('[modules]\nautoload = yes\n', 'old.conf'));
    await openFiles([fixture('dialplan/extensions.conf'), fixture('dialplan/users.conf')]);
    await screen.findByRole('status', { name: 'Verification' }, PLAN_WAIT);
    fireEvent.click(screen.getByRole('checkbox', { name: 'pjsip.conf (chan_pjsip)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Music on hold' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Compare with the current modules\.conf/ }));
    const diff = await screen.findByLabelText('Diff against old.conf', {}, PLAN_WAIT);
    expect(diff.textContent).toContain('- autoload = yes');
    expect(screen.getByLabelText('Saving').textContent).toMatch(/with old\.conf;/);
    const planned = screen.getByRole('list', { name: 'Planned Resources (res)' });
    expect(within(planned).getByText('res_musiconhold').closest('li')?.textContent).toContain(
      'music on hold asked for',
    );
    expect(within(planned).getByText('res_pjsip_outbound_registration')).toBeTruthy();

    let saved: Blob | undefined;
    const createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:plan';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('modules.conf');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download modules.conf' }));
    expect(click).toHaveBeenCalledOnce();
    expect(await saved?.text()).toBe(store.getState().planMade?.plan.text);

    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Copied modules.conf to the clipboard.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(store.getState().planMade?.plan.text);
  });

  it('refuses a binary file and keeps the files it had', async () => {
    const { store } = renderWithStore(<PlanPanel />, graph('23.4.1'));
    await openFiles([fixture('dialplan/extensions.conf')]);
    await screen.findByRole('list', { name: 'Dialplan files' }, PLAN_WAIT);
    await openFiles([new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1])], 'pbx_config.so')]);
    expect((await screen.findByRole('list', { name: 'Files not opened' })).textContent).toMatch(
      /pbx_config\.so looks like a binary file/,
    );
    expect(store.getState().dialplanFiles.map((f) => f.name)).toEqual(['extensions.conf']);
  });
});

describe('Plan tab: upgrade', () => {
  it("carries the Simulate tab's 18-era modules.conf to 23.4.1: findings, verdict, rewritten file", async () => {
    const { store } = renderWithStore(<PlanPanel />, graph('18.26.4'));
    // init() puts the default version on screen; From is the version on screen.
    await act(() => store.getState().init());
    await act(() => store.getState().loadBuiltin('18.26.4'));
    act(() => store.getState().setModulesConf(fixtureText('modules-18.conf'), 'modules-18.conf'));
    fireEvent.click(screen.getByRole('radio', { name: 'Upgrade' }));
    expect((screen.getByLabelText('To version') as HTMLSelectElement).value).toBe('23.4.1');
    expect((screen.getByLabelText('From version') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      '18.26.4 (on screen)',
    );

    const findings = await screen.findByRole('list', { name: 'Upgrade findings' }, PLAN_WAIT);
    const items = within(findings).getAllByRole('listitem');
    expect(items[0]?.textContent).toMatch(
      /^line 4: load => app_macro\.so removed → replaced by app_stack\.so/,
    );
    expect(items[1]?.textContent).toMatch(
      /line 5: load => chan_sip\.so.*no replacement is named.*chan_pjsip/,
    );
    expect(screen.getByRole('status', { name: 'Upgrade verdict' }).textContent).toMatch(
      /^modules-18\.conf would not do what it says on Asterisk 23\.4\.1: 3 lines need changing\. The rewritten file does what it says\.$/,
    );
    expect(await editorText('Rewritten modules.conf')).toContain('load => app_stack.so');

    fireEvent.change(screen.getByLabelText('To version'), { target: { value: '22.10.1' } });
    await screen.findByText(/would not do what it says on Asterisk 22\.10\.1/, {}, PLAN_WAIT);
  });
});
