/**
 * The console's voice training page (issue 28): staff record the recognizer's phrases with
 * consent; the audio stays private and is deleted one take or one speaker at a time.
 */
import wavefile from 'wavefile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoicePhrasesResponse, VoiceRecordingListResponse, VoiceRecordingResponse } from '../../contracts/voice-recordings';
import { consoleSession, CONSOLE_HEADERS, type ConsoleCaller } from '../../test-support/console-session';
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { openFileStore } from '../storage/open-file-store';
import { VOICE_RECORDING_MAX_BYTES } from './voice-recording.service';

const { WaveFile } = wavefile;
let server: TestServer;
let owner: ConsoleCaller;
let staff: ConsoleCaller;

beforeAll(async () => {
  server = await startTestServer();
  owner = await consoleSession(server, 'owner');
  staff = await consoleSession(server, 'staff');
});
afterAll(() => server.close());

/** A take as the page sends it: 16 kHz mono 16-bit PCM, a tone standing in for a voice. */
function take(seconds = 0.8, { sampleRate = 16_000, channels = 1 } = {}): Uint8Array {
  const length = Math.round(seconds * sampleRate);
  const tone = Int16Array.from({ length: length * channels }, (_, index) => Math.round(8000 * Math.sin(index / 5)));
  const wav = new WaveFile();
  wav.fromScratch(channels, sampleRate, '16', tone);
  return wav.toBuffer();
}

const WAV = { ...CONSOLE_HEADERS, 'content-type': 'audio/wav' };
const recordPath = (speaker: string, phrase: string, consent = 'yes') => `/api/admin/voice/recordings?speaker=${encodeURIComponent(speaker)}&phrase=${encodeURIComponent(phrase)}&consent=${consent}`;
const record = (caller: ConsoleCaller, speaker: string, phrase: string, body = take()) => caller('POST', recordPath(speaker, phrase), body, WAV);
const recordings = async () => ((await (await owner('GET', '/api/admin/voice/recordings')).json()) as VoiceRecordingListResponse).recordings;

describe('voice training recordings', () => {
  it('lists the phrases the recognizer knows: menu words, quantities, yes/no and commands', async () => {
    const response = await staff('GET', '/api/admin/voice/phrases');
    expect(response.status).toBe(200);
    const { phrases } = (await response.json()) as VoicePhrasesResponse;
    const texts = phrases.map((phrase) => phrase.text);
    expect(texts).toEqual(expect.arrayContaining(['김치찌개', '두 그릇', '네', '아니요', '결제할게요']));
    expect(new Set(phrases.map((phrase) => phrase.kind))).toEqual(new Set(['item', 'option', 'quantity', 'command']));
  });

  it('keeps a take with its speaker, phrase and consent time, privately', async () => {
    const response = await record(staff, '민지', '네');
    expect(response.status).toBe(201);
    const saved = (await response.json()) as VoiceRecordingResponse;
    expect(saved).toMatchObject({ speaker: '민지', phrase: '네', durationMs: 800 });
    expect(Date.parse(saved.consentAt)).not.toBeNaN();
    expect((await recordings()).map((recording) => recording.id)).toContain(saved.id);

    const key = `private/voice-recordings/${saved.id}.wav`;
    const files = await openFileStore(server.config);
    expect((await files.get(key))?.data.length).toBe(take().length);
    expect((await fetch(`${server.url}/media/${key}`)).status).toBe(404);
    const played = await staff('GET', `/api/admin/voice/recordings/${saved.id}/audio`);
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await played.arrayBuffer()).equals(Buffer.from(take()))).toBe(true);
    expect((await fetch(`${server.url}/api/admin/voice/recordings/${saved.id}/audio`)).status).toBe(401);
  });

  it('refuses a take without consent, an unknown phrase, or audio the recognizer cannot use, and keeps nothing', async () => {
    const before = (await recordings()).length;
    expect((await staff('POST', recordPath('민지', '네', 'no'), take(), WAV)).status).toBe(400);
    expect((await staff('POST', '/api/admin/voice/recordings?speaker=민지&phrase=네', take(), WAV)).status).toBe(400);
    const unknown = await record(staff, '민지', '피자');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toBe('unknown_phrase');
    expect((await record(staff, '민지', '네', take(0.8, { sampleRate: 44_100 }))).status).toBe(400);
    expect((await record(staff, '민지', '네', take(0.8, { channels: 2 }))).status).toBe(400);
    expect((await record(staff, '민지', '네', take(0.05))).status).toBe(400);
    expect((await record(staff, '민지', '네', new TextEncoder().encode('not a wav file'))).status).toBe(400);
    expect((await record(staff, ' ', '네')).status).toBe(400);
    const oversized = await record(staff, '민지', '네', new Uint8Array(VOICE_RECORDING_MAX_BYTES + 1));
    expect(await oversized.json()).toMatchObject({ error: 'body_too_large' });
    expect((await recordings()).length).toBe(before);
  });

  it('asks who is calling before reading the audio', async () => {
    const signedOut = await consoleSession(server, null);
    expect((await signedOut('POST', recordPath('민지', '네'), take(), WAV)).status).toBe(401);
    // Even an oversized body is refused for who sent it, not for its size.
    expect((await signedOut('POST', recordPath('민지', '네'), new Uint8Array(VOICE_RECORDING_MAX_BYTES + 1), WAV)).status).toBe(401);
    expect((await staff('POST', recordPath('민지', '네'), take(), { 'content-type': 'audio/wav' })).status).toBe(403);
    expect((await signedOut('GET', '/api/admin/voice/recordings')).status).toBe(401);
  });

  it('deletes one take, or every take of a speaker, audio included', async () => {
    const files = await openFileStore(server.config);
    const first = (await (await record(owner, '지훈', '아니요')).json()) as VoiceRecordingResponse;
    const second = (await (await record(owner, '지훈', '김치찌개')).json()) as VoiceRecordingResponse;
    const other = (await (await record(owner, '수아', '아니요')).json()) as VoiceRecordingResponse;

    expect((await staff('DELETE', `/api/admin/voice/recordings/${first.id}`)).status).toBe(204);
    expect(await files.has(`private/voice-recordings/${first.id}.wav`)).toBe(false);
    expect((await staff('DELETE', `/api/admin/voice/recordings/${first.id}`)).status).toBe(404);

    await record(owner, '지훈', '네');
    const deleted = await staff('DELETE', `/api/admin/voice/recordings?speaker=${encodeURIComponent('지훈')}`);
    expect(await deleted.json()).toEqual({ deleted: 2 });
    expect(await files.has(`private/voice-recordings/${second.id}.wav`)).toBe(false);
    const left = await recordings();
    expect(left.some((recording) => recording.speaker === '지훈')).toBe(false);
    expect(left.map((recording) => recording.id)).toContain(other.id);
  });
});
