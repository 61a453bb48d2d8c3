/**
 * One fixed-size vector per utterance for the keyword network: the MFCC track stretched or
 * squeezed to a fixed number of steps (so a slow and a fast "김치찌개" line up), each coefficient
 * relative to the utterance's own mean and spread (the microphone, the room and the voice's
 * loudness cancel out; on held-out voices this gave +5 points over the mean alone), plus its duration.
 */
import { FRAME_SECONDS, LEVEL_FREE_FRAMES, MFCC_COUNT, type FrameFeatures, type FrameSettings } from './audio-frames';

export const TIME_STEPS = 32;
export const UTTERANCE_VECTOR_SIZE = TIME_STEPS * MFCC_COUNT + 1;
/** What training writes now: MFCCs with the level-free log. */
export const FEATURE_VERSION = `mfcc${MFCC_COUNT}-levelfree-cmvn-t${TIME_STEPS}-dur`;

/** The frames each feature version was trained on; a store's older model keeps being heard as it was trained. */
const FRAME_SETTINGS: Record<string, FrameSettings> = {
  [FEATURE_VERSION]: LEVEL_FREE_FRAMES,
  // Models before 2026-12-06: meyda's log(energy + 1).
  [`mfcc${MFCC_COUNT}-cmvn-t${TIME_STEPS}-dur`]: { logOffset: 1 },
};

export function frameSettingsOf(featureVersion: string): FrameSettings {
  const settings = FRAME_SETTINGS[featureVersion];
  if (!settings) throw new Error(`The voice model's features "${featureVersion}" are not known to this kiosk: retrain it with \`npx kiosk voice train\`.`);
  return settings;
}

export function utteranceVector(frames: FrameFeatures[]): Float32Array {
  if (frames.length === 0) throw new Error('An utterance needs at least one frame.');
  const mean = new Float32Array(MFCC_COUNT);
  const spread = new Float32Array(MFCC_COUNT);
  for (const frame of frames) for (let c = 0; c < MFCC_COUNT; c += 1) mean[c]! += frame.mfcc[c]! / frames.length;
  for (const frame of frames) for (let c = 0; c < MFCC_COUNT; c += 1) spread[c]! += (frame.mfcc[c]! - mean[c]!) ** 2 / frames.length;
  for (let c = 0; c < MFCC_COUNT; c += 1) spread[c] = Math.sqrt(spread[c]!) || 1;
  // c0 is the loudness: relative to the loudest frame rather than the mean, so pauses still show.
  const loudest = Math.max(...frames.map((frame) => frame.mfcc[0]!));
  const vector = new Float32Array(UTTERANCE_VECTOR_SIZE);
  for (let step = 0; step < TIME_STEPS; step += 1) {
    const position = frames.length === 1 ? 0 : (step * (frames.length - 1)) / (TIME_STEPS - 1);
    const before = Math.floor(position);
    const after = Math.min(frames.length - 1, before + 1);
    const weight = position - before;
    for (let c = 0; c < MFCC_COUNT; c += 1) {
      const value = frames[before]!.mfcc[c]! * (1 - weight) + frames[after]!.mfcc[c]! * weight;
      vector[step * MFCC_COUNT + c] = c === 0 ? value - loudest : (value - mean[c]!) / spread[c]!;
    }
  }
  vector[UTTERANCE_VECTOR_SIZE - 1] = Math.log(frames.length * FRAME_SECONDS);
  return vector;
}
