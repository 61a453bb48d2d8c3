/**
 * `kiosk voice train --recordings DIR`: the current model adapted to the store's own voices (two
 * takes in three, with fresh synthetic renderings and non-phrases so it forgets nothing), then the
 * adapted and the current model judged side by side on the held-out takes and on held-out
 * synthetic voices; `voicePromotion` says whether the adapted one replaces the current one.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type * as TfCore from '@tensorflow/tfjs-core';
import type { Menu } from '../../domain/menu';
import { KeywordModel, type KeywordModelFile } from '../hearing/keyword-model';
import { vocabularyOf } from '../hearing/vocabulary';
import { evaluateRecognizer } from './evaluate-recognizer';
import { HELD_OUT_NOT_ORDERS } from './not-a-phrase';
import { labelsFolder, readStoreRecordings, recordingExamples, splitRecordings, voicePromotion, type VoiceJudgement, type VoicePromotion } from './store-recordings';
import { trainKeywordModel, type KeywordTrainOptions } from './train-keywords';
import { writeVoiceTestSet } from './voice-test-set';

/** Noisy copies of each store recording beside the recording itself. */
const STORE_NOISY_COPIES = 4;

/**
 * The held-out synthetic set both models are judged on: one recording of `phrases` of the
 * vocabulary (spread over it) and `notOrders` recordings that are not orders. Writing and hearing
 * it is most of a short run's time; tests shrink it, at a coarser resolution of the verdict.
 */
export type SyntheticHeldOutSize = { phrases: number; notOrders: number };
export const FULL_SYNTHETIC_HELD_OUT: SyntheticHeldOutSize = { phrases: Number.POSITIVE_INFINITY, notOrders: HELD_OUT_NOT_ORDERS };

export type StoreAdaptation = { candidate: KeywordModelFile; candidateScores: VoiceJudgement; currentScores: VoiceJudgement; decision: VoicePromotion; recordings: { training: number; heldOut: number } };

export async function adaptToStore(
  tf: typeof TfCore,
  menu: Menu,
  current: KeywordModelFile,
  recordingsDir: string,
  options: KeywordTrainOptions,
  version: string,
  syntheticHeldOut: SyntheticHeldOutSize = FULL_SYNTHETIC_HELD_OUT,
): Promise<StoreAdaptation> {
  const phrases = vocabularyOf(menu);
  const split = splitRecordings(await readStoreRecordings(recordingsDir, phrases));
  const extraTraining = await recordingExamples(recordingsDir, split.training, phrases, STORE_NOISY_COPIES, options.seed);
  const candidate = await trainKeywordModel(tf, phrases, { ...options, start: current, extraTraining }, version);
  const storeHeldOut = await labelsFolder(recordingsDir, split.heldOut);
  const syntheticDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-voice-heldout-'));
  try {
    await writeVoiceTestSet(syntheticDir, spreadOver(phrases.map((phrase) => phrase.text), syntheticHeldOut.phrases), 1, options.seed + 1, syntheticHeldOut.notOrders);
    const judge = async (model: KeywordModelFile): Promise<VoiceJudgement> => ({
      store: await evaluateRecognizer(storeHeldOut.dir, new KeywordModel(model), menu),
      synthetic: await evaluateRecognizer(syntheticDir, new KeywordModel(model), menu),
    });
    const [candidateScores, currentScores] = [await judge(candidate), await judge(current)];
    return { candidate, candidateScores, currentScores, decision: voicePromotion(candidateScores, currentScores), recordings: { training: split.training.length, heldOut: split.heldOut.length } };
  } finally {
    await storeHeldOut.dispose();
    await fs.rm(syntheticDir, { recursive: true, force: true });
  }
}

/** `count` of the items, evenly spaced from the first (all of them when there are no more). */
export function spreadOver<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items;
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}
