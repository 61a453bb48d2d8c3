/**
 * Camera devices without the model: a real JPEG of a real face goes to the server's worker pool,
 * the decision comes back, goes out on the kiosk's group topic and into the decision log, and no
 * image is kept unless the store collects images.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceDecisionResponse } from '../../contracts/http';
import { GroupMessage, parseMessage } from '../../iot/messages';
import { topics } from '../../iot/topics';
import { consoleSession } from '../../test-support/console-session';
import { AAF_DIR } from '../../test-support/datasets';
import { listen, type Listener } from '../../test-support/mqtt-listener';
import { startTestServer, type TestServer } from '../../test-support/test-server';

let server: TestServer;
let camera: string;
let store: Listener;

beforeAll(async () => {
  // Two threads: this machine's cores, and enough to show frames decided side by side.
  server = await startTestServer({ env: { VISION_THREADS: '2' } });
  camera = (await server.devices.register({ id: 'camera-1', storeId: 'store-1', kind: 'camera', kioskId: 'kiosk-7' })).credential;
  const kitchen = (await server.devices.register({ id: 'kitchen-1', storeId: 'store-1', kind: 'kitchen' })).credential;
  store = await listen(server.brokerUrl, { username: 'kitchen-1', password: kitchen });
  await store.client.subscribeAsync(topics.kioskGroup('store-1', 'kiosk-7'), { qos: 1 });
}, 60_000);
afterAll(async () => {
  await store?.close();
  await server?.close();
});

const decide = (body: Buffer, credential = camera, contentType = 'image/jpeg') =>
  fetch(`${server.url}/api/vision/decide?kiosk=kiosk-7`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': contentType }, body });

const writtenImages = () => fs.readdirSync(server.config.dataDir, { recursive: true }).map(String).filter((file) => /\.(jpe?g|png|webp)$/i.test(file));

describe('POST /api/vision/decide', () => {
  it('decides real faces in parallel, publishes each decision and keeps no image', async () => {
    // A woman of 70 and a man of 28 that training held out (file names carry the age).
    const [senior, general] = ['07150A70.jpg', '09073A28.jpg'].map((file) => fs.readFileSync(path.join(AAF_DIR, 'images', file)));
    const responses = await Promise.all([decide(senior!), decide(general!)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    const [old, young] = (await Promise.all(responses.map((response) => response.json()))) as FaceDecisionResponse[];
    expect(old).toMatchObject({ kioskId: 'kiosk-7', group: expect.stringMatching(/^senior_/), modelVersion: expect.any(String) });
    expect(young!.group).toMatch(/^general_/);
    // Decided with the registry's active head, the one the kiosks are told to run.
    const active = (await (await fetch(`${server.url}/models/group-head/model.json`)).json()) as { version: string };
    expect(old!.modelVersion).toBe(active.version);

    const published = parseMessage(GroupMessage, (await store.next((message) => message.payload.includes('senior_'), 10_000)).payload);
    expect(published).toMatchObject({ kioskId: 'kiosk-7', group: old!.group, confidence: old!.confidence });
    expect(writtenImages()).toEqual([]);

    // Both are in the decision log, with no crop (the store collects embeddings by default): a confident
    // one with the face's numbers as a training sample, an unsure one without them (nobody could review it).
    const logged = await server.db.selectFrom('camera_decisions').selectAll().where('id', 'in', [old!.decisionId, young!.decisionId]).orderBy('confidence').execute();
    expect(logged).toHaveLength(2);
    for (const row of logged) {
      expect(row).toMatchObject({ kiosk_id: 'kiosk-7', crop_key: null });
      if (row.label_status === 'auto') expect(row.features).toMatch(/^[A-Za-z0-9+/]{6000,}=*$/);
      else expect(row).toMatchObject({ label_status: 'none', features: null });
    }
    expect(logged.find((row) => row.id === old!.decisionId)).toMatchObject({ group: old!.group, confidence: old!.confidence, model_version: active.version });
  }, 120_000);

  it('keeps a crop of the face, not the frame, only when the store collects images', async () => {
    const owner = await consoleSession(server, 'owner');
    expect((await owner('PATCH', '/api/admin/settings', { collection: 'images' })).status).toBe(200);
    try {
      const frame = fs.readFileSync(path.join(AAF_DIR, 'images', '07150A70.jpg'));
      const response = await decide(frame);
      expect(response.status).toBe(200);
      const { decisionId } = (await response.json()) as FaceDecisionResponse;
      const { crop_key: key } = await server.db.selectFrom('camera_decisions').select('crop_key').where('id', '=', decisionId).executeTakeFirstOrThrow();
      const crop = await sharp(path.join(server.config.dataDir, 'files', key!)).metadata();
      const original = await sharp(frame).metadata();
      expect(crop.format).toBe('jpeg');
      expect(crop.width).toBeLessThan(original.width!);
    } finally {
      expect((await owner('PATCH', '/api/admin/settings', { collection: 'embeddings' })).status).toBe(200);
    }
  }, 60_000);

  it('answers unknown for a frame without a face', async () => {
    const empty = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#d6d3d1' } }).jpeg().toBuffer();
    const response = await decide(empty);
    expect(response.status).toBe(200);
    expect(((await response.json()) as FaceDecisionResponse).group).toBe('unknown');
  }, 60_000);

  it('refuses what is not a JPEG, a broken JPEG, other devices and no credential', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    expect((await decide(png, camera, 'image/jpeg')).status).toBe(400);
    expect((await decide(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]))).status).toBe(400);
    expect((await decide(png, camera, 'image/png')).status).toBe(415);
    const kitchen = (await server.devices.register({ id: 'kitchen-2', storeId: 'store-1', kind: 'kitchen' })).credential;
    expect((await decide(png, kitchen)).status).toBe(403);
    expect((await fetch(`${server.url}/api/vision/decide?kiosk=kiosk-7`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: png })).status).toBe(401);
    expect((await fetch(`${server.url}/api/vision/decide?kiosk=a/b`, { method: 'POST', headers: { authorization: `Bearer ${camera}`, 'content-type': 'image/jpeg' }, body: png })).status).toBe(400);
  }, 60_000);
});
