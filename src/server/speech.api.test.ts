import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { SpeechSynthesizer } from './speech/speech-synthesizer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const speech = (query: string, init: RequestInit = {}) => fetch(`${server.url}/api/speech?${query}`, { signal: AbortSignal.timeout(20_000), ...init });
const isWav = (data: Buffer) => data.subarray(0, 4).toString('ascii') === 'RIFF';

describe('GET /api/speech', () => {
  it('speaks Korean with espeak-ng as WAV, and makes each sentence once', async () => {
    const query = `lang=ko&text=${encodeURIComponent('김치찌개 두 개 맞으세요?')}`;
    const first = await speech(query);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('audio/wav');
    const wav = Buffer.from(await first.arrayBuffer());
    expect(isWav(wav)).toBe(true);
    expect(wav.length).toBeGreaterThan(10_000);
    const cacheDir = path.join(server.config.dataDir, 'cache', 'speech');
    expect(fs.readdirSync(cacheDir)).toHaveLength(1);
    expect(Buffer.from(await (await speech(query)).arrayBuffer()).equals(wav)).toBe(true);
    expect(fs.readdirSync(cacheDir)).toHaveLength(1);
  });

  it('speaks what a voice-guided kiosk says about a focused dish', async () => {
    const response = await speech(`lang=ko&text=${encodeURIComponent('메뉴 12개 중 3번째, 김치찌개(대), 9,000원 · 10% 할인, 선택하려면 확인.')}`);
    expect(response.status).toBe(200);
    expect(isWav(Buffer.from(await response.arrayBuffer()))).toBe(true);
  });

  it.each([
    ['an unknown language', 'lang=fr&text=bonjour'],
    ['empty text', 'lang=ko&text='],
    ['text over 300 characters', `lang=ko&text=${'가'.repeat(301)}`],
    ['no text', 'lang=ko'],
    ['an option that reads a file', `lang=en&text=${encodeURIComponent('-qXf/etc/passwd')}`],
    ['an option that tests whether a file exists', `lang=en&text=${encodeURIComponent('-f/etc/hostname')}`],
    ['an option that waits on stdin', `lang=en&text=${encodeURIComponent('--stdin')}`],
    ['markup', `lang=en&text=${encodeURIComponent('<speak>hi</speak>')}`],
    ['a second line', `lang=en&text=${encodeURIComponent('hello\nworld')}`],
    ['a shell line', `lang=en&text=${encodeURIComponent('"; rm -rf / #')}`],
  ])('answers 400 for %s', async (_name, query) => {
    expect((await speech(query)).status).toBe(400);
  });

  it("speaks only for the store's screens: paired kiosks, the pickup board and the pager, or the server's own screen", { timeout: 60_000 }, async () => {
    const refusing = await startTestServer({ env: { UNPAIRED_KIOSK: 'refuse' } });
    try {
      const register = async (id: string, kind: 'kiosk' | 'kitchen' | 'pager') => (await refusing.devices.register({ id, storeId: refusing.config.storeId, kind })).credential;
      const [kiosk, kitchen, pager] = [await register('kiosk-speech', 'kiosk'), await register('kitchen-speech', 'kitchen'), await register('pager-speech', 'pager')];
      const ask = (credential?: string) =>
        fetch(`${refusing.url}/api/speech?lang=ko&text=${encodeURIComponent('어서 오세요.')}`, credential ? { headers: { authorization: `Bearer ${credential}` } } : {});
      expect((await ask()).status).toBe(401);
      expect((await ask('kiosk-speech.not-its-secret')).status).toBe(401);
      expect((await ask(kitchen)).status).toBe(403);
      expect((await ask(kiosk)).status).toBe(200);
      expect((await ask(pager)).status).toBe(200);
    } finally {
      await refusing.close();
    }
  });
});

describe('SpeechSynthesizer', () => {
  const cacheDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'speech-cache-'));
  const limits = { concurrency: 2, queue: 16, timeoutMs: 10_000, cachedSentences: 100 };

  it('hands the text to espeak-ng on stdin, so even an option-like text is spoken as words', async () => {
    const speech = new SpeechSynthesizer(cacheDir(), limits);
    for (const text of ['-qXf/etc/passwd', '-f/etc/hostname', '-f/no/such/file', '--stdin']) {
      expect(isWav(await speech.wavFor(text, 'en'))).toBe(true);
    }
  });

  it('kills a run that takes too long and says so', async () => {
    const speech = new SpeechSynthesizer(cacheDir(), { ...limits, timeoutMs: 1 });
    await expect(speech.wavFor('A sentence long enough to take more than a millisecond to say.', 'en')).rejects.toMatchObject({ statusCode: 503, code: 'speech_timeout' });
  });

  it('runs a few at once behind a short queue and turns the rest away with 503', async () => {
    const speech = new SpeechSynthesizer(cacheDir(), { ...limits, concurrency: 1, queue: 2 });
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, index) => speech.wavFor(`Sentence number ${index} for the queue.`, 'en')));
    const busy = results.filter((result) => result.status === 'rejected');
    expect(busy.length).toBeGreaterThan(0);
    for (const result of busy) expect(result.reason).toMatchObject({ statusCode: 503, code: 'speech_busy' });
    expect(results.length - busy.length).toBeGreaterThan(0);
  });

  it('keeps a bounded number of sentences in its cache, the newest', async () => {
    const dir = cacheDir();
    const speech = new SpeechSynthesizer(dir, { ...limits, cachedSentences: 2 });
    for (const word of ['one', 'two', 'three', 'four']) await speech.wavFor(word, 'en');
    expect(fs.readdirSync(dir)).toHaveLength(2);
  });
});
