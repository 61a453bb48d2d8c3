/**
 * The camera decision log. Every decision is kept (time, kiosk, group, confidence, model, latency);
 * what is kept of the face follows the store's collection setting at write time: nothing (`off`),
 * its numbers (`embeddings`), or its numbers and a crop (`images`). Confident decisions label
 * themselves into `face_samples`; unsure ones with a crop wait for a person in the console's review
 * queue, and without one (nothing to look at) keep no face data at all.
 *
 * A kiosk's group and confidence are its claim, nothing more: a decision labels itself only when
 * the server's own active head, run on the same features, agrees and is sure enough too, and the
 * label is the server's. Forged features with a made-up group teach the model nothing.
 */
import { randomUUID } from 'node:crypto';
import { FACE_CROP_MAX_BYTES, LABEL_STATUSES, type CameraDecisionRequest, type FlywheelCountsResponse, type ReviewItem, type ReviewQueueResponse, type ReviewVerdictRequest } from '../../contracts/http';
import type { FaceFeatures } from '../../vision/features/face-analyzer';
import { featuresFromBase64 } from '../../vision/features/feature-codec';
import { AppError, notFound } from '../errors';
import type { SettingsService } from '../services/settings.service';
import { PRIVATE_FOLDER, type FileStore, type StoredFile } from '../storage/file-store';
import type { DecisionLogRepository, DecisionRow, SampleRow } from './decision-log.repository';

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

export type DecisionContext = { storeId: string; now: () => Date };

/** The server's own reading of a face's features (the active head), or null without one. */
export type FeatureJudge = (features: FaceFeatures) => Promise<{ group: string; confidence: number } | null>;

/** What a kiosk or the server's own face pool decided, with the face as sent (base64). */
export type LoggedDecision = CameraDecisionRequest & { kioskId: string };

export class DecisionLogService {
  constructor(
    private readonly log: DecisionLogRepository,
    private readonly settings: SettingsService,
    private readonly files: FileStore,
    private readonly context: DecisionContext,
    private readonly judge: FeatureJudge,
  ) {}

  async record(decision: LoggedDecision): Promise<{ id: string }> {
    // Checked before anything is kept, whatever the setting: bad input is the sender's mistake either way.
    const face = decision.features === undefined ? null : featuresOf(decision.features);
    const crop = decision.crop === undefined ? null : jpegCrop(decision.crop);
    const { collection, autoLabelThreshold, cameraMinConfidence } = await this.settings.get(this.context.storeId);
    const id = randomUUID();
    const decidedAt = this.context.now().toISOString();
    const claimedSure = decision.group !== 'unknown' && decision.confidence >= autoLabelThreshold;
    // The server's head must name the same group, at least as surely as the store's camera setting asks of a decision.
    const verdict = claimedSure && face && collection !== 'off' ? await this.judge(face) : null;
    const confident = verdict !== null && verdict.group === decision.group && verdict.confidence >= cameraMinConfidence;
    // A person can only judge a face they can see: an unsure decision is worth its numbers only
    // with a crop (collection `images`); otherwise only confident decisions become samples.
    const reviewable = collection === 'images' && crop !== null;
    const features = collection === 'off' || !(confident || reviewable) ? null : (decision.features ?? null);
    // A crop is only worth keeping beside the numbers a sample needs.
    const cropKey = reviewable && features ? `${PRIVATE_FOLDER}face-crops/${id}.jpg` : null;
    const labelStatus = !features ? 'none' : confident ? 'auto' : 'review';
    const row: DecisionRow = {
      id,
      store_id: this.context.storeId,
      kiosk_id: decision.kioskId,
      decided_at: decidedAt,
      group: decision.group,
      confidence: decision.confidence,
      model_version: decision.modelVersion,
      latency_ms: decision.latencyMs ?? null,
      override: null,
      override_at: null,
      features,
      crop_key: cropKey,
      label_status: labelStatus,
      label: labelStatus === 'auto' ? decision.group : null,
      reviewed_by: null,
      reviewed_at: null,
    };
    if (cropKey) await this.files.put(cropKey, crop!, 'image/jpeg');
    await this.log.insert(row, labelStatus === 'auto' ? sampleOf(row, decision.group, 'auto') : null);
    return { id };
  }

