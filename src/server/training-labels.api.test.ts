/**
 * Who writes training labels (issue 24): a kiosk's group and confidence are its claim; the server's
 * active head decides the label from the features, and a kiosk cannot flood decisions or staff calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featuresToBase64 } from '../vision/features/feature-codec';
import type { FaceFeatures } from '../vision/features/face-analyzer';
import { GroupHead, type GroupHeadModel } from '../vision/head/group-head';
import { headInputOf } from '../vision/head/head-input';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { DECISIONS_PER_KIOSK } from './routes/decision.routes';
import { STAFF_CALLS_PER_KIOSK } from './routes/staff-call.routes';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A made-up face: an age distribution peaked at `age`, a gender score, and an empty embedding. */
function face(age: number, male: number): FaceFeatures {
  return {
    box: { x: 0, y: 0, width: 100, height: 100 },
    detectorScore: 0.99,
    faceresMale: male,
    faceresAge: Float32Array.from({ length: 100 }, (_, index) => (index === age ? 1 : 0)),
    embedding: new Float32Array(1024),
  };
}
/** What the shipped head (the test server's active one) makes of a face. */
const shippedHead = new GroupHead(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../models/group-head/model.json'), 'utf8')) as GroupHeadModel);

async function pairedKiosk(id: string): Promise<Record<string, string>> {
  const { credential } = await server.devices.register({ id, storeId: server.config.storeId, kind: 'kiosk' });
  return { authorization: `Bearer ${credential}`, 'content-type': 'application/json' };
}
const decide = (headers: Record<string, string>, body: Record<string, unknown>) =>
  fetch(`${server.url}/api/vision/decisions`, { method: 'POST', headers, body: JSON.stringify({ modelVersion: 'v-kiosk', ...body }) });
const samplesOf = (decisionId: string) => server.db.selectFrom('face_samples').selectAll().where('decision_id', '=', decisionId).execute();
const rowOf = (decisionId: string) => server.db.selectFrom('camera_decisions').selectAll().where('id', '=', decisionId).executeTakeFirstOrThrow();

describe('labels from camera decisions', () => {
  const features = face(75, 0.02);
  const serverSays = shippedHead.predict(headInputOf(features));
  const otherGroup = serverSays.group === 'general_female' ? 'senior_male' : 'general_female';

  it('come from the server\'s head: a confident claim it contradicts labels nothing', async () => {
    expect(serverSays.confidence).toBeGreaterThan(0.6);
    const kiosk = await pairedKiosk('kiosk-forger');
    const response = await decide(kiosk, { group: otherGroup, confidence: 0.999, features: featuresToBase64(features) });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(await samplesOf(id)).toEqual([]);
    // The claim is logged as the kiosk's decision (its order was served by it), but keeps no face data.
    expect(await rowOf(id)).toMatchObject({ group: otherGroup, label_status: 'none', label: null, features: null });
  });

  it('label a decision when the server agrees, with the server\'s group', async () => {
    const kiosk = await pairedKiosk('kiosk-honest');
    const response = await decide(kiosk, { group: serverSays.group, confidence: 0.97, features: featuresToBase64(features) });
    const { id } = (await response.json()) as { id: string };
    expect(await rowOf(id)).toMatchObject({ label_status: 'auto', label: serverSays.group });
    expect(await samplesOf(id)).toEqual([expect.objectContaining({ group: serverSays.group, label_source: 'auto' })]);
  });
});

describe('per-kiosk limits', () => {
  it(`refuse a kiosk's decisions past ${DECISIONS_PER_KIOSK.count} a minute with 429, storing nothing more; other kiosks go on`, async () => {
    const flooding = await pairedKiosk('kiosk-flood');
    const statuses: number[] = [];
    for (let call = 0; call < DECISIONS_PER_KIOSK.count; call++) statuses.push((await decide(flooding, { group: 'unknown', confidence: 0.3 })).status);
    expect(statuses.every((status) => status === 201)).toBe(true);
    const refused = await decide(flooding, { group: 'unknown', confidence: 0.3 });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const stored = await server.db.selectFrom('camera_decisions').select('id').where('kiosk_id', '=', 'kiosk-flood').execute();
    expect(stored).toHaveLength(DECISIONS_PER_KIOSK.count);
    expect((await decide(await pairedKiosk('kiosk-calm'), { group: 'unknown', confidence: 0.3 })).status).toBe(201);
  });

  it(`refuse a kiosk's staff calls past ${STAFF_CALLS_PER_KIOSK.count} a minute with 429`, async () => {
    const kiosk = await pairedKiosk('kiosk-caller');
    const call = () => fetch(`${server.url}/api/staff-calls`, { method: 'POST', headers: kiosk, body: JSON.stringify({ screen: 'menu' }) });
    for (let made = 0; made < STAFF_CALLS_PER_KIOSK.count; made++) expect((await call()).status).toBe(201);
    expect((await call()).status).toBe(429);
    const stored = await server.db.selectFrom('staff_calls').select('id').where('kiosk_id', '=', 'kiosk-caller').execute();
    expect(stored).toHaveLength(STAFF_CALLS_PER_KIOSK.count);
  });
});
