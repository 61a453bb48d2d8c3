/**
 * Speech to text on the store's own server, behind one small interface so the route does not
 * know the engine. The whisper.cpp binding decodes synchronously for about a second per turn, so
 * it runs in one worker thread (never on the event loop that takes orders); turns wait their turn
 * in a short queue, and a full queue answers "busy" rather than piling up.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../errors';
import type { TranscribeJob } from './whisper.worker';

export interface SpeechTranscriber {
  /** `samples`: one turn, 16 kHz mono in [-1, 1]; `prompt`: the words it should expect. */
  transcribe(samples: Float32Array, prompt: string): Promise<string>;
  close(): Promise<void>;
}

/** Turns that may wait behind the one being decoded: a few kiosks at once, not a pile. */
export const TRANSCRIBE_QUEUE_LIMIT = 4;

export class WhisperTranscriber implements SpeechTranscriber {
  private pool: Piscina<TranscribeJob, string> | null = null;

  /** `threads`: whisper.cpp's threads for one turn; one or two, leaving a core for orders and the rest. */
  constructor(
    private readonly modelFile: string,
    private readonly threads = Math.min(2, Math.max(1, os.availableParallelism() - 1)),
  ) {}

  transcribe(samples: Float32Array, prompt: string): Promise<string> {
    // One thread holds the model, loaded on the first turn and kept until the server closes.
    this.pool ??= new Piscina<TranscribeJob, string>({
      filename: new URL('./whisper.worker.ts', import.meta.url).href,
      execArgv: ['--import', 'tsx'],
      minThreads: 0,
      maxThreads: 1,
      maxQueue: TRANSCRIBE_QUEUE_LIMIT,
      idleTimeout: Number.POSITIVE_INFINITY,
    });
    return this.pool.run({ modelFile: this.modelFile, threads: this.threads, samples, prompt }).catch((error: unknown) => {
      if (error instanceof Error && error.message === 'Task queue is at limit') throw new AppError(503, 'busy', 'Too many spoken turns at once: say it again in a moment.');
      throw error;
    });
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
