/**
 * The store's own recordings: staff are stood in for by espeak-ng voices training never uses
 * (pitch-shifted by sox), as no real recordings can be used here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { Phrase } from '../hearing/vocabulary';
import type { VoiceEvaluation } from './evaluate-recognizer';
import { NOT_AN_ORDER_LABEL } from './not-a-phrase';
import { synthesize } from './speech-synthesis';
import { labelsFolder, readStoreRecordings, recordingExamples, splitRecordings, voicePromotion } from './store-recordings';
import { VoiceLabelsError } from './voice-test-set';
import { writeWav16k } from './wav-file';

const phrases: Phrase[] = [
  { text: '김치찌개', kind: 'item' },
  { text: '네', kind: 'command' },
];

/** Two "staff members" (voices training never hears), three takes of each phrase, and one of talk. */
async function staffRecordings(rows = [...phrases.map((phrase) => phrase.text), NOT_AN_ORDER_LABEL]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-store-voices-'));
  const staff = [
    { variant: 'f4', speed: 120, pitch: 60, tempo: 1, reverb: 0, shift: 120 },
    { variant: 'm7', speed: 150, pitch: 40, tempo: 0.95, reverb: 20, shift: -80 },
  ];
  const labels: { file: string; text: string }[] = [];
  for (const text of rows)
    for (let take = 0; take < 3; take += 1) {
      const file = `${labels.length}.wav`;
      await writeWav16k(path.join(dir, file), await synthesize(text === NOT_AN_ORDER_LABEL ? '오늘 날씨 참 좋다' : text, staff[take % 2]!));
      labels.push({ file, text });
    }
  fs.writeFileSync(path.join(dir, 'labels.csv'), stringify(labels, { header: true, columns: ['file', 'text'] }));
  return dir;
}

describe("the store's recordings", () => {
  it('holds out every third take of each phrase', () => {
    const labels = ['네', '네', '김치찌개', '네', '김치찌개', '김치찌개', '네'].map((text, index) => ({ file: `${index}.wav`, text }));
    const { training, heldOut } = splitRecordings(labels);
    expect(heldOut.map((label) => label.file)).toEqual(['3.wav', '5.wav']);
    expect(training).toHaveLength(5);
  });

  it('become network examples, each take as recorded and with noise, talk as "not a phrase"', { timeout: 60_000 }, async () => {
    const dir = await staffRecordings();
    const labels = await readStoreRecordings(dir, phrases);
    expect(labels).toHaveLength(9);
    const examples = await recordingExamples(dir, labels, phrases, 2, 1);
    // Each phrase take gives at most one example per version (3 versions: a short "네" may drown in
    // the loudest noise); talk may give several stretches.
    for (const phrase of [0, 1]) {
      expect(examples.labels.filter((label) => label === phrase).length).toBeGreaterThanOrEqual(6);
      expect(examples.labels.filter((label) => label === phrase).length).toBeLessThanOrEqual(9);
    }
    expect(examples.labels.filter((label) => label === phrases.length).length).toBeGreaterThanOrEqual(9);
    // The held-out part is readable on its own, as `kiosk voice eval` reads it.
    const heldOut = await labelsFolder(dir, splitRecordings(labels).heldOut);
    expect(fs.readFileSync(path.join(heldOut.dir, 'labels.csv'), 'utf8').trim().split('\n')).toHaveLength(4);
    expect(fs.statSync(path.join(heldOut.dir, '2.wav')).size).toBeGreaterThan(1000);
    await heldOut.dispose();
  });

  it("refuses a recording whose text is not one of the menu's phrases, naming it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-store-voices-'));
    fs.writeFileSync(path.join(dir, 'labels.csv'), 'file,text\na.wav,짜장면\n');
    await expect(readStoreRecordings(dir, phrases)).rejects.toThrow(VoiceLabelsError);
    await expect(readStoreRecordings(dir, phrases)).rejects.toThrow('a.wav: "짜장면"');
  });
});

describe('voicePromotion', () => {
  const scores = (intentAccuracy: number, n = 100, falseTriggerRate: number | null = 0.05): VoiceEvaluation => ({
    n, notOrders: 100, falseTriggerRate, falseTriggerRateOnScreen: null, wordAccuracy: intentAccuracy, intentAccuracy, intentAccuracyOnScreen: intentAccuracy,
    msPerUtteranceP50: 1, msEndOfSpeechToIntentP50: 256, endOfSpeechPauseMs: 256, mistakes: [],
  });

  it("promotes only what is better on the store's held-out takes and not worse on synthetic voices or talk", () => {
    const current = { store: scores(0.6, 20), synthetic: scores(0.95) };
    expect(voicePromotion({ store: scores(0.8, 20), synthetic: scores(0.945) }, current).promote).toBe(true);
    expect(voicePromotion({ store: scores(0.6, 20), synthetic: scores(0.97) }, current)).toMatchObject({ promote: false, reason: expect.stringContaining('is not better') });
    expect(voicePromotion({ store: scores(0.8, 20), synthetic: scores(0.9) }, current)).toMatchObject({ promote: false, reason: expect.stringContaining('is worse') });
    expect(voicePromotion({ store: scores(0.8, 20), synthetic: scores(0.95, 100, 0.2) }, current)).toMatchObject({ promote: false, reason: expect.stringContaining('false triggers') });
    expect(voicePromotion({ store: scores(0, 0), synthetic: scores(0.95) }, current).promote).toBe(false);
  });
});
