import { describe, expect, it } from 'vitest';
import { readDialplanFixture } from '../ingest/dialplan/fixtures/readFixture';
import { connectInProcess, createExplorerClient } from '../worker';
import { DATASETS_URL, diskExplorerApi, fixtureFile } from '../worker/testSupport';
import { createExplorerStore } from './createExplorerStore';
import { readSession, sessionOf } from './session';
import type { SessionV1 } from './shareTypes';
import { sharedViewOf } from './shareLink';

function newStore() {
  const client = createExplorerClient(() => connectInProcess(diskExplorerApi()), {
    datasetsUrl: DATASETS_URL,
  });
  return createExplorerStore(client);
}

/** Save, then read back as "Open session" does: through JSON text and the reader's checks. */
async function roundTrip(store: ReturnType<typeof newStore>): Promise<SessionV1> {
  const saved = await sessionOf(store.getState());
  const read = readSession(JSON.stringify(saved), 'my.session.json');
  if (!('session' in read)) throw new Error(read.error);
  return read.session;
}

describe('sessions', () => {
  it("a session of the user's own files restores the files, the view, the simulation and the Plan inputs", async () => {
    const store = newStore();
    await store.getState().init();
    const s = store.getState();
    await s.openFiles([await fixtureFile('core-en_US.xml'), await fixtureFile('menuselect-tree.xml')]);
    expect(store.getState().source?.kind).toBe('files');
    s.select({ kind: 'module', name: 'res_pjsip_session' });
    s.setFocusMode('dependents');
    s.setModulesConf('[modules]\nautoload = yes\nnoload => app_queue.so\n', 'mine.conf');
    s.setFault('res_pjsip', 'failure');
    await s.runSimulation();
    const office = readDialplanFixture('office');
    s.setPlanNeeds({ musicOnHold: true, keep: 'res_odbc' });
    store.setState({ dialplanFiles: office, planTask: 'upgrade' });

    const session = await roundTrip(store);
    expect('files' in session.data && session.data.files.map((f) => f.name)).toEqual([
      'core-en_US.xml',
      'menuselect-tree.xml',
    ]);

    const restored = newStore();
    await restored.getState().init();
    await restored.getState().applySession(session);
    const a = store.getState();
    const b = restored.getState();
    expect(b.source?.kind).toBe('files');
    expect(Object.keys(b.graph?.modules ?? {}).sort()).toEqual(Object.keys(a.graph?.modules ?? {}).sort());
    expect(b.selection).toEqual({ kind: 'module', name: 'res_pjsip_session' });
    expect(b.focusMode).toBe('dependents');
    expect(b.modulesConf).toEqual(a.modulesConf);
    expect(b.faults).toEqual({ res_pjsip: 'failure' });
    expect(b.simulation?.result.declined).toEqual(a.simulation?.result.declined);
    expect(b.dialplanFiles).toEqual(office);
    expect(b.planNeeds).toEqual(a.planNeeds);
    expect(b.planTask).toBe('upgrade');
    expect(b.linkNotice).toBeUndefined();
  });

  it('a session of a built-in version restores the same view a link would', async () => {
    const store = newStore();
    await store.getState().init();
    await store.getState().loadBuiltin('16.30.1');
    store.getState().setViewMode('providers');
    const session = await roundTrip(store);
    expect(session.data).toEqual({ version: '16.30.1' });
    const restored = newStore();
    await restored.getState().init();
    await restored.getState().applySession(session);
    expect(sharedViewOf(restored.getState())).toEqual(sharedViewOf(store.getState()));
  });

  it('refuses what is not a session, or a session it cannot read, naming the file', () => {
    expect(readSession('<xml/>', 'a.xml')).toEqual({
      error:
        'a.xml is not a session saved by the Asterisk Module Explorer (it is not JSON), so it was not opened.',
    });
    expect(readSession('{"format":"other"}', 'b.json')).toEqual({
      error: 'b.json is not a session saved by the Asterisk Module Explorer, so it was not opened.',
    });
    expect(readSession('{"format":"asterisk-module-explorer-session","version":9}', 'c.json')).toEqual({
      error: expect.stringMatching(/^c\.json was saved by a newer version .*session format 9/),
    });
    expect(
      readSession(
        JSON.stringify({
          format: 'asterisk-module-explorer-session',
          version: 1,
          savedAt: 'x',
          data: { version: '1 2' },
        }),
        'd.json',
      ),
    ).toEqual({
      error: 'd.json has a value this app does not understand (data.version), so it was not opened.',
    });
  });
});
