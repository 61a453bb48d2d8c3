/**
 * 학습 시작 (issue 28): the store's takes adapt the active voice model in a child process; only a
 * model judged better on the held-out takes (and not worse on synthetic voices) is what kiosks load.
 * Staff are stood in for by espeak-ng voices training never uses; the run is kept tiny.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoiceModelVersionsResponse, VoiceTrainingStatus } from '../../contracts/voice-recordings';
import { consoleSession, CONSOLE_HEADERS, type ConsoleCaller } from '../../test-support/console-session';
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { DEFAULT_VOICE_MODEL_FILE } from '../../voice/hearing/keyword-model-file';
import { synthesize } from '../../voice/training/speech-synthesis';
import { writeWav16k } from '../../voice/training/wav-file';

let server: TestServer;
let staff: ConsoleCaller;

beforeAll(async () => {
  if (process.env.TEST_DATABASE === 'postgres') return;
  server = await startTestServer({ voiceTrainingSize: { voices: 1, notPhrases: 20, epochs: 1 } });
  staff = await consoleSession(server, 'staff');
});
afterAll(() => server?.close());

const STAFF_VOICES = [
  { variant: 'f4', speed: 120, pitch: 60, tempo: 1, reverb: 0, shift: 120 },
  { variant: 'm7', speed: 150, pitch: 40, tempo: 0.95, reverb: 20, shift: -80 },
];

async function recordTake(speaker: number, phrase: string): Promise<void> {
  const file = path.join(server.config.dataDir, 'take.wav');
  await writeWav16k(file, await synthesize(phrase, STAFF_VOICES[speaker]!));
  const query = new URLSearchParams({ speaker: `직원${speaker}`, phrase, consent: 'yes' });
  const response = await staff('POST', `/api/admin/voice/recordings?${query}`, fs.readFileSync(file), { ...CONSOLE_HEADERS, 'content-type': 'audio/wav' });
  expect(response.status).toBe(201);
}

async function trainingStatus(): Promise<VoiceTrainingStatus> {
  return (await staff('GET', '/api/admin/voice/training')).json() as Promise<VoiceTrainingStatus>;
}

// The run spends minutes of one core on synthetic speech whatever the database: it runs in the
// SQLite pass only. Its rows (versions, rollback) are tested on PostgreSQL by voice-model-versions.
describe.skipIf(process.env.TEST_DATABASE === 'postgres')('voice training from the console', () => {
  it('refuses to start before there are takes to hold out', async () => {
    const response = await staff('POST', '/api/admin/voice/training');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'too_few_recordings' });
    expect((await trainingStatus()).state).toBe('idle');
  });

  it('adapts the model in the background, reports the held-out result, and kiosks load only a better model', { timeout: 600_000 }, async () => {
    for (const phrase of ['네', '김치찌개']) for (let take = 0; take < 3; take += 1) await recordTake(take % 2, phrase);

    const started = await staff('POST', '/api/admin/voice/training');
    expect(started.status).toBe(202);
    expect(((await started.json()) as VoiceTrainingStatus).state).toBe('running');
    expect((await staff('POST', '/api/admin/voice/training')).status).toBe(409);

    let status = await trainingStatus();
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      status = await trainingStatus();
    }
    expect(status.message).toBeTruthy();
    expect(status.state).toBe('finished');
    const result = status.result!;
    // Every third take of each phrase is held out: one "네" and one "김치찌개".
    expect(result.recordings).toEqual({ training: 4, heldOut: 2 });
    for (const judged of [result.adapted, result.current]) {
      expect(judged.store.n).toBe(2);
      expect(judged.synthetic.n).toBeGreaterThan(100);
    }

    const served = await (await fetch(`${server.url}/models/voice-keywords/model.json`)).text();
    const shipped = fs.readFileSync(DEFAULT_VOICE_MODEL_FILE, 'utf8');
    const { versions } = (await (await staff('GET', '/api/admin/voice/models')).json()) as VoiceModelVersionsResponse;
    if (result.promote) {
      expect(result.adapted.store.intentAccuracy).toBeGreaterThan(result.current.store.intentAccuracy);
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ status: 'active', result: { promote: true, recordings: result.recordings, adapted: result.adapted } });
      expect(served).not.toBe(shipped);
      expect(JSON.parse(served)).toHaveProperty('card');
    } else {
      expect(versions).toEqual([]);
      expect(served).toBe(shipped);
    }
  });
});
