/**
 * Spoken prompts made on the server for browsers that have no Korean voice (Chromium on Linux
 * ships none): espeak-ng's Korean voice, at a calm rate, cached per sentence so each is made once.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors';

const run = promisify(execFile);

export const SPEECH_LANGUAGES = ['ko', 'en'] as const;
export type SpeechLanguage = (typeof SPEECH_LANGUAGES)[number];

/** Words a minute: espeak's default (175) is brisk for older listeners; this is about 4 syllables a second. */
const CALM_RATE = 140;

export class SpeechSynthesizer {
  constructor(private readonly cacheDir: string) {}

  async wavFor(text: string, language: SpeechLanguage): Promise<Buffer> {
    const file = path.join(this.cacheDir, `${createHash('sha1').update(`${language}\n${text}`).digest('hex')}.wav`);
    const cached = await fs.readFile(file).catch(() => null);
    if (cached) return cached;
    const wav = await this.synthesize(text, language);
    await fs.mkdir(this.cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await fs.writeFile(partial, wav);
    await fs.rename(partial, file);
    return wav;
  }

  private async synthesize(text: string, language: SpeechLanguage): Promise<Buffer> {
    try {
      // The text is one argument, never a shell line: nothing in it can run.
      const { stdout } = await run('espeak-ng', ['-v', language, '-s', String(CALM_RATE), '--stdout', text], { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new AppError(503, 'speech_unavailable', 'Spoken prompts need espeak-ng on the server (apt-get install espeak-ng).');
      }
      throw error;
    }
  }
}
