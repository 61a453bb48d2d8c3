/**
 * 음성 학습 in tests: staff are stood in for by espeak-ng voices training never uses (pitch-shifted
 * by sox), and a store version can be put in place through the real registry, as a run that kept
 * it would have.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { VoiceTrainingOutcome } from '../contracts/voice-recordings';
import { VoiceModelVersionRepository } from '../server/repositories/voice-model-version.repository';
import { openFileStore } from '../server/storage/open-file-store';
import { VoiceModelVersions } from '../server/voice/voice-model-versions';
import type { VoiceTrainingSize } from '../server/voice/voice-training-runner';
import { DEFAULT_VOICE_MODEL_FILE } from '../voice/hearing/keyword-model-file';
import type { KeywordModelFile } from '../voice/hearing/keyword-model';
import { synthesize } from '../voice/training/speech-synthesis';
import { writeWav16k } from '../voice/training/wav-file';
import type { TestServer } from './test-server';

/** Two "staff members": held-out espeak-ng variants, each at its own speed and pitch. */
export const STAFF_VOICES = [
  { variant: 'f4', speed: 120, pitch: 60, tempo: 1, reverb: 0, shift: 120 },
  { variant: 'm7', speed: 150, pitch: 40, tempo: 0.95, reverb: 20, shift: -80 },
];

/**
 * A run in about 25 s rather than minutes: one rendering per phrase, one epoch, 42 non-phrases (the
 * fewest whose validation sixth holds every kind, talk included, so the acceptance bar is set on
 * talk too), and a held-out synthetic set of 24 phrases. It holds no recordings that are not orders:
 * against `neverSureVoiceModel`, which acts on nothing, any false trigger at all would refuse the
 * adapted model (that arm of `voicePromotion` is tested in store-recordings.test.ts).
 */
export const TINY_VOICE_TRAINING: VoiceTrainingSize = { voices: 1, notPhrases: 42, epochs: 1, syntheticHeldOut: { phrases: 24, notOrders: 0 } };

/** One take of `phrase` in staff voice `speaker`, as the console uploads it (16 kHz mono 16-bit WAV). */
export async function staffTake(speaker: number, phrase: string): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-staff-take-'));
  try {
    const file = path.join(dir, 'take.wav');
    await writeWav16k(file, await synthesize(phrase, STAFF_VOICES[speaker % STAFF_VOICES.length]!));
    return await fs.readFile(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The shipped model made useless in the one way a short adaptation always repairs: its confidence
 * flattened (temperature 50 rather than about 1), so no phrase ever reaches the bar the kiosk acts
 * on. Its weights are the shipped ones, so what an adaptation starting from it learns is measured
 * against a current model that hears nothing: adapted is better on every held-out set.
 */
export async function neverSureVoiceModel(): Promise<Buffer> {
  const shipped = JSON.parse(await fs.readFile(DEFAULT_VOICE_MODEL_FILE, 'utf8')) as KeywordModelFile;
  return Buffer.from(JSON.stringify({ ...shipped, temperature: 50 }));
}

/** What the registry keeps beside a version put in place by hand: no judgement was made. */
const unjudged = { n: 0, notOrders: 0, intentAccuracy: 0, falseTriggerRate: null };
const PUT_IN_PLACE: VoiceTrainingOutcome = { promote: true, recordings: { training: 0, heldOut: 0 }, adapted: { store: unjudged, synthetic: unjudged }, current: { store: unjudged, synthetic: unjudged } };

/** Puts `model` in place as the store's active version through the real registry, as a kept run would; answers its version. */
export async function keepStoreVoiceModel(server: TestServer, model: Buffer, now = new Date()): Promise<string> {
  const versions = new VoiceModelVersions(new VoiceModelVersionRepository(server.db), await openFileStore(server.config), { storeId: server.config.storeId, now: () => now });
  return (await versions.add(model, PUT_IN_PLACE)).version;
}
