/**
 * The camera decision log through the API, with the numbers of real faces: what is kept follows
 * the collection setting, confident decisions label themselves, the rest wait for review, a
 * customer's override sends an auto label back to review, and retention deletes what has expired.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlywheelCountsResponse, ReviewQueueResponse, StoreSettingsPatch } from '../../contracts/http';
import { decodeImage } from '../../vision/image/decode-image';
import { featuresToBase64 } from '../../vision/features/feature-codec';
import { FaceFeatureExtractor } from '../../vision/features/face-features';
import { consoleSession, type ConsoleCaller } from '../../test-support/console-session';
import { AAF_DIR } from '../../test-support/datasets';
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { JobLock } from '../db/job-lock';
import { cropFace } from './face-crop';
import { RETENTION_JOB } from './decision-retention';

/** A woman of 70 and a man of 28 (file names carry the age): their real features and face crops. */
type Face = { features: string; crop: string };
const faces: Record<'senior' | 'general', Face> = {} as never;

const T0 = new Date('2026-03-02T03:00:00.000Z');
let clock = T0;
let server: TestServer;
let owner: ConsoleCaller;
let staff: ConsoleCaller;
let nobody: ConsoleCaller;

beforeAll(async () => {
  const extractor = new FaceFeatureExtractor();
  for (const [name, file] of [['senior', '07150A70.jpg'], ['general', '09073A28.jpg']] as const) {
    const jpeg = fs.readFileSync(path.join(AAF_DIR, 'images', file));
    const features = await extractor.extract(await decodeImage(jpeg));
    if (!features) throw new Error(`No face found in ${file}`);
    faces[name] = { features: featuresToBase64(features), crop: (await cropFace(jpeg, features.box)).toString('base64') };
  }
  server = await startTestServer({ now: () => clock });
  [owner, staff, nobody] = await Promise.all([consoleSession(server, 'owner'), consoleSession(server, 'staff'), consoleSession(server, null)]);
}, 120_000);
afterAll(() => server?.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function decide(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> {
  const response = await post('/api/vision/decisions', { modelVersion: 'v-test', latencyMs: 412, ...body }, headers);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const row = (id: string) => server.db.selectFrom('camera_decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const samplesOf = (id: string) => server.db.selectFrom('face_samples').selectAll().where('decision_id', '=', id).execute();
const settings = async (patch: StoreSettingsPatch) => expect((await owner('PATCH', '/api/admin/settings', patch)).status).toBe(200);
const queue = async (query = '') => (await (await staff('GET', `/api/admin/review${query}`)).json()) as ReviewQueueResponse;

describe('POST /api/vision/decisions', () => {
  it('auto-labels decisions at or above the threshold; unsure ones keep no face data without a crop to review', async () => {
    await settings({ collection: 'embeddings', autoLabelThreshold: 0.95 });
    const sure = await decide({ group: 'senior_female', confidence: 0.97, features: faces.senior.features });
    const unsure = await decide({ group: 'general_male', confidence: 0.6, features: faces.general.features });
    const unknown = await decide({ group: 'unknown', confidence: 0.99, features: faces.general.features });
    expect(await row(sure)).toMatchObject({ label_status: 'auto', label: 'senior_female', kiosk_id: 'kiosk-1', model_version: 'v-test', latency_ms: 412, features: faces.senior.features, crop_key: null, decided_at: T0.toISOString() });
    expect(await samplesOf(sure)).toEqual([expect.objectContaining({ source: 'decision', label_source: 'auto', group: 'senior_female', features: faces.senior.features })]);
    // Nobody could judge these from numbers alone: they are logged, and nothing of the face is kept.
    for (const id of [unsure, unknown]) {
      expect(await row(id)).toMatchObject({ label_status: 'none', features: null, crop_key: null });
      expect(await samplesOf(id)).toEqual([]);
    }
    // A lower threshold makes the same confidence enough.
    await settings({ autoLabelThreshold: 0.5 });
    expect((await row(await decide({ group: 'general_male', confidence: 0.6, features: faces.general.features }))).label_status).toBe('auto');
    await settings({ autoLabelThreshold: 0.95 });
  });

  it('keeps no features and no crop with collection off', async () => {
    await settings({ collection: 'off' });
    const id = await decide({ group: 'senior_female', confidence: 0.99, features: faces.senior.features, crop: faces.senior.crop });
    expect(await row(id)).toMatchObject({ label_status: 'none', label: null, features: null, crop_key: null, group: 'senior_female', confidence: 0.99 });
    expect(await samplesOf(id)).toEqual([]);
    expect(storedCrops()).toEqual([]);
  });

  it('stores a crop with collection images and queues the decision for review; with embeddings neither', async () => {
    await settings({ collection: 'embeddings' });
    const numbersOnly = await decide({ group: 'general_male', confidence: 0.7, features: faces.general.features, crop: faces.general.crop });
    expect(await row(numbersOnly)).toMatchObject({ crop_key: null, features: null, label_status: 'none' });
    expect(storedCrops()).toEqual([]);

    await settings({ collection: 'images' });
    // Kiosks learn what to send, and what their camera notice says, from their config.
    expect(await (await fetch(`${server.url}/api/config`)).json()).toMatchObject({ collection: 'images', retentionDays: 90 });
    const withCrop = await decide({ group: 'general_male', confidence: 0.7, features: faces.general.features, crop: faces.general.crop });
    const { crop_key: key } = await row(withCrop);
    expect(key).toBe(`private/face-crops/${withCrop}.jpg`);
    expect(fs.readFileSync(path.join(server.config.dataDir, 'files', key!)).toString('base64')).toBe(faces.general.crop);

    // Only a signed-in console user sees it, and nothing may cache it; the public media route never serves it.
    const item = (await queue('?limit=100')).items.find((candidate) => candidate.id === withCrop)!;
    expect(item.cropUrl).toBe(`/api/admin/review/${withCrop}/crop`);
    expect((await row(withCrop)).label_status).toBe('review');
    expect((await queue('?limit=100')).items.find((candidate) => candidate.id === numbersOnly)).toBeUndefined();
    const crop = await staff('GET', item.cropUrl!);
    expect(crop.status).toBe(200);
    expect(crop.headers.get('content-type')).toBe('image/jpeg');
    expect(crop.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await crop.arrayBuffer()).toString('base64')).toBe(faces.general.crop);
    expect((await nobody('GET', item.cropUrl!)).status).toBe(401);
    expect((await fetch(`${server.url}/media/${key}`)).status).toBe(404);
    await settings({ collection: 'embeddings' });
  });

  it('names a paired kiosk by its credential, refuses other devices, and is the server kiosk without one', async () => {
    const kiosk = (await server.devices.register({ id: 'kiosk-5', storeId: 'store-1', kind: 'kiosk' })).credential;
    const kitchen = (await server.devices.register({ id: 'kitchen-5', storeId: 'store-1', kind: 'kitchen' })).credential;
    const id = await decide({ group: 'general_male', confidence: 0.5 }, { authorization: `Bearer ${kiosk}` });
    expect(await row(id)).toMatchObject({ kiosk_id: 'kiosk-5', label_status: 'none' });
    const body = { group: 'general_male', confidence: 0.5, modelVersion: 'v-test' };
    expect((await post('/api/vision/decisions', body, { authorization: `Bearer ${kitchen}` })).status).toBe(403);
    expect((await post('/api/vision/decisions', body, { authorization: 'Bearer not-a-credential' })).status).toBe(401);
    // Another kiosk's decision is not this one's to override.
    expect((await post(`/api/vision/decisions/${id}/override`, { override: 'chose_easy' })).status).toBe(404);
    expect((await post(`/api/vision/decisions/${id}/override`, { override: 'chose_easy' }, { authorization: `Bearer ${kiosk}` })).status).toBe(204);
  });

  it('refuses bad input with a clear 400 and keeps nothing of it', async () => {
    const before = await countDecisions();
    const good = { group: 'senior_female', confidence: 0.9, modelVersion: 'v-test', features: faces.senior.features };
    const notJpeg = Buffer.from('\x89PNG\r\n\x1a\n not a jpeg').toString('base64');
    const tooLarge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(70 * 1024)]).toString('base64');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, confidence: 1.5 }, 'invalid_request'],
      [{ ...good, group: 'child' }, 'invalid_request'],
      [{ group: 'senior_female', confidence: 0.9 }, 'invalid_request'],
      [{ ...good, features: faces.senior.features.slice(0, 400) }, 'invalid_features'],
      [{ ...good, features: 'not base64!' }, 'invalid_request'],
      [{ ...good, crop: notJpeg }, 'invalid_crop'],
      [{ ...good, crop: tooLarge }, 'invalid_request'],
    ];
    for (const [body, error] of cases) {
      const response = await post('/api/vision/decisions', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const answer = (await response.json()) as { error: string; message: string };
      expect(answer.error).toBe(error);
      expect(answer.message.length).toBeGreaterThan(10);
    }
    expect(await countDecisions()).toBe(before);
  });
});

