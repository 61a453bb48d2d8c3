/**
 * Speech to text on the store's own server, behind one small interface so the route does not
 * know the engine. The whisper.cpp binding decodes synchronously for about a second per turn, and
 * a native failure inside it aborts the process it runs in, so it runs in a child process: the
 * event loop that takes orders is never blocked, and a crash costs one turn (503), not the server;
 * the next turn starts a fresh child. Turns wait their turn in a short queue; a full queue answers
 * "busy" rather than piling up.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors';
import type { TranscribeAnswer, TranscribeJob } from './whisper-process';

export interface SpeechTranscriber {
  /** `samples`: one turn, 16 kHz mono in [-1, 1]; `prompt`: the words it should expect. */
  transcribe(samples: Float32Array, prompt: string): Promise<string>;
  close(): Promise<void>;
}

/** Turns that may wait behind the one being decoded: a few kiosks at once, not a pile. */
export const TRANSCRIBE_QUEUE_LIMIT = 4;

type Waiting = { job: TranscribeJob; resolve: (text: string) => void; reject: (error: Error) => void };

export class WhisperTranscriber implements SpeechTranscriber {
  private child: ChildProcess | null = null;
  private current: Waiting | null = null;
  private readonly queue: Waiting[] = [];
  private nextId = 1;
  private closed = false;

  /** `threads`: whisper.cpp's threads for one turn; one or two, leaving a core for orders and the rest. */
  constructor(
    private readonly modelFile: string,
    private readonly threads = Math.min(2, Math.max(1, os.availableParallelism() - 1)),
  ) {}

  transcribe(samples: Float32Array, prompt: string): Promise<string> {
    if (this.closed) return Promise.reject(new AppError(503, 'busy', 'The server is shutting down.'));
    if (this.queue.length >= TRANSCRIBE_QUEUE_LIMIT) return Promise.reject(new AppError(503, 'busy', 'Too many spoken turns at once: say it again in a moment.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, modelFile: this.modelFile, threads: this.threads, samples, prompt }, resolve, reject });
      this.startNext();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const failure = new AppError(503, 'busy', 'The server is shutting down.');
    this.queue.splice(0).forEach((waiting) => waiting.reject(failure));
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill();
    await exited;
  }

  private startNext(): void {
    if (this.current || this.queue.length === 0) return;
    this.current = this.queue.shift()!;
    this.processFor().send(this.current.job);
  }

  /** The child, started on the first turn (or after a crash); it loads the model once and keeps it. */
  private processFor(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(fileURLToPath(new URL('./whisper-process.ts', import.meta.url)), [], {
      // The child runs the TypeScript source through tsx, like the server itself.
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (answer: TranscribeAnswer) => {
      const waiting = this.current;
      if (!waiting || waiting.job.id !== answer.id) return;
      this.current = null;
      if ('text' in answer) waiting.resolve(answer.text);
      else waiting.reject(new AppError(503, 'recognizer_failed', 'The speech recognizer could not hear this turn: please say it again or use the screen.'));
      this.startNext();
    });
    child.on('exit', () => {
      if (this.child === child) this.child = null;
      const waiting = this.current;
      this.current = null;
      waiting?.reject(new AppError(503, 'recognizer_failed', 'The speech recognizer stopped on this turn: please say it again or use the screen.'));
      if (!this.closed) this.startNext();
    });
    this.child = child;
    return child;
  }
}
