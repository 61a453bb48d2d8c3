/**
 * The store's own voices: staff recordings of the phrases (DIR/labels.csv `file,text` and the
 * WAVs; text "-" for talk that is not an order), split into what the recognizer adapts on and a
 * held-out part it is judged on, and the rule for replacing the current model with the adapted one.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { LabelledSet } from '../../ml/train-dense';
import { utterancesOf } from '../hearing/hear-clip';
import { utteranceVector } from '../hearing/utterance-vector';
import type { Phrase } from '../hearing/vocabulary';
import { seededRandom } from '../../shared/seeded-random';
import type { VoiceEvaluation } from './evaluate-recognizer';
import { NOT_AN_ORDER_LABEL } from './not-a-phrase';
import { addNoise } from './room-noise';
import { readVoiceLabels, VoiceLabelsError, type VoiceLabel } from './voice-test-set';
import { readWav16k } from './wav-file';

/** Every third take of each phrase is held out (a phrase needs three takes to be tested at all). */
export function splitRecordings(labels: VoiceLabel[]): { training: VoiceLabel[]; heldOut: VoiceLabel[] } {
  const seen = new Map<string, number>();
  const split = { training: [] as VoiceLabel[], heldOut: [] as VoiceLabel[] };
  for (const label of labels) {
    const take = seen.get(label.text) ?? 0;
    seen.set(label.text, take + 1);
    (take % 3 === 2 ? split.heldOut : split.training).push(label);
  }
  return split;
}

/** Reads the store's recordings, refusing any text that is not one of the phrases (or "-"). */
export async function readStoreRecordings(dir: string, phrases: Phrase[]): Promise<VoiceLabel[]> {
  const labels = await readVoiceLabels(dir);
  const known = new Set(phrases.map((phrase) => phrase.text));
  const unknown = labels.find((label) => label.text !== NOT_AN_ORDER_LABEL && !known.has(label.text));
  if (unknown) throw new VoiceLabelsError(`${unknown.file}: "${unknown.text}" is not one of the menu's phrases (or "-" for talk that is not an order).`);
  if (labels.length === 0) throw new VoiceLabelsError(`${dir}/labels.csv lists no recordings.`);
  return labels;
}

/**
 * The training part as network inputs: each recording as recorded and `noisyCopies` more with room
 * noise, so a few takes weigh against thousands of synthetic renderings.
 */
export async function recordingExamples(dir: string, labels: VoiceLabel[], phrases: Phrase[], noisyCopies: number, seed: number): Promise<LabelledSet> {
  const random = seededRandom(seed);
  const classOf = (text: string) => (text === NOT_AN_ORDER_LABEL ? phrases.length : phrases.findIndex((phrase) => phrase.text === text));
  const set: LabelledSet = { inputs: [], labels: [] };
  for (const label of labels) {
    const samples = await readWav16k(path.join(dir, label.file));
    const versions = [samples, ...Array.from({ length: noisyCopies }, () => addNoise(samples, (['white', 'pink', 'brown'] as const)[Math.floor(random() * 3)]!, 8 + random() * 17, random))];
    for (const version of versions) {
      const utterances = utterancesOf(version);
      // A phrase is its longest stretch of speech; talk teaches every stretch the kiosk would hear.
      const used = label.text === NOT_AN_ORDER_LABEL ? utterances : utterances.sort((a, b) => b.frames.length - a.frames.length).slice(0, 1);
      for (const utterance of used) {
        set.inputs.push(utteranceVector(utterance.frames));
        set.labels.push(classOf(label.text));
      }
    }
  }
  return set;
}

/** DIR/labels.csv as `kiosk voice train --recordings` and `kiosk voice eval` read it. */
export async function writeLabels(dir: string, labels: VoiceLabel[]): Promise<void> {
  await fs.writeFile(path.join(dir, 'labels.csv'), stringify(labels, { header: true, columns: ['file', 'text'] }));
}

/** A folder `evaluateRecognizer` reads with only these labels (links to the store's WAVs). */
export async function labelsFolder(dir: string, labels: VoiceLabel[]): Promise<{ dir: string; dispose(): Promise<void> }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-voice-store-'));
  await Promise.all(labels.map((label) => fs.symlink(path.resolve(dir, label.file), path.join(folder, label.file))));
  await writeLabels(folder, labels);
  return { dir: folder, dispose: () => fs.rm(folder, { recursive: true, force: true }) };
}

export type VoiceJudgement = { store: VoiceEvaluation; synthetic: VoiceEvaluation };
export type VoicePromotion = { promote: boolean; reason: string };

/**
 * The adapted model replaces the current one only if it understands the store's held-out
 * recordings better, and is not worse on held-out synthetic voices nor on talk that is not an
 * order (by more than one recording's worth, the resolution of those sets).
 */
export function voicePromotion(candidate: VoiceJudgement, current: VoiceJudgement): VoicePromotion {
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  const store = `store's held-out recordings ${pct(candidate.store.intentAccuracy)} vs ${pct(current.store.intentAccuracy)}`;
  const synthetic = `held-out synthetic voices ${pct(candidate.synthetic.intentAccuracy)} vs ${pct(current.synthetic.intentAccuracy)}`;
  if (candidate.store.n === 0) return { promote: false, reason: 'refused: no held-out store recordings of phrases to judge on (three takes of a phrase at least)' };
  if (candidate.store.intentAccuracy <= current.store.intentAccuracy) return { promote: false, reason: `refused: ${store} is not better` };
  if (candidate.synthetic.intentAccuracy < current.synthetic.intentAccuracy - 1 / Math.max(1, candidate.synthetic.n)) return { promote: false, reason: `refused: ${synthetic} is worse` };
  const [newTriggers, oldTriggers] = [candidate.synthetic.falseTriggerRate, current.synthetic.falseTriggerRate];
  if (newTriggers !== null && oldTriggers !== null && newTriggers > oldTriggers + 1 / Math.max(1, candidate.synthetic.notOrders))
    return { promote: false, reason: `refused: false triggers ${pct(newTriggers)} vs ${pct(oldTriggers)} are worse` };
  return { promote: true, reason: `promoted: ${store}, ${synthetic}` };
}
