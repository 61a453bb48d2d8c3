import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const speech = (query: string) => fetch(`${server.url}/api/speech?${query}`);

describe('GET /api/speech', () => {
  it('speaks Korean with espeak-ng as WAV, and makes each sentence once', async () => {
    const query = `lang=ko&text=${encodeURIComponent('김치찌개 두 개 맞으세요?')}`;
    const first = await speech(query);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('audio/wav');
    const wav = Buffer.from(await first.arrayBuffer());
    expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(wav.length).toBeGreaterThan(10_000);
    const cacheDir = path.join(server.config.dataDir, 'cache', 'speech');
    expect(fs.readdirSync(cacheDir)).toHaveLength(1);
    expect(Buffer.from(await (await speech(query)).arrayBuffer()).equals(wav)).toBe(true);
    expect(fs.readdirSync(cacheDir)).toHaveLength(1);
  });

  it.each([
    ['an unknown language', 'lang=fr&text=bonjour'],
    ['empty text', 'lang=ko&text='],
    ['text over 300 characters', `lang=ko&text=${'가'.repeat(301)}`],
    ['no text', 'lang=ko'],
  ])('answers 400 for %s', async (_name, query) => {
    expect((await speech(query)).status).toBe(400);
  });

  it('passes hostile text to espeak-ng as words, never as a command', async () => {
    const response = await speech(`lang=en&text=${encodeURIComponent('"; rm -rf / #')}`);
    expect(response.status).toBe(200);
  });
});
