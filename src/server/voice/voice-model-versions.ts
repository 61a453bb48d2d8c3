/**
 * The store's voice models as versions (issue 28): a small registry of its own beside the camera's,
 * whose versions are measured on a frozen face set with a different metrics type and trained from
 * scratch; a voice version is an adaptation judged by `voicePromotion` on the store's held-out
 * takes. Each kept model is a version with that judgement; rollback makes the previous one active
 * again, or the shipped model when there is none, and an owner may make any kept one active again.
 */
import fs from 'node:fs/promises';
import type { VoiceModelVersionResponse, VoiceTrainingOutcome } from '../../contracts/voice-recordings';
import { DEFAULT_VOICE_MODEL_FILE } from '../../voice/hearing/keyword-model-file';
import type { ActiveModel } from '../registry/active-model-watch';
import { AppError, notFound } from '../errors';
import type { VoiceModelVersionRepository, VoiceModelVersionRow } from '../repositories/voice-model-version.repository';
import type { FileStore } from '../storage/file-store';

type Options = { storeId: string; now: () => Date };

/** Where kiosks load the voice model: the active version, whichever it is (`model.routes.ts`). */
export const VOICE_MODEL_URL = '/models/voice-keywords/model.json';

export class VoiceModelVersions {
  private shippedVersion: Promise<string> | null = null;

  constructor(
    private readonly rows: VoiceModelVersionRepository,
    private readonly files: FileStore,
    private readonly options: Options,
  ) {}

  async list(): Promise<VoiceModelVersionResponse[]> {
    return (await this.rows.list(this.options.storeId)).map(toResponse);
  }

  /** The active model's file, or null: the kiosks load the shipped model. */
  async activeModel(): Promise<Buffer | null> {
    const active = await this.activeRow();
    return active ? ((await this.files.get(active.model_key))?.data ?? null) : null;
  }

  /** What kiosks should run now (announced over MQTT): the active version, or the shipped model's. */
  async active(): Promise<ActiveModel> {
    const active = await this.activeRow();
    this.shippedVersion ??= fs.readFile(DEFAULT_VOICE_MODEL_FILE, 'utf8').then((text) => (JSON.parse(text) as { version: string }).version);
    return { model: 'voice-keywords', version: active?.version ?? (await this.shippedVersion), url: VOICE_MODEL_URL };
  }

  private async activeRow(): Promise<VoiceModelVersionRow | undefined> {
    return (await this.rows.list(this.options.storeId)).find((row) => row.status === 'active');
  }

  /**
   * Keeps a model judged better as the new active version. The file's own `version` becomes the
   * registry's, so a kiosk (and the next adaptation's `adaptedFrom`) names the version it runs.
   */
  async add(model: Buffer, result: VoiceTrainingOutcome): Promise<VoiceModelVersionResponse> {
    const now = this.options.now().toISOString();
    // Sortable and unique per store: the time it was kept.
    const version = `voice-${now.replace(/[-:.]/g, '').toLowerCase()}`;
    const row: VoiceModelVersionRow = { version, store_id: this.options.storeId, status: 'active', model_key: `voice-models/${version}.json`, scores: JSON.stringify(result), created_at: now, activated_at: now };
    const named = { ...(JSON.parse(model.toString('utf8')) as Record<string, unknown>), version };
    await this.files.put(row.model_key, Buffer.from(JSON.stringify(named)), 'application/json');
    await this.rows.activate(this.options.storeId, version, now, row);
    return toResponse(row);
  }

  /** A version kept earlier is what kiosks load again: an owner's choice, say after one rollback too many. */
  async activate(version: string): Promise<VoiceModelVersionResponse> {
    const row = (await this.rows.list(this.options.storeId)).find((candidate) => candidate.version === version);
    if (!row) throw notFound(`Voice model ${version}`);
    if (row.status === 'active') throw new AppError(409, 'already_active', `Voice model ${version} is already in use.`);
    const now = this.options.now().toISOString();
    await this.rows.activate(this.options.storeId, version, now);
    return toResponse({ ...row, status: 'active', activated_at: now });
  }

  /** The version before the active one becomes active; with none before it, the shipped model. */
  async rollback(): Promise<VoiceModelVersionResponse | null> {
    const versions = await this.rows.list(this.options.storeId);
    const activeIndex = versions.findIndex((row) => row.status === 'active');
    if (activeIndex === -1) throw new AppError(409, 'nothing_to_roll_back', 'The kiosks already use the shipped voice model.');
    const previous = versions[activeIndex + 1];
    const now = this.options.now().toISOString();
    if (!previous) {
      await this.rows.activate(this.options.storeId, '', now);
      return null;
    }
    await this.rows.activate(this.options.storeId, previous.version, now);
    return toResponse({ ...previous, status: 'active', activated_at: now });
  }
}

function toResponse(row: VoiceModelVersionRow): VoiceModelVersionResponse {
  return { version: row.version, status: row.status === 'active' ? 'active' : 'retired', createdAt: row.created_at, activatedAt: row.activated_at, result: JSON.parse(row.scores) as VoiceTrainingOutcome };
}
