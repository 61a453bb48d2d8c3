/**
 * Audio → per-frame features, the same in Node (training, `kiosk voice eval`) and the browser
 * (the microphone): 16 kHz mono, 32 ms frames every 16 ms, 13 MFCCs (meyda) and the frame's level.
 */
import Meyda from 'meyda';
import { melCepstrum } from './mel-cepstrum';

export const SAMPLE_RATE = 16_000;
export const FRAME_SIZE = 512;
export const HOP_SIZE = 256;
export const MFCC_COUNT = 13;
export const FRAME_SECONDS = HOP_SIZE / SAMPLE_RATE;
const MEL_BANDS = 26;
const mfccOf = melCepstrum({ bands: MEL_BANDS, coefficients: MFCC_COUNT, sampleRate: SAMPLE_RATE, frameSize: FRAME_SIZE });

export type FrameFeatures = { mfcc: Float32Array; /** level in dBFS */ db: number };

/** Cuts a stream of samples (any chunk size) into overlapping frames and describes each. */
export class FrameAnalyser {
  private buffer = new Float32Array(FRAME_SIZE);
  private filled = 0;

  constructor() {
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
        onFrame(describe(this.buffer));
        // Keep the second half: the next frame starts one hop later.
        this.buffer.copyWithin(0, HOP_SIZE);
        this.filled = FRAME_SIZE - HOP_SIZE;
      }
    }
  }
}

/** meyda windows the frame and takes its spectrum; the MFCCs are meyda's, computed from that spectrum once (mel-cepstrum.ts). */
function describe(frame: Float32Array): FrameFeatures {
  const features = Meyda.extract(['amplitudeSpectrum', 'rms'], frame) as { amplitudeSpectrum: Float32Array; rms: number } | null;
  const rms = features?.rms ?? 0;
  return { mfcc: features ? mfccOf(features.amplitudeSpectrum) : new Float32Array(MFCC_COUNT), db: 20 * Math.log10(rms + 1e-9) };
}
