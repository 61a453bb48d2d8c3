/**
 * Renders a phrase to 16 kHz float samples with espeak-ng piped into sox (resampling, tempo,
 * reverb, and silence around it so the voice-activity detector sees the room first), and sounds
 * made by sox alone (tones, clatter, coughs: what the recognizer must learn to ignore).
 * No shell: menu text goes to espeak-ng as an argument, never through a command line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { SAMPLE_RATE } from '../hearing/audio-frames';
import type { VoiceSetting } from './synthetic-voices';

/** Room before and after the words: enough for the detector to learn the noise level. */
export const PAD_SECONDS = 0.3;

/** sox's arguments for our samples as raw input or output: 16 kHz mono 32-bit float on a pipe. */
export const RAW_SAMPLES = ['-t', 'raw', '-r', String(SAMPLE_RATE), '-e', 'floating-point', '-b', '32', '-c', '1', '-'];

/** `dataPath`: a private espeak-ng data folder with extra variants (see random-voices.ts). */
export function synthesize(text: string, voice: VoiceSetting, dataPath?: string): Promise<Float32Array> {
  const espeak = spawn('espeak-ng', [...(dataPath ? [`--path=${dataPath}`] : []), '-v', `ko+${voice.variant}`, '-s', String(voice.speed), '-p', String(voice.pitch), '--stdout', '--', text]);
  const effects = [
    // espeak-ng leaves long silences around the words; cut them, then add our own padding.
    'silence', '1', '0.02', '0.1%', 'reverse', 'silence', '1', '0.02', '0.1%', 'reverse',
    ...(voice.tempo !== 1 ? ['tempo', '-s', String(voice.tempo)] : []),
    ...(voice.shift !== 0 ? ['pitch', String(voice.shift)] : []),
    ...(voice.reverb > 0 ? ['reverb', String(voice.reverb)] : []),
    'pad', String(PAD_SECONDS), String(PAD_SECONDS),
  ];
  const failed = new Promise<never>((_, reject) => espeak.on('error', (error) => reject(new Error(`espeak-ng could not run (${error.message}); install the Debian package espeak-ng.`))));
  return Promise.race([failed, runSox(['-t', 'wav', '-', ...RAW_SAMPLES, ...effects], espeak, `"${text}"`)]);
}

/** A sound sox makes from nothing (`sox -n … synth …`), e.g. `['synth', '0.2', 'pluck', '440']`. */
export function soxSound(effects: string[]): Promise<Float32Array> {
  return runSox(['-n', ...RAW_SAMPLES, ...effects], null, effects.join(' '));
}

function runSox(args: string[], input: ChildProcess | null, what: string): Promise<Float32Array> {
  return soxBytes(args, input, what).then(samplesOf);
}

/** Raw 32-bit float bytes (RAW_SAMPLES) as samples. */
export function samplesOf(bytes: Buffer): Float32Array {
  return new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4)).slice();
}

/**
 * One sox run: its input from another process, bytes, or nothing (`-n`); its stdout as bytes.
 * `-R`: sox's own randomness (dither, `synth` noise) is the same on every run, so a data set drawn
 * with the same seed is the same set, bit for bit, and so is a model trained on it.
 */
export function soxBytes(args: string[], input: ChildProcess | Buffer | null, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sox = spawn('sox', ['-V1', '-R', ...args]);
    // A sox that fails early closes its input: the exit code says why, not the broken pipe.
    sox.stdin.on('error', () => undefined);
    if (Buffer.isBuffer(input)) sox.stdin.end(input);
    else if (input) input.stdout!.pipe(sox.stdin);
    const chunks: Buffer[] = [];
    let errors = '';
    sox.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    sox.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    sox.on('error', (error) => reject(new Error(`sox could not run (${error.message}); install the Debian package sox.`)));
    sox.on('close', (code) => {
      if (code !== 0) return reject(new Error(`sox failed for ${what}: ${errors.trim()}`));
      resolve(Buffer.concat(chunks));
    });
  });
}
