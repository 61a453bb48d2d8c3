/**
 * Audio → per-frame features, the same in Node (training, `kiosk voice eval`) and the browser
 * (the microphone): 16 kHz mono, 32 ms frames every 16 ms, 13 MFCCs (meyda) and the frame's level.
 */
import Meyda from 'meyda';
import { melCepstrum, type MelCepstrum, type SpectralPerturbation } from './mel-cepstrum';

export const SAMPLE_RATE = 16_000;
export const FRAME_SIZE = 512;
export const HOP_SIZE = 256;
export const MFCC_COUNT = 13;
export const FRAME_SECONDS = HOP_SIZE / SAMPLE_RATE;
export const MEL_BANDS = 26;

/**
 * How frames are described for one model (its feature version, utterance-vector.ts): the log's
 * offset (1 as meyda, or small so a change of level only shifts the loudness coefficient), and in
 * training only a spectral perturbation.
 */
export type FrameSettings = { logOffset: number; perturbation?: SpectralPerturbation };
export const LEVEL_FREE_FRAMES: FrameSettings = { logOffset: 1e-8 };

const cepstra = new Map<number, MelCepstrum>();
function cepstrumFor({ logOffset, perturbation }: FrameSettings): MelCepstrum {
  const settings = { bands: MEL_BANDS, coefficients: MFCC_COUNT, sampleRate: SAMPLE_RATE, frameSize: FRAME_SIZE, logOffset };
  if (perturbation) return melCepstrum(settings, perturbation);
  const cached = cepstra.get(logOffset) ?? melCepstrum(settings);
  cepstra.set(logOffset, cached);
  return cached;
}

export type FrameFeatures = { mfcc: Float32Array; /** level in dBFS */ db: number };

/** Cuts a stream of samples (any chunk size) into overlapping frames and describes each. */
export class FrameAnalyser {
  private buffer = new Float32Array(FRAME_SIZE);
  private filled = 0;
  private readonly mfccOf: MelCepstrum;

  /** The settings of the model the frames are for; the default is what training writes now. */
  constructor(settings: FrameSettings = LEVEL_FREE_FRAMES) {
    this.mfccOf = cepstrumFor(settings);
    // Meyda keeps its settings on one shared object; ours are the same everywhere.
    Meyda.bufferSize = FRAME_SIZE;
    Meyda.sampleRate = SAMPLE_RATE;
    Meyda.windowingFunction = 'hanning';
  }

  push(samples: Float32Array, onFrame: (frame: FrameFeatures) => void): void {
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(FRAME_SIZE - this.filled, samples.length - offset);
      this.buffer.set(samples.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === FRAME_SIZE) {
        onFrame(describe(this.buffer, this.mfccOf));
        // Keep the second half: the next frame starts one hop later.
        this.buffer.copyWithin(0, HOP_SIZE);
        this.filled = FRAME_SIZE - HOP_SIZE;
      }
    }
  }
}

/** meyda windows the frame and takes its spectrum; the MFCCs are meyda's, computed from that spectrum once (mel-cepstrum.ts). */
function describe(frame: Float32Array, mfccOf: MelCepstrum): FrameFeatures {
  const features = Meyda.extract(['amplitudeSpectrum', 'rms'], frame) as { amplitudeSpectrum: Float32Array; rms: number } | null;
  const rms = features?.rms ?? 0;
  return { mfcc: features ? mfccOf(features.amplitudeSpectrum) : new Float32Array(MFCC_COUNT), db: 20 * Math.log10(rms + 1e-9) };
}
