/**
 * The held-out test set for the offline recognizer, and its evaluation. Test voices use espeak-ng
 * variants, speeds and pitches that training never hears, with noise at 10–20 dB SNR; the
 * recordings that are not orders (text "-") use sentences training never hears, in those voices.
 * DIR/labels.csv (`file,text`) and DIR/*.wav: the format `kiosk voice eval` reads.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { addNoise } from './room-noise';
import { synthesize } from './speech-synthesis';
import { seededRandom } from '../../shared/seeded-random';
import { HELD_OUT_VOICES, randomRecording } from './synthetic-voices';
import { writeWav16k } from './wav-file';
import { HELD_OUT_SENTENCES, NOT_A_PHRASE_KINDS, NOT_AN_ORDER_LABEL, notAPhrase } from './not-a-phrase';
import { createConditionBank, recordIn, type ConditionBank, type ConditionSet } from './recording-conditions';
import type { Recording } from './synthetic-voices';

export type VoiceLabel = { file: string; text: string };

export class VoiceLabelsError extends Error {}

/** `conditions`: recorded in them (HELD_OUT_CONDITIONS) rather than under room noise alone. */
export async function writeVoiceTestSet(dir: string, texts: string[], perText: number, seed: number, notOrders = 0, conditions: ConditionSet | null = null): Promise<VoiceLabel[]> {
  await fs.mkdir(dir, { recursive: true });
  const random = seededRandom(seed);
  const bank = conditions ? await createConditionBank(conditions, { voices: HELD_OUT_VOICES, variants: HELD_OUT_VOICES.variants, sentences: HELD_OUT_SENTENCES }, random) : null;
  try {
    return await writeRecordings(dir, texts, perText, notOrders, random, bank);
  } finally {
    await bank?.dispose();
  }
}

async function writeRecordings(dir: string, texts: string[], perText: number, notOrders: number, random: () => number, bank: ConditionBank | null): Promise<VoiceLabel[]> {
  const heard = (clean: Float32Array, recording: Recording) => (bank ? recordIn(bank, clean, recording, random) : Promise.resolve(addNoise(clean, recording.noise, recording.snrDb, random)));
  const labels: VoiceLabel[] = [];
  for (const [index, text] of texts.entries()) {
    for (let take = 0; take < perText; take += 1) {
      const recording = randomRecording(HELD_OUT_VOICES, random);
      const clean = await synthesize(text, recording.voice);
      const file = `${String(index).padStart(3, '0')}-${take}-${recording.voice.variant}.wav`;
      await writeWav16k(path.join(dir, file), await heard(clean, recording));
      labels.push({ file, text });
    }
  }
  for (let index = 0; index < notOrders; index += 1) {
    const kind = NOT_A_PHRASE_KINDS[index % NOT_A_PHRASE_KINDS.length]!;
    const { samples, recording } = await notAPhrase(kind, { random, voices: HELD_OUT_VOICES, variants: HELD_OUT_VOICES.variants, sentences: HELD_OUT_SENTENCES });
    const file = `not-${String(index).padStart(3, '0')}-${kind}.wav`;
    await writeWav16k(path.join(dir, file), await heard(samples, recording));
    labels.push({ file, text: NOT_AN_ORDER_LABEL });
  }
  await fs.writeFile(path.join(dir, 'labels.csv'), stringify(labels, { header: true, columns: ['file', 'text'] }));
  return labels;
}

export async function readVoiceLabels(dir: string): Promise<VoiceLabel[]> {
  const source = path.join(dir, 'labels.csv');
  const text = await fs.readFile(source, 'utf8').catch(() => {
    throw new VoiceLabelsError(`${dir} has no labels.csv (expected file,text and the WAV files beside it).`);
  });
  const rows = parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((row, index) => {
    const where = `${source} row ${index + 2}`;
    if (!('file' in row) || !('text' in row)) throw new VoiceLabelsError(`${source}: the header must be "file,text".`);
    const file = row.file ?? '';
    if (!file || file.includes('..') || path.isAbsolute(file) || file.includes('\\')) throw new VoiceLabelsError(`${where}: "${file}" is not a plain file name inside the folder.`);
    if (!row.text) throw new VoiceLabelsError(`${where}: the text is empty.`);
    return { file, text: row.text };
  });
}
