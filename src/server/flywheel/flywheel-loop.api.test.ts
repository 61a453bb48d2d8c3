/**
 * The whole flywheel on real faces, as a store runs it: a dataset is imported and a first model
 * trained and made active; kiosks hear of it on the broker. Customers' camera decisions then come
 * in through the API: the confident ones label themselves, staff review the unsure ones, and the
 * next training run learns from both and reaches the kiosks the same way.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewQueueResponse } from '../../contracts/http';
import { FACE_GROUPS, groupOf, type FaceGroup } from '../../domain/customer-group';
import { ModelActiveMessage, parseMessage } from '../../iot/messages';
import { topics } from '../../iot/topics';
import { consoleSession, type ConsoleCaller } from '../../test-support/console-session';
import { AAF_DIR, aafRows, csvDatasetFolder } from '../../test-support/datasets';
import { listen, type Listener } from '../../test-support/mqtt-listener';
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { featuresToBase64 } from '../../vision/features/feature-codec';
import { FaceFeatureExtractor } from '../../vision/features/face-features';
import { decodeImage } from '../../vision/image/decode-image';
import { cropFace } from './face-crop';

const run = promisify(execFile);
const KIOSK = path.resolve(import.meta.dirname, '../../../bin/kiosk.js');

let server: TestServer;
let owner: ConsoleCaller;
let staff: ConsoleCaller;
let kiosk: Listener;

beforeAll(async () => {
  server = await startTestServer({ modelPollMs: 200 });
  [owner, staff] = await Promise.all([consoleSession(server, 'owner'), consoleSession(server, 'staff')]);
  const credential = (await server.devices.register({ id: 'kiosk-2', storeId: 'store-1', kind: 'kiosk' })).credential;
  kiosk = await listen(server.brokerUrl, { username: 'kiosk-2', password: credential });
  await kiosk.client.subscribeAsync(topics.modelActive('group-head'), { qos: 1 });
}, 60_000);
afterAll(async () => {
  await kiosk?.close();
  await server?.close();
});

/** The CLI an operator runs, on the server's own database and file store; its last line. */
async function cli(...args: string[]): Promise<string> {
  const env = { ...process.env, DATA_DIR: server.config.dataDir, DATABASE_URL: server.config.databaseUrl ?? '' };
  const { stdout } = await run(process.execPath, [KIOSK, ...args], { env, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim().split('\n').at(-1)!;
}

type TrainResult = { version: string; promoted: boolean; reason: string };

/** Trains on everything labelled; a candidate the rule does not promote is promoted by hand, as an operator may. */
async function trainAndActivate(): Promise<string> {
  const result = JSON.parse(await cli('model', 'train', '--json', '--frozen-limit', '60', '--epochs', '80')) as TrainResult;
  if (!result.promoted) await cli('model', 'promote', result.version);
  return result.version;
}

/** What the kiosk was last told to run. */
async function announcedVersion(version: string): Promise<void> {
  const message = await kiosk.next((received) => received.payload.includes(version), 15_000);
  expect(parseMessage(ModelActiveMessage, message.payload)).toMatchObject({ model: 'group-head', version });
}

const lineageOf = async (version: string) =>
  JSON.parse((await server.db.selectFrom('model_versions').select('lineage').where('version', '=', version).executeTakeFirstOrThrow()).lineage) as { sources: string[]; samples: string[] };

describe('the flywheel', () => {
  const imported = aafRows({ 'senior-male': 10, 'senior-female': 10, 'general-male': 24, 'general-female': 24 });
  let first = '';

  it('imports a dataset, trains a first model and makes it the kiosks\' model', { timeout: 400_000 }, async () => {
    const folder = csvDatasetFolder(path.join(server.config.dataDir, 'import'), imported);
    const counts = JSON.parse(await cli('data', 'import', folder, '--json')) as { added: number };
    expect(counts.added).toBeGreaterThan(imported.length - 4);
    first = await trainAndActivate();
    await announcedVersion(first);
    expect((await lineageOf(first)).sources).toEqual(['face_samples:import']);
  });

  it('learns from customers: auto labels and reviewed labels go into the next model', { timeout: 400_000 }, async () => {
    // Customers the first model never saw: two of each group.
    const seen = new Set(imported.map((row) => row.file));
    const unseen = aafRows({ 'senior-male': 45, 'senior-female': 45, 'general-male': 99, 'general-female': 99 }).filter((row) => !seen.has(row.file));
    const customers = FACE_GROUPS.flatMap((group) => unseen.filter((row) => groupOf(row.age, row.gender) === group).slice(0, 2));
    expect(customers).toHaveLength(8);

    // The store collects face crops, so a person can judge the unsure decisions.
    expect((await owner('PATCH', '/api/admin/settings', { collection: 'images' })).status).toBe(200);
    const extractor = new FaceFeatureExtractor();
    const decided: { id: string; truth: FaceGroup }[] = [];
    for (const [index, customer] of customers.entries()) {
      const jpeg = fs.readFileSync(path.join(AAF_DIR, 'images', customer.file));
      const features = await extractor.extract(await decodeImage(jpeg));
      expect(features).not.toBeNull();
      const truth = groupOf(customer.age, customer.gender);
      // Half are confident (they label themselves), half unsure and, as here, wrong.
      const confident = index % 2 === 0;
      const response = await fetch(`${server.url}/api/vision/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ group: confident ? truth : truth.startsWith('senior') ? 'general_female' : 'senior_male', confidence: confident ? 0.98 : 0.62, modelVersion: first, latencyMs: 300, features: featuresToBase64(features!), crop: (await cropFace(jpeg, features!.box)).toString('base64') }),
      });
      expect(response.status).toBe(201);
      decided.push({ id: ((await response.json()) as { id: string }).id, truth });
    }

    // Staff settle the queue: the unsure ones and any confident claim the server's head did not
    // share (a kiosk's claim labels nothing by itself), all corrected to the truth but one, discarded.
    const queue = (await (await staff('GET', '/api/admin/review?limit=50')).json()) as ReviewQueueResponse;
    const queued = decided.filter((entry) => queue.items.some((item) => item.id === entry.id));
    expect(queued.length).toBeGreaterThanOrEqual(4);
    for (const [index, { id, truth }] of queued.entries()) {
      const response = await staff('POST', `/api/admin/review/${id}`, { verdict: index === 0 ? 'discard' : truth });
      expect(response.status).toBeLessThan(300);
    }
    const fromDecisions = await server.db.selectFrom('face_samples').select(['decision_id', 'group', 'label_source']).where('source', '=', 'decision').execute();
    expect(fromDecisions).toHaveLength(7);
    for (const sample of fromDecisions) expect(sample.group).toBe(decided.find((entry) => entry.id === sample.decision_id)!.truth);
    expect(fromDecisions.filter((sample) => sample.label_source === 'review')).toHaveLength(queued.length - 1);

    const second = await trainAndActivate();
    expect(second).not.toBe(first);
    await announcedVersion(second);
    const lineage = await lineageOf(second);
    expect([...lineage.sources].sort()).toEqual(['face_samples:decision', 'face_samples:import']);
    const decisionSamples = await server.db.selectFrom('face_samples').select('id').where('source', '=', 'decision').execute();
    expect(lineage.samples).toEqual(expect.arrayContaining(decisionSamples.map((sample) => sample.id)));
  });
});