  /** The customer's weak label, for a decision of this kiosk. */
  async override(id: string, kioskId: string, override: string): Promise<void> {
    const row = await this.log.findById(id);
    if (!row || row.kiosk_id !== kioskId) throw notFound(`Camera decision ${id}`);
    if (!(await this.log.recordOverride(id, override, this.context.now().toISOString()))) {
      throw new AppError(409, 'already_overridden', 'This decision already has an override.');
    }
  }

  /** Pending decisions oldest first, `limit` at a time, after the decision named by `after`. */
  async queue(limit: number, after?: string): Promise<ReviewQueueResponse> {
    const { storeId } = this.context;
    const from = after ? await this.log.findById(after) : null;
    if (after && !from) throw new AppError(400, 'invalid_cursor', `No decision ${after} to page after.`);
    const [rows, pending] = await Promise.all([this.log.pending(storeId, limit + 1, from), this.log.countPending(storeId)]);
    const page = rows.slice(0, limit);
    return { items: page.map(toReviewItem), pending, next: rows.length > limit ? page.at(-1)!.id : null };
  }

  async settle(id: string, { verdict }: ReviewVerdictRequest, reviewer: string): Promise<void> {
    const row = await this.log.findById(id);
    if (!row || row.store_id !== this.context.storeId) throw notFound(`Camera decision ${id}`);
    const at = this.context.now().toISOString();
    const settled =
      verdict === 'discard'
        ? await this.log.settle(id, { status: 'discarded' }, reviewer, at)
        : await this.log.settle(id, { status: 'reviewed', label: verdict, sample: sampleOf(row, verdict, 'review') }, reviewer, at);
    if (!settled) throw new AppError(409, 'not_pending', 'This decision is not waiting for review (someone may have just answered it).');
    if (verdict === 'discard' && row.crop_key) await this.files.delete(row.crop_key);
  }

  /** A pending decision's crop, for the reviewer's eyes only. */
  async crop(id: string): Promise<StoredFile> {
    const row = await this.log.findById(id);
    const file = row?.store_id === this.context.storeId && row.crop_key ? await this.files.get(row.crop_key) : null;
    if (!file) throw notFound(`A face crop for decision ${id}`);
    return file;
  }

  async counts(): Promise<FlywheelCountsResponse> {
    const [decisions, samples] = await Promise.all([this.log.decisionCounts(this.context.storeId), this.log.sampleCounts()]);
    return {
      decisions: Object.fromEntries(LABEL_STATUSES.map((status) => [status, decisions[status] ?? 0])) as FlywheelCountsResponse['decisions'],
      samples,
    };
  }
}

function featuresOf(base64: string): FaceFeatures {
  try {
    return featuresFromBase64(base64);
  } catch (error) {
    throw new AppError(400, 'invalid_features', `features must be featuresToBase64 of one face: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function jpegCrop(base64: string): Buffer {
  const data = Buffer.from(base64, 'base64');
  if (data.length > FACE_CROP_MAX_BYTES) throw new AppError(400, 'crop_too_large', `A face crop may have at most ${FACE_CROP_MAX_BYTES} bytes; this one has ${data.length}.`);
  if (!data.subarray(0, 3).equals(JPEG_MAGIC)) throw new AppError(400, 'invalid_crop', 'crop must be a JPEG image, base64.');
  return data;
}

/**
 * A sample dated when the face was seen, not when it was labelled, so retention counts from the
 * same moment for the decision, its crop and its sample.
 */
function sampleOf(row: DecisionRow, group: string, labelSource: 'auto' | 'review'): SampleRow {
  return {
    id: randomUUID(),
    source: 'decision',
    decision_id: row.id,
    dataset: null,
    file: null,
    group,
    age: null,
    gender: null,
    label_source: labelSource,
    features: row.features!,
    image_key: row.crop_key,
    created_at: row.decided_at,
  };
}

function toReviewItem(row: DecisionRow): ReviewItem {
  return {
    id: row.id,
    kioskId: row.kiosk_id,
    decidedAt: row.decided_at,
    group: row.group,
    confidence: row.confidence,
    modelVersion: row.model_version,
    override: row.override as ReviewItem['override'],
    cropUrl: row.crop_key ? `/api/admin/review/${row.id}/crop` : null,
  };
}
