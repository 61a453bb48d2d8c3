/**
 * Voice model versions (issue 28): every model 음성 학습 keeps is a version with its held-out
 * numbers; the active one is what kiosks load, and rollback steps back to the one before, then
 * to the shipped model, and an owner may make any kept one active again; paired kiosks are told which (retained on `models/voice-keywords/active`).
 * Versions are added here as the training runner adds them.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoiceModelVersionsResponse, VoiceTrainingOutcome } from '../../contracts/voice-recordings';
import { consoleSession, type ConsoleCaller } from '../../test-support/console-session';
import { listenToModelAnnouncements, type ModelAnnouncements } from '../../test-support/model-announcements';
import { EMBEDDED_BROKER, startTestServer, type TestServer } from '../../test-support/test-server';
import { DEFAULT_VOICE_MODEL_FILE } from '../../voice/hearing/keyword-model-file';
import { VoiceModelVersionRepository } from '../repositories/voice-model-version.repository';
import { openFileStore } from '../storage/open-file-store';
import { VoiceModelVersions } from './voice-model-versions';

let server: TestServer;
let owner: ConsoleCaller;
let staff: ConsoleCaller;
let kiosk: ModelAnnouncements;
let clock = Date.parse('2026-12-05T10:00:00Z');

beforeAll(async () => {
  // The embedded broker in every run (TEST_MQTT too): the kiosk listens on the server's own /mqtt.
  server = await startTestServer({ modelPollMs: 100, env: EMBEDDED_BROKER });
  owner = await consoleSession(server, 'owner');
  staff = await consoleSession(server, 'staff');
  kiosk = await listenToModelAnnouncements(server);
});
afterAll(async () => {
  await kiosk?.close();
  await server?.close();
});

/** The announcement a paired kiosk hears when `version` becomes the one to run. */
const announced = (version: string) => kiosk.announced('voice-keywords', version);

const scores = (n: number, intentAccuracy: number) => ({ n, notOrders: 20, intentAccuracy, falseTriggerRate: 0.05 });
const outcome = (before: number, after: number): VoiceTrainingOutcome => ({
  promote: true,
  recordings: { training: 8, heldOut: 4 },
  current: { store: scores(4, before), synthetic: scores(142, 0.95) },
  adapted: { store: scores(4, after), synthetic: scores(142, 0.95) },
});
/** Keeps the shipped model (its file says the date it was trained) as a new version; answers the registry's version. */
async function keep(result: VoiceTrainingOutcome): Promise<string> {
  clock += 60_000;
  const versions = new VoiceModelVersions(new VoiceModelVersionRepository(server.db), await openFileStore(server.config), { storeId: server.config.storeId, now: () => new Date(clock) });
  return (await versions.add(fs.readFileSync(DEFAULT_VOICE_MODEL_FILE), result)).version;
}

const servedVersion = async () => ((await (await fetch(`${server.url}/models/voice-keywords/model.json`)).json()) as { version: string }).version;
const listed = async () => ((await (await staff('GET', '/api/admin/voice/models')).json()) as VoiceModelVersionsResponse).versions;

describe('voice model versions', () => {
  it('kiosks load the shipped model until a version is kept, then the active version; rollback steps back', async () => {
    const shipped = (JSON.parse(fs.readFileSync(DEFAULT_VOICE_MODEL_FILE, 'utf8')) as { version: string }).version;
    expect(await servedVersion()).toBe(shipped);
    expect(await announced(shipped)).toEqual({ v: 1, model: 'voice-keywords', version: shipped, url: '/models/voice-keywords/model.json' });
    expect((await owner('POST', '/api/admin/voice/models/rollback')).status).toBe(409);

    const first = await keep(outcome(0.5, 0.75));
    const second = await keep(outcome(0.75, 1));
    // The served file names the registry's version, not the date in the file that was kept.
    expect(second).toMatch(/^voice-2026/);
    expect(await servedVersion()).toBe(second);
    await announced(second);
    const versions = await listed();
    expect(versions.map((version) => version.status)).toEqual(['active', 'retired']);
    expect(versions[0]!.result.adapted.store.intentAccuracy).toBe(1);
    expect(versions[1]!.result.current.store.intentAccuracy).toBe(0.5);

    expect((await staff('POST', '/api/admin/voice/models/rollback')).status).toBe(403);
    const back = await owner('POST', '/api/admin/voice/models/rollback');
    expect(back.status).toBe(200);
    expect(((await back.json()) as { active: { version: string } }).active.version).toBe(versions[1]!.version);
    expect(await servedVersion()).toBe(first);
    await announced(first);

    expect(await (await owner('POST', '/api/admin/voice/models/rollback')).json()).toEqual({ active: null });
    expect(await servedVersion()).toBe(shipped);
    // Announced a second time: back to the shipped model.
    await expect.poll(() => kiosk.received.filter((message) => message.topic === 'models/voice-keywords/active' && message.payload.includes(`"${shipped}"`)).length).toBe(2);
    expect((await listed()).map((version) => version.status)).toEqual(['retired', 'retired']);

    // One rollback too many: an owner makes the newer version what kiosks load again.
    expect((await staff('POST', `/api/admin/voice/models/${second}/activate`)).status).toBe(403);
    expect((await owner('POST', '/api/admin/voice/models/voice-20990101t000000000z/activate')).status).toBe(404);
    const again = await owner('POST', `/api/admin/voice/models/${second}/activate`);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ version: second, status: 'active' });
    expect(await servedVersion()).toBe(second);
    await expect.poll(() => kiosk.received.filter((message) => message.topic === 'models/voice-keywords/active' && message.payload.includes(`"${second}"`)).length).toBe(2);
    expect((await listed()).map((version) => version.status)).toEqual(['active', 'retired']);
    expect(await (await owner('POST', `/api/admin/voice/models/${second}/activate`)).json()).toMatchObject({ error: 'already_active' });
  });
});
