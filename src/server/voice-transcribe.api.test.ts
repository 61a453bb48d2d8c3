/**
 * `POST /api/voice/transcribe`, plumbing only: no whisper model with Korean is reachable here, so
 * the model is one of the right shape with random weights (`random-whisper-model.ts`), loaded by
 * the real binding: it answers a string that means nothing. The tests check who may send a turn,
 * what a turn must look like, how big it may be, how many may wait, and that a crash of the recognizer costs one turn. Never a malformed model:
 * the binding aborts the process it runs in on one. With these random weights the binding panics
 * inside `full` on turns of 2 s or more; the recognizer runs in a child process, so that costs
 * one turn, which the tests check. 1 s turns return at once: the decoder proper is not exercised.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { writeRandomWhisperModel } from '../test-support/random-whisper-model';
import { MAX_TURN_BYTES, pcm16ToFloat } from './routes/voice.routes';
import { TRANSCRIBE_QUEUE_LIMIT } from './voice/speech-transcriber';

const modelFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'whisper-route-')), 'ggml-random.bin');
writeRandomWhisperModel(modelFile);

let server: TestServer;
let kiosk: string;
let kitchen: string;
beforeAll(async () => {
  server = await startTestServer({ env: { VOICE_ENGINE: 'whisper', WHISPER_MODEL: modelFile, UNPAIRED_KIOSK: 'refuse' } });
  const register = async (id: string, kind: 'kiosk' | 'kitchen') => (await server.devices.register({ id, storeId: server.config.storeId, kind })).credential;
  [kiosk, kitchen] = [await register('kiosk-voice', 'kiosk'), await register('kitchen-voice', 'kitchen')];
});
afterAll(() => server.close());

const turn = (body: Buffer, credential: string | null = kiosk, type = 'audio/pcm') =>
  fetch(`${server.url}/api/voice/transcribe`, {
    method: 'POST',
    headers: { 'content-type': type, ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
    body,
    signal: AbortSignal.timeout(20_000),
  });
const seconds = (s: number) => Buffer.alloc(Math.round(s * 16_000) * 2);
/** Quiet noise, so the decoder has something to chew on. */
const noise = (s: number) => {
  const body = seconds(s);
  for (let i = 0; i < body.length / 2; i++) body.writeInt16LE(Math.round(Math.sin(i * 12.9898) * 43758.5453 % 1 * 2000), i * 2);
  return body;
};

describe('POST /api/voice/transcribe', () => {
  it('tells the kiosk page that the engine is whisper', async () => {
    const config = (await (await fetch(`${server.url}/api/config`, { headers: { authorization: `Bearer ${kiosk}` } })).json()) as { voiceEngine: string };
    expect(config.voiceEngine).toBe('whisper');
  });

  it("refuses callers that are not one of the store's kiosks, before reading a body of any size", async () => {
    expect((await turn(seconds(1), null)).status).toBe(401);
    const tooBig = Buffer.alloc(MAX_TURN_BYTES * 3);
    const anonymous = await turn(tooBig, null);
    expect(anonymous.status).toBe(401);
    expect((await turn(tooBig, 'not-a-credential')).status).toBe(401);
    const byKitchen = await turn(seconds(1), kitchen);
    expect(byKitchen.status).toBe(403);
  });

  it('refuses more than 15 s of audio', async () => {
    const response = await turn(Buffer.alloc(MAX_TURN_BYTES + 2));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('body_too_large');
  });

  it.each([
    ['half a sample', Buffer.alloc(16_001)],
    ['a click, not a word', seconds(0.05)],
    ['nothing', Buffer.alloc(0)],
  ])('answers 400 for %s', async (_name, body) => {
    const response = await turn(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/invalid_audio|bad_request|FST_ERR/i);
  });

  it('answers 415 for audio that is not raw PCM', async () => {
    expect((await turn(seconds(1), kiosk, 'audio/wav')).status).toBe(415);
    expect((await turn(seconds(1), kiosk, 'audio/ogg')).status).toBe(415);
  });

  it('is not there unless the engine is whisper', async () => {
    const offline = await startTestServer();
    try {
      const response = await fetch(`${offline.url}/api/voice/transcribe`, { method: 'POST', headers: { 'content-type': 'audio/pcm' }, body: seconds(1) });
      expect(response.status).toBe(404);
    } finally {
      await offline.close();
    }
  });
});

describe('the real whisper.cpp binding, with random weights', () => {
  // First, while the recognizer's process is still starting: the turns arrive together.
  it('lets a few turns wait behind the one being decoded and answers the rest "busy"', { timeout: 60_000 }, async () => {
    const answers = await Promise.all(Array.from({ length: TRANSCRIBE_QUEUE_LIMIT + 6 }, () => turn(noise(1))));
    const codes = await Promise.all(answers.map(async (answer) => (answer.status === 200 ? 'ok' : ((await answer.json()) as { error: string }).error)));
    expect(codes.filter((code) => code === 'ok')).toHaveLength(TRANSCRIBE_QUEUE_LIMIT + 1);
    expect(codes.filter((code) => code === 'busy')).toHaveLength(5);
  });

  it('loads the model on the first turn and answers text (meaningless with random weights)', { timeout: 60_000 }, async () => {
    const response = await turn(noise(1));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ text: expect.any(String) });
  });

  it('a turn that crashes the recognizer costs that turn only: 503, and the next turn is heard', { timeout: 60_000 }, async () => {
    // With these random weights the binding panics on turns of 2 s or more, which aborts its process.
    const crashed = await turn(noise(3));
    expect(crashed.status).toBe(503);
    expect(((await crashed.json()) as { error: string }).error).toBe('recognizer_failed');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const next = await turn(noise(1));
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ text: expect.any(String) });
  });
});

describe('pcm16ToFloat', () => {
  it('reads little-endian 16-bit samples into [-1, 1)', () => {
    const body = Buffer.alloc(8);
    [0, 16384, -32768, 32767].forEach((value, i) => body.writeInt16LE(value, i * 2));
    expect(Array.from(pcm16ToFloat(body))).toEqual([0, 0.5, -1, 32767 / 32768]);
  });
});