describe('POST /api/vision/decisions/:id/override', () => {
  it('records the weak label; an overridden auto label loses its sample, and without a crop its numbers too', async () => {
    await settings({ collection: 'embeddings' });
    const numbersOnly = await decide({ group: 'senior_female', confidence: 0.98, features: faces.senior.features });
    expect(await samplesOf(numbersOnly)).toHaveLength(1);
    expect((await post(`/api/vision/decisions/${numbersOnly}/override`, { override: 'left_easy' })).status).toBe(204);
    expect(await row(numbersOnly)).toMatchObject({ override: 'left_easy', label_status: 'none', label: null, features: null });
    expect(await samplesOf(numbersOnly)).toEqual([]);

    await settings({ collection: 'images' });
    const id = await decide({ group: 'senior_female', confidence: 0.98, features: faces.senior.features, crop: faces.senior.crop });
    expect(await samplesOf(id)).toHaveLength(1);
    expect((await post(`/api/vision/decisions/${id}/override`, { override: 'left_easy' })).status).toBe(204);
    expect(await row(id)).toMatchObject({ override: 'left_easy', override_at: T0.toISOString(), label_status: 'review', label: null });
    expect(await samplesOf(id)).toEqual([]);
    expect((await queue('?limit=100')).items.find((item) => item.id === id)).toMatchObject({ override: 'left_easy', group: 'senior_female', confidence: 0.98, kioskId: 'kiosk-1' });

    expect((await post(`/api/vision/decisions/${id}/override`, { override: 'chose_easy' })).status).toBe(409);
    expect((await post(`/api/vision/decisions/${id}/override`, { override: 'stayed' })).status).toBe(400);
    expect((await post('/api/vision/decisions/3f1c1b7e-0000-4000-8000-000000000000/override', { override: 'left_easy' })).status).toBe(404);
  });
});

