/**
 * Recordings for Chromium's fake microphone: phrases spoken by espeak-ng in a voice the recognizer
 * was never trained on, with pauses between them and quiet room noise, played once from the
 * moment the page opens the microphone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_RATE } from '../../src/voice/hearing/audio-frames';
import { addNoise } from '../../src/voice/training/room-noise';
import { synthesize } from '../../src/voice/training/speech-synthesis';
import { seededRandom } from '../../src/shared/seeded-random';
import type { VoiceSetting } from '../../src/voice/training/synthetic-voices';
import { writeWav16k } from '../../src/voice/training/wav-file';

const recordingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-microphone-'));
const HELD_OUT_VOICE: VoiceSetting = { variant: 'f4', speed: 138, pitch: 52, tempo: 1, reverb: 0, shift: 0 };

/** The phrases in order, `pauseSeconds` apart (time for the kiosk to answer), as a WAV file. */
export async function conversationRecording(phrases: string[], pauseSeconds: number): Promise<string> {
  const pause = new Float32Array(Math.round(pauseSeconds * SAMPLE_RATE));
  const parts: Float32Array[] = [pause];
  for (const phrase of phrases) parts.push(await synthesize(phrase, HELD_OUT_VOICE), pause);
  const speech = new Float32Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    speech.set(part, offset);
    offset += part.length;
  }
  const file = path.join(recordingDir, `${phrases.join('-').replace(/\s/g, '_')}.wav`);
  await writeWav16k(file, addNoise(speech, 'pink', 20, seededRandom(3)));
  return file;
}

export function fakeMicrophoneArgs(wav: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}%noloop`];
}
