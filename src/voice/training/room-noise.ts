/** Adds room noise to clean speech at a chosen signal-to-noise ratio (speech power measured where there is speech). */
import type { NoiseKind } from './synthetic-voices';

export function addNoise(clean: Float32Array, kind: NoiseKind, snrDb: number, random: () => number): Float32Array {
  return mixAtSnr(clean, makeNoise(kind, clean.length, random), snrDb);
}

/** Adds a recorded background (restaurant ambience) from a random point in it, looped if shorter. */
export function addBackground(clean: Float32Array, background: Float32Array, snrDb: number, random: () => number): Float32Array {
  const start = Math.floor(random() * background.length);
  return mixAtSnr(clean, Float32Array.from({ length: clean.length }, (_, index) => background[(start + index) % background.length]!), snrDb);
}

function mixAtSnr(clean: Float32Array, noise: Float32Array, snrDb: number): Float32Array {
  const speechPower = powerWhereLoud(clean);
  const noisePower = noise.reduce((sum, value) => sum + value * value, 0) / noise.length;
  if (noisePower === 0) return clean.slice();
  const scale = Math.sqrt(speechPower / (noisePower * 10 ** (snrDb / 10)));
  return clean.map((value, index) => value + noise[index]! * scale);
}

/** Mean power over the samples within 40 dB of the peak: the speech, not the silence around it. */
function powerWhereLoud(signal: Float32Array): number {
  const peak = signal.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  let sum = 0;
  let count = 0;
  const window = 256;
  for (let start = 0; start + window <= signal.length; start += window) {
    let power = 0;
    for (let index = start; index < start + window; index += 1) power += signal[index]! ** 2;
    power /= window;
    if (power > (peak * 0.01) ** 2) {
      sum += power;
      count += 1;
    }
  }
  return count > 0 ? sum / count : 1e-12;
}

function makeNoise(kind: NoiseKind, length: number, random: () => number): Float32Array {
  const white = () => random() * 2 - 1;
  const out = new Float32Array(length);
  if (kind === 'white') for (let index = 0; index < length; index += 1) out[index] = white();
  if (kind === 'pink') {
    // Paul Kellet's economy filter: close to 1/f over the speech band.
    let [b0, b1, b2] = [0, 0, 0];
    for (let index = 0; index < length; index += 1) {
      const w = white();
      b0 = 0.99765 * b0 + w * 0.099046;
      b1 = 0.963 * b1 + w * 0.2965164;
      b2 = 0.57 * b2 + w * 1.0526913;
      out[index] = b0 + b1 + b2 + w * 0.1848;
    }
  }
  if (kind === 'brown') {
    let level = 0;
    for (let index = 0; index < length; index += 1) out[index] = level = 0.98 * level + white() * 0.2;
  }
  return out;
}
