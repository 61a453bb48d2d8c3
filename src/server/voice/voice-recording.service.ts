/**
 * The store's voice recordings (음성 학습): staff reading the recognizer's phrases, kept privately
 * with the speaker's consent until deleted, one take or all of a speaker's at once.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import wavefile from 'wavefile';
import type { VoiceRecordingResponse } from '../../contracts/voice-recordings';
import { SAMPLE_RATE } from '../../voice/hearing/audio-frames';
import { vocabularyOf, type Phrase } from '../../voice/hearing/vocabulary';
import { writeLabels } from '../../voice/training/store-recordings';
import { AppError, notFound } from '../errors';
import type { VoiceRecordingRepository, VoiceRecordingRow } from '../repositories/voice-recording.repository';
import type { MenuService } from '../services/menu.service';
import { PRIVATE_FOLDER, type FileStore } from '../storage/file-store';

// wavefile is CommonJS for Node: its class comes on the default export.
const { WaveFile } = wavefile;

/** Ten seconds of 16 kHz 16-bit mono and its header: a phrase is a second or two. */
export const VOICE_RECORDING_MAX_BYTES = 10 * SAMPLE_RATE * 2 + 1024;
const SHORTEST_MS = 200;

export const voiceRecordingKey = (id: string) => `${PRIVATE_FOLDER}voice-recordings/${id}.wav`;

type Options = { storeId: string; now: () => Date };

export class VoiceRecordingService {
  constructor(
    private readonly rows: VoiceRecordingRepository,
    private readonly files: FileStore,
    private readonly menus: MenuService,
    private readonly options: Options,
  ) {}

  /** The phrases the recognizer knows for today's menu: the same list `kiosk voice train` uses. */
  async phrases(): Promise<Phrase[]> {
    return vocabularyOf(await this.menus.getMenu());
  }

  async list(): Promise<VoiceRecordingResponse[]> {
    return (await this.rows.list(this.options.storeId)).map(toResponse);
  }

  async add(take: { speaker: string; phrase: string; recordedBy: string }, wav: Buffer): Promise<VoiceRecordingResponse> {
    if (!(await this.phrases()).some((phrase) => phrase.text === take.phrase)) {
      throw new AppError(400, 'unknown_phrase', `"${take.phrase}" is not one of the phrases the recognizer knows for this menu.`);
    }
    const durationMs = durationOfTake(wav);
    const now = this.options.now().toISOString();
    const id = randomUUID();
    const row: VoiceRecordingRow = { id, store_id: this.options.storeId, speaker: take.speaker.trim(), phrase: take.phrase, audio_key: voiceRecordingKey(id), duration_ms: durationMs, consent_at: now, recorded_by: take.recordedBy, created_at: now };
    // The audio first: a row never points at audio that is not there.
    await this.files.put(row.audio_key, wav, 'audio/wav');
    await this.rows.insert(row);
    return toResponse(row);
  }

  /** Every take as `kiosk voice train --recordings` reads them: `labels.csv` (file,text) and the WAVs, in recording order. */
  async exportTo(dir: string): Promise<void> {
    await fs.mkdir(dir, { recursive: true });
    const takes = (await this.rows.list(this.options.storeId)).sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    for (const take of takes) await fs.writeFile(path.join(dir, `${take.id}.wav`), await this.audio(take.id));
    await writeLabels(dir, takes.map((take) => ({ file: `${take.id}.wav`, text: take.phrase })));
  }

  async audio(id: string): Promise<Buffer> {
    const row = await this.rows.find(this.options.storeId, id);
    const file = row && (await this.files.get(row.audio_key));
    if (!file) throw notFound(`Voice recording ${id}`);
    return file.data;
  }

  async remove(id: string): Promise<void> {
    const row = await this.rows.find(this.options.storeId, id);
    if (!row) throw notFound(`Voice recording ${id}`);
    await this.forget([row]);
  }

  /** Deletes every take of one speaker; answers how many there were. */
  async removeSpeaker(speaker: string): Promise<number> {
    const takes = await this.rows.ofSpeaker(this.options.storeId, speaker.trim());
    await this.forget(takes);
    return takes.length;
  }

  private async forget(takes: VoiceRecordingRow[]): Promise<void> {
    // The rows first: a failed file deletion leaves an orphan file, never a row without its audio.
    await this.rows.delete(takes.map((take) => take.id));
    for (const take of takes) await this.files.delete(take.audio_key);
  }
}

/** A take must be what the recognizer hears: 16 kHz mono 16-bit PCM WAV, long enough for a word. */
function durationOfTake(wav: Buffer): number {
  let format: { audioFormat: number; numChannels: number; sampleRate: number; bitsPerSample: number };
  let bytes: number;
  try {
    const file = new WaveFile(wav);
    format = file.fmt as typeof format;
    bytes = (file.data as { chunkSize: number }).chunkSize;
  } catch (error) {
    throw new AppError(400, 'invalid_recording', `The recording is not a WAV file (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (format.audioFormat !== 1 || format.numChannels !== 1 || format.sampleRate !== SAMPLE_RATE || format.bitsPerSample !== 16) {
    throw new AppError(400, 'invalid_recording', `A recording must be 16 kHz mono 16-bit PCM; this one is ${format.sampleRate} Hz, ${format.numChannels} channel(s), ${format.bitsPerSample}-bit.`);
  }
  const durationMs = Math.round((bytes / 2 / SAMPLE_RATE) * 1000);
  if (durationMs < SHORTEST_MS) throw new AppError(400, 'invalid_recording', `The recording is ${durationMs} ms long; say the phrase again.`);
  return durationMs;
}

function toResponse(row: VoiceRecordingRow): VoiceRecordingResponse {
  return { id: row.id, speaker: row.speaker, phrase: row.phrase, durationMs: row.duration_ms, consentAt: row.consent_at, createdAt: row.created_at };
}
