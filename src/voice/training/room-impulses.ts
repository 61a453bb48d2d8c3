/**
 * Simulated rooms for augmentation: impulse responses made the usual stochastic way (a direct
 * sound, a few early reflections off near walls, then a diffuse tail of noise decaying 60 dB over
 * the room's RT60, duller as it decays), written once per run as sox `fir` coefficient files so
 * each clip is convolved by sox rather than in JavaScript.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_RATE } from '../hearing/audio-frames';
import { uniformBetween } from '../../shared/seeded-random';

/** RT60 in seconds; direct-to-reverberant energy in dB (high: near the microphone, low: across the room). */
export type RoomRange = { rt60: readonly [number, number]; directToReverberantDb: readonly [number, number] };

export type RoomBank = { files: string[]; dispose(): Promise<void> };

export async function createRoomBank(count: number, range: RoomRange, random: () => number): Promise<RoomBank> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-rooms-'));
  const files = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const file = path.join(dir, `room-${index}.txt`);
      const impulse = roomImpulse(uniformBetween(range.rt60, random), uniformBetween(range.directToReverberantDb, random), random);
      // sox's fir treats the filter as centred on its middle tap: zeros in front put the direct
      // sound there, so the room comes after the voice rather than before it.
      const centred = [...new Array<string>(impulse.length - 1).fill('0'), ...Array.from(impulse, (value) => value.toPrecision(6))];
      await fs.writeFile(file, centred.join('\n'));
      return file;
    }),
  );
  return { files, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
}

export function roomImpulse(rt60: number, directToReverberantDb: number, random: () => number): Float32Array {
  const length = Math.round(Math.min(rt60, 1.2) * SAMPLE_RATE);
  const impulse = new Float32Array(length);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // The tail: noise under an exponential decay, low-passed more as it goes (air and soft surfaces).
  let smoothed = 0;
  for (let index = 1; index < length; index += 1) {
    const t = index / SAMPLE_RATE;
    const dullness = Math.min(0.9, 0.2 + t / rt60);
    smoothed = dullness * smoothed + (1 - dullness) * gaussian();
    impulse[index] = smoothed * Math.exp((-6.908 * t) / rt60);
  }
  // Early reflections: 4–10 strong, sparse echoes in the first 3–40 ms.
  for (let reflection = 4 + Math.floor(random() * 7); reflection > 0; reflection -= 1) {
    const at = Math.round((0.003 + random() * 0.037) * SAMPLE_RATE);
    if (at < length) impulse[at]! += (random() < 0.5 ? -1 : 1) * (0.2 + random() * 0.5) * Math.exp((-6.908 * at) / SAMPLE_RATE / rt60);
  }
  const reverberant = impulse.reduce((sum, value) => sum + value * value, 0);
  // Scale the room so the direct sound (1 at t = 0) has the chosen energy ratio to it.
  const scale = Math.sqrt(1 / (reverberant * 10 ** (directToReverberantDb / 10)));
  for (let index = 1; index < length; index += 1) impulse[index]! *= scale;
  impulse[0] = 1;
  return impulse;
}
