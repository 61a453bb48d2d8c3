/** WAV files in and out, as 16 kHz mono float samples (wavefile converts the bit depth and the rate). */
import fs from 'node:fs/promises';
import wavefile from 'wavefile';
import { SAMPLE_RATE } from '../hearing/audio-frames';

// wavefile is CommonJS for Node: its class comes on the default export.
const { WaveFile } = wavefile;

export async function readWav16k(file: string): Promise<Float32Array> {
  const wav = new WaveFile(await fs.readFile(file));
  const format = wav.fmt as { numChannels: number; sampleRate: number };
  wav.toBitDepth('32f');
  if (format.sampleRate !== SAMPLE_RATE) wav.toSampleRate(SAMPLE_RATE, { method: 'sinc' });
  const samples = wav.getSamples(false, Float32Array) as unknown as Float32Array | Float32Array[];
  // Several channels: their average is what one microphone would have heard.
  if (!Array.isArray(samples)) return samples;
  const mono = new Float32Array(samples[0]!.length);
  for (const channel of samples) channel.forEach((value, index) => (mono[index]! += value / samples.length));
  return mono;
}

export async function writeWav16k(file: string, samples: Float32Array): Promise<void> {
  const peak = samples.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  // Noise can push a loud clip past full scale: scale down rather than clip.
  const scale = peak > 0.99 ? 0.99 / peak : 1;
  const pcm = Int16Array.from(samples, (value) => Math.round(value * scale * 32767));
  const wav = new WaveFile();
  wav.fromScratch(1, SAMPLE_RATE, '16', pcm);
  await fs.writeFile(file, wav.toBuffer());
}
