/**
 * Training-only changes to what the recognizer sees of a clip (never to the kiosk's hearing):
 * VTLP (the filter bank warped as a longer or shorter vocal tract would move the formants) and
 * SpecAugment-style masks (a few mel bands read as empty; a stretch of frames replaced by the
 * utterance's average), so the network cannot lean on one band or one instant.
 */
import { LEVEL_FREE_FRAMES, MEL_BANDS, MFCC_COUNT, type FrameFeatures } from '../hearing/audio-frames';
import { utterancesOf } from '../hearing/hear-clip';
import type { SpectralPerturbation } from '../hearing/mel-cepstrum';
import type { Utterance } from '../hearing/utterance-segmenter';
import { uniformBetween } from '../../shared/seeded-random';

export type SpectralAugmentation = {
  /** Share of clips perturbed; the rest are heard as the kiosk hears them. */
  share: number;
  warp: readonly [number, number];
  maxSilencedBands: number;
  /** Longest stretch of an utterance's frames masked, as a share of its length. */
  maxMaskedShare: number;
};

export const TRAINING_SPECTRAL: SpectralAugmentation = { share: 0.5, warp: [0.9, 1.1], maxSilencedBands: 4, maxMaskedShare: 0.15 };

export function augmentedUtterances(samples: Float32Array, augmentation: SpectralAugmentation | null, random: () => number): Utterance[] {
  if (!augmentation || random() >= augmentation.share) return utterancesOf(samples);
  const silenced = Math.floor(random() * (augmentation.maxSilencedBands + 1));
  const perturbation: SpectralPerturbation = {
    warp: uniformBetween(augmentation.warp, random),
    silencedBands: silenced > 0 ? { from: Math.floor(random() * (MEL_BANDS - silenced)), count: silenced } : null,
  };
  return utterancesOf(samples, { ...LEVEL_FREE_FRAMES, perturbation }).map((utterance) => ({ frames: maskStretch(utterance.frames, augmentation.maxMaskedShare, random) }));
}

/** A random stretch of frames replaced by the utterance's mean coefficients (the level kept). */
function maskStretch(frames: FrameFeatures[], maxShare: number, random: () => number): FrameFeatures[] {
  const length = Math.floor(random() * maxShare * frames.length);
  if (length === 0) return frames;
  const mean = new Float32Array(MFCC_COUNT);
  for (const frame of frames) for (let c = 0; c < MFCC_COUNT; c += 1) mean[c]! += frame.mfcc[c]! / frames.length;
  const start = Math.floor(random() * (frames.length - length));
  return frames.map((frame, index) => (index >= start && index < start + length ? { mfcc: mean, db: frame.db } : frame));
}