describe('the review queue', () => {
  it('pages oldest first, takes a verdict from staff, and counts what the flywheel holds', async () => {
    await decide({ group: 'general_male', confidence: 0.6, features: faces.general.features, crop: faces.general.crop });
    const before = (await (await staff('GET', '/api/admin/flywheel/counts')).json()) as FlywheelCountsResponse;
    const all = await queue('?limit=100');
    expect(all.pending).toBe(all.items.length);
    expect(all.items.map((item) => item.decidedAt)).toEqual([...all.items.map((item) => item.decidedAt)].sort());
    // Pages of two cover the same queue in the same order.
    const paged: string[] = [];
    for (let page = await queue('?limit=2'); ; page = await queue(`?limit=2&after=${page.next}`)) {
      paged.push(...page.items.map((item) => item.id));
      if (!page.next) break;
    }
    expect(paged).toEqual(all.items.map((item) => item.id));

    const [confirm, discard] = all.items;
    const discardCrop = (await row(discard!.id)).crop_key;
    expect((await staff('POST', `/api/admin/review/${confirm!.id}`, { verdict: 'general_female' })).status).toBe(204);
    expect(await row(confirm!.id)).toMatchObject({ label_status: 'reviewed', label: 'general_female', reviewed_at: T0.toISOString() });
    expect(await samplesOf(confirm!.id)).toEqual([expect.objectContaining({ source: 'decision', label_source: 'review', group: 'general_female' })]);
    expect((await staff('POST', `/api/admin/review/${discard!.id}`, { verdict: 'discard' })).status).toBe(204);
    expect(await row(discard!.id)).toMatchObject({ label_status: 'discarded', features: null, crop_key: null });
    if (discardCrop) expect(fs.existsSync(path.join(server.config.dataDir, 'files', discardCrop))).toBe(false);

    expect((await staff('POST', `/api/admin/review/${confirm!.id}`, { verdict: 'senior_male' })).status).toBe(409);
    expect((await staff('POST', `/api/admin/review/${confirm!.id}`, { verdict: 'unknown' })).status).toBe(400);
    expect((await staff('POST', '/api/admin/review/3f1c1b7e-0000-4000-8000-000000000000', { verdict: 'discard' })).status).toBe(404);
    expect((await staff('GET', '/api/admin/review?limit=0')).status).toBe(400);

    const after = (await (await owner('GET', '/api/admin/flywheel/counts')).json()) as FlywheelCountsResponse;
    expect(after.decisions).toEqual({ ...before.decisions, review: before.decisions.review - 2, reviewed: before.decisions.reviewed + 1, discarded: before.decisions.discarded + 1 });
    const reviewSamples = (counts: FlywheelCountsResponse) => counts.samples.find((entry) => entry.source === 'decision' && entry.labelSource === 'review')?.count ?? 0;
    expect(reviewSamples(after)).toBe(reviewSamples(before) + 1);
  });

  it('is for signed-in console users, and changes need the console header', async () => {
    const [pending] = (await queue('?limit=1')).items;
    for (const [method, path] of [['GET', '/api/admin/review'], ['GET', '/api/admin/flywheel/counts'], ['POST', `/api/admin/review/${pending!.id}`]] as const) {
      expect((await nobody(method, path, method === 'POST' ? { verdict: 'discard' } : undefined)).status).toBe(401);
    }
    expect((await staff('POST', `/api/admin/review/${pending!.id}`, { verdict: 'discard' }, {})).status).toBe(403);
    expect((await row(pending!.id)).label_status).toBe('review');
  });
});

