/**
 * Spoken prompts made on the server for browsers that have no Korean voice (Chromium on Linux
 * ships none): espeak-ng's Korean voice, at a calm rate, cached per sentence so each is made once.
 *
 * The text reaches espeak-ng on stdin, never as an argument, so nothing in it can be read as an
 * option (`-f<path>` once read any file the server could). Each run has a time limit, only a few
 * run at once with a short queue behind them, and the cache keeps a bounded number of sentences.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { AppError } from '../errors';

export const SPEECH_LANGUAGES = ['ko', 'en'] as const;
export type SpeechLanguage = (typeof SPEECH_LANGUAGES)[number];

/** Words a minute: espeak's default (175) is brisk for older listeners; this is about 4 syllables a second. */
const CALM_RATE = 140;

export type SpeechLimits = {
  /** espeak-ng runs at once; the rest wait. */
  concurrency: number;
  /** Requests that may wait for a run; more are answered 503 at once. */
  queue: number;
  /** A run taking longer is killed (a 300-character sentence takes well under a second). */
  timeoutMs: number;
  /** Sentences kept in the cache; the least recently made go first. */
  cachedSentences: number;
};

export const DEFAULT_SPEECH_LIMITS: SpeechLimits = { concurrency: 2, queue: 16, timeoutMs: 10_000, cachedSentences: 2000 };

export class SpeechSynthesizer {
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(
    private readonly cacheDir: string,
    private readonly limits: SpeechLimits = DEFAULT_SPEECH_LIMITS,
  ) {
    this.limit = pLimit(limits.concurrency);
  }

  async wavFor(text: string, language: SpeechLanguage): Promise<Buffer> {
    const file = path.join(this.cacheDir, `${createHash('sha1').update(`${language}\n${text}`).digest('hex')}.wav`);
    const cached = await fs.readFile(file).catch(() => null);
    if (cached) return cached;
    if (this.limit.pendingCount >= this.limits.queue) {
      throw new AppError(503, 'speech_busy', 'Too many spoken prompts are being made right now; try again in a moment.');
    }
    const wav = await this.limit(() => this.synthesize(text, language));
    await fs.mkdir(this.cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await fs.writeFile(partial, wav);
    await fs.rename(partial, file);
    await this.trimCache();
    return wav;
  }

  private async synthesize(text: string, language: SpeechLanguage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'espeak-ng',
        ['-v', language, '-s', String(CALM_RATE), '--stdout', '--stdin'],
        { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024, timeout: this.limits.timeoutMs, killSignal: 'SIGKILL' },
        (error, stdout) => {
          if (!error) return resolve(stdout);
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            return reject(new AppError(503, 'speech_unavailable', 'Spoken prompts need espeak-ng on the server (apt-get install espeak-ng).'));
          }
          if (error.killed) return reject(new AppError(503, 'speech_timeout', 'Making this spoken prompt took too long; try again in a moment.'));
          reject(error);
        },
      );
      child.stdin?.on('error', () => undefined); // a child that died early: its exit is reported above
      child.stdin?.end(text);
    });
  }

  /** Keeps the newest `cachedSentences` files (written rarely: each sentence once). */
  private async trimCache(): Promise<void> {
    const names = (await fs.readdir(this.cacheDir)).filter((name) => name.endsWith('.wav'));
    if (names.length <= this.limits.cachedSentences) return;
    const aged = await Promise.all(names.map(async (name) => ({ name, mtimeMs: (await fs.stat(path.join(this.cacheDir, name)).catch(() => null))?.mtimeMs ?? 0 })));
    aged.sort((a, b) => a.mtimeMs - b.mtimeMs);
    const surplus = aged.slice(0, aged.length - this.limits.cachedSentences);
    await Promise.all(surplus.map(({ name }) => fs.rm(path.join(this.cacheDir, name), { force: true })));
  }
}
