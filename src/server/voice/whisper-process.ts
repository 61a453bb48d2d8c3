/**
 * The child process that runs whisper.cpp (`@napi-rs/whisper`): the operator's model, loaded once
 * on the first turn, then each turn decoded with Korean forced, the menu's words as the prompt and an
 * audio window cut to the turn's length (whisper's default is 30 s; a short turn needs far less).
 */
import { Whisper, WhisperFullParams, WhisperSamplingStrategy } from '@napi-rs/whisper';

export type TranscribeJob = { id: number; modelFile: string; threads: number; samples: Float32Array; prompt: string };
export type TranscribeAnswer = { id: number; text: string } | { id: number; failed: string };

const SAMPLE_RATE = 16_000;
/** whisper's encoder sees 50 positions per second of audio, 1500 at most (30 s). */
const AUDIO_CONTEXT_PER_SECOND = 50;
const MAX_AUDIO_CONTEXT = 1500;
/** A little room past the turn, and a floor: a very small window makes whisper's output worse. */
const AUDIO_CONTEXT_MARGIN = 64;
const MIN_AUDIO_CONTEXT = 256;

let model: { file: string; whisper: Whisper } | null = null;
function whisperFor(file: string): Whisper {
  if (model?.file !== file) model = { file, whisper: new Whisper(file) };
  return model.whisper;
}

export function audioContextFor(sampleCount: number): number {
  const needed = Math.ceil((sampleCount / SAMPLE_RATE) * AUDIO_CONTEXT_PER_SECOND) + AUDIO_CONTEXT_MARGIN;
  return Math.min(MAX_AUDIO_CONTEXT, Math.max(MIN_AUDIO_CONTEXT, needed));
}

export function transcribe({ modelFile, threads, samples, prompt }: Omit<TranscribeJob, 'id'>): string {
  const whisper = whisperFor(modelFile);
  const params = new WhisperFullParams(WhisperSamplingStrategy.Greedy);
  params.language = 'ko';
  params.detectLanguage = false;
  params.translate = false;
  params.nThreads = threads;
  params.initialPrompt = prompt;
  params.audioCtx = audioContextFor(samples.length);
  params.noContext = true;
  params.noTimestamps = true;
  params.singleSegment = true;
  params.suppressNonSpeechTokens = true;
  params.temperature = 0;
  params.printProgress = false;
  params.printRealtime = false;
  params.printSpecial = false;
  params.printTimestamps = false;
  return whisper.full(params, samples).trim();
}

// Run as a child process (speech-transcriber.ts): one turn at a time, answered by its id.
if (process.send) {
  process.on('message', (job: TranscribeJob) => {
    let answer: TranscribeAnswer;
    try {
      answer = { id: job.id, text: transcribe(job) };
    } catch (error) {
      answer = { id: job.id, failed: error instanceof Error ? error.message : String(error) };
    }
    process.send!(answer);
  });
}