describe('retention', () => {
  it('deletes decisions, crops and decision samples older than retentionDays; imports stay', async () => {
    await settings({ collection: 'images', retentionDays: 30 });
    const old = await decide({ group: 'general_male', confidence: 0.7, features: faces.general.features, crop: faces.general.crop });
    const oldAuto = await decide({ group: 'senior_female', confidence: 0.99, features: faces.senior.features, crop: faces.senior.crop });
    await server.db
      .insertInto('face_samples')
      .values({ id: 'import-1', source: 'import', decision_id: null, dataset: 'aaf-train', file: '07150A70.jpg', group: 'senior_female', age: 70, gender: 'female', label_source: 'import', features: faces.senior.features, image_key: null, created_at: T0.toISOString() })
      .execute();
    const oldCrops = [(await row(old)).crop_key!, (await row(oldAuto)).crop_key!];

    clock = new Date(T0.getTime() + 30 * 86_400_000 + 60_000);
    const fresh = await decide({ group: 'general_male', confidence: 0.7, features: faces.general.features, crop: faces.general.crop });
    const result = await server.retention.runOnce();
    expect(result?.decisions).toBeGreaterThanOrEqual(2);
    for (const id of [old, oldAuto]) {
      expect(await server.db.selectFrom('camera_decisions').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
      expect(await samplesOf(id)).toEqual([]);
    }
    for (const key of oldCrops) expect(fs.existsSync(path.join(server.config.dataDir, 'files', key))).toBe(false);
    expect(await server.db.selectFrom('face_samples').select('id').where('id', '=', 'import-1').executeTakeFirst()).toEqual({ id: 'import-1' });
    expect(await row(fresh)).toMatchObject({ label_status: 'review' });
    expect(fs.existsSync(path.join(server.config.dataDir, 'files', (await row(fresh)).crop_key!))).toBe(true);
    expect(await countDecisions()).toBe(1);
  });

  it('runs a pass as soon as it is scheduled (as at server start), and stops after it', async () => {
    const old = await decide({ group: 'general_female', confidence: 0.7, features: faces.general.features });
    clock = new Date(clock.getTime() + 31 * 86_400_000);
    const errors: unknown[] = [];
    await server.retention.schedule(60 * 60_000, (error) => errors.push(error)).stop();
    expect(errors).toEqual([]);
    expect(await server.db.selectFrom('camera_decisions').select('id').where('id', '=', old).executeTakeFirst()).toBeUndefined();
  });

  it('runs on one server at a time', async () => {
    const other = new JobLock(server.db, { name: RETENTION_JOB, holder: 'another-server', ttlMs: 60_000, now: () => clock });
    expect(await other.acquire()).toBe(true);
    expect(await server.retention.runOnce()).toBeNull();
    await other.release();
    expect(await server.retention.runOnce()).toEqual({ decisions: 0, samples: 0, crops: 0 });
  });
});

function storedCrops(): string[] {
  const folder = path.join(server.config.dataDir, 'files', 'private', 'face-crops');
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
}

async function countDecisions(): Promise<number> {
  const { count } = await server.db.selectFrom('camera_decisions').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}
