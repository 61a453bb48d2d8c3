/**
 * 학습 시작: the store's recordings exported to a temporary folder (labels.csv and WAVs), then
 * `kiosk voice train --recordings` as a child process (like the camera head's training: the
 * server's event loop never trains), adapting the active voice model. The child judges the adapted
 * model against the active one on the held-out takes and on synthetic voices; only when it says
 * "better" is the model kept as the new active version, which the kiosks load from then on. Each
 * run and how it ended is a row (`voice_training_runs`), so the console shows the last one after a
 * restart and from any server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config/config';
import type { VoiceTrainingStatus } from '../../contracts/voice-recordings';
import { AppError } from '../errors';
import { kioskCommand } from '../flywheel/training-command';
import { DEFAULT_VOICE_MODEL_FILE } from '../../voice/hearing/keyword-model-file';
import { FEATURE_VERSION } from '../../voice/hearing/utterance-vector';
import { FULL_SYNTHETIC_HELD_OUT, type SyntheticHeldOutSize } from '../../voice/training/adapt-to-store';
import type { JobLock } from '../db/job-lock';
import type { VoiceTrainingRunRepository, VoiceTrainingRunRow } from '../repositories/voice-training-run.repository';
import type { VoiceModelVersions } from './voice-model-versions';
import type { VoiceRecordingService } from './voice-recording.service';

/**
 * How much synthetic speech goes beside the store's takes, and how much of the held-out synthetic
 * set the verdict hears (`SyntheticHeldOutSize`); tests pass tiny numbers.
 */
export type VoiceTrainingSize = { voices: number; notPhrases: number; epochs: number; syntheticHeldOut: SyntheticHeldOutSize };
/** A short adaptation (docs/voice.md): minutes on a shared CPU, not the half hour of a full run. */
export const DEFAULT_VOICE_TRAINING_SIZE: VoiceTrainingSize = { voices: 6, notPhrases: 800, epochs: 5, syntheticHeldOut: FULL_SYNTHETIC_HELD_OUT };
/** Fewer takes than this leave nothing to hold out for every phrase recorded. */
const FEWEST_TAKES = 3;

type ChildResult = NonNullable<VoiceTrainingStatus['result']> & { reason: string };

const NEVER_RUN: VoiceTrainingStatus = { state: 'idle', startedAt: null, finishedAt: null, message: null, result: null };
/** How long the run's lock lasts unless renewed: a server that dies mid-run frees the store for a new run after this. */
export const VOICE_TRAINING_LOCK_TTL_MS = 10 * 60_000;

export class VoiceTrainingRunner {
  private running: Promise<void> | null = null;
  private child: ChildProcess | null = null;
  private stopping = false;
  private renewal: NodeJS.Timeout | undefined;

  constructor(
    private readonly recordings: VoiceRecordingService,
    private readonly versions: VoiceModelVersions,
    private readonly runs: VoiceTrainingRunRepository,
    /** One run at a time for the store, whichever of its servers starts it. */
    private readonly lock: JobLock,
    private readonly config: Config,
    private readonly size: VoiceTrainingSize,
    private readonly now: () => Date,
    private readonly log: (error: unknown, message: string) => void,
  ) {}

  /** The store's last run as recorded, whichever server ran it and whether or not it has restarted since. */
  async current(): Promise<VoiceTrainingStatus> {
    const row = await this.runs.latest(this.config.storeId);
    if (!row) return NEVER_RUN;
    const status = statusOf(row);
    // A run no server holds the lock for was left by one that died during it.
    if (status.state === 'running' && !this.running && !(await this.lock.isHeld())) {
      return { ...status, state: 'failed', message: 'The run did not finish: the server running it stopped.' };
    }
    return status;
  }

  /** Starts a run in the background; a second start while one runs (on any server of the store) is refused. */
  async start(): Promise<VoiceTrainingStatus> {
    const alreadyRunning = new AppError(409, 'training_running', 'Voice training is already running.');
    if (this.running || (await this.lock.isHeld())) throw alreadyRunning;
    const count = (await this.recordings.list()).length;
    if (count < FEWEST_TAKES) throw new AppError(400, 'too_few_recordings', `Record at least ${FEWEST_TAKES} takes first (every third take is held out to judge the result); there are ${count}.`);
    if (!(await this.lock.acquire())) throw alreadyRunning;
    this.renewal = setInterval(() => void this.lock.renew().catch((error: unknown) => this.log(error, 'Voice training: could not renew its lock')), VOICE_TRAINING_LOCK_TTL_MS / 3);
    const row: VoiceTrainingRunRow = { id: randomUUID(), store_id: this.config.storeId, state: 'running', started_at: this.now().toISOString(), finished_at: null, message: null, result: null };
    await this.runs.insert(row);
    this.running = this.run()
      .then(
        (result) => this.finish(row.id, 'finished', result.reason, result),
        (error: unknown) => {
          this.log(error, 'Voice training failed');
          const message = this.stopping ? 'The server stopped during the run.' : error instanceof Error ? error.message : String(error);
          return this.finish(row.id, 'failed', message, null);
        },
      )
      .finally(async () => {
        clearInterval(this.renewal);
        await this.lock.release().catch((error: unknown) => this.log(error, 'Voice training: could not release its lock'));
        this.running = null;
      });
    return statusOf(row);
  }

  /** Stops a run in progress (the server is closing); it is recorded as failed. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.child?.kill('SIGTERM');
    await this.running;
  }

  private async finish(id: string, state: 'finished' | 'failed', message: string, result: ChildResult | null): Promise<void> {
    await this.runs
      .finish(id, { state, finished_at: this.now().toISOString(), message, result: result ? JSON.stringify(result) : null })
      .catch((error: unknown) => this.log(error, 'Voice training: could not record how the run ended'));
  }

  private async run(): Promise<ChildResult> {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-voice-training-'));
    try {
      const recordingsDir = path.join(work, 'recordings');
      await this.recordings.exportTo(recordingsDir);
      const out = path.join(work, 'model');
      await fs.mkdir(out);
      // The child adapts the model the kiosks load now and writes the adapted one to `out` only if it is better.
      const modelFile = path.join(out, 'model.json');
      await fs.writeFile(modelFile, await this.startingModel());
      const { voices, notPhrases, epochs, syntheticHeldOut } = this.size;
      const heldOut = ['--held-out-not-orders', String(syntheticHeldOut.notOrders), ...(Number.isFinite(syntheticHeldOut.phrases) ? ['--held-out-phrases', String(syntheticHeldOut.phrases)] : [])];
      const result = await this.runChild(['voice', 'train', '--recordings', recordingsDir, '--out', out, '--voices', String(voices), '--not-phrases', String(notPhrases), '--epochs', String(epochs), ...heldOut]);
      if (result.promote) await this.versions.add(await fs.readFile(modelFile), { promote: result.promote, recordings: result.recordings, adapted: result.adapted, current: result.current });
      return result;
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  }

  /**
   * The active version, or the shipped model when there is none or the active one hears features
   * training no longer writes (a version kept before the level-free features): it cannot be adapted.
   */
  private async startingModel(): Promise<Buffer> {
    const active = await this.versions.activeModel();
    if (active && (JSON.parse(active.toString('utf8')) as { featureVersion?: string }).featureVersion === FEATURE_VERSION) return active;
    return fs.readFile(DEFAULT_VOICE_MODEL_FILE);
  }

  /** `kiosk …` on the server's database; answers the JSON line it prints last. */
  private runChild(args: string[]): Promise<ChildResult> {
    const command = kioskCommand(this.config, args);
    return new Promise((resolve, reject) => {
      const child = spawn(command.file, command.args, { env: command.env, stdio: ['ignore', 'pipe', 'pipe'] });
      this.child = child;
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      child.on('error', reject);
      child.on('close', (code) => {
        this.child = null;
        const last = stdout.trim().split('\n').at(-1) ?? '';
        if (code !== 0 || !last.startsWith('{')) return reject(new Error(`kiosk voice train ended with exit ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`));
        resolve(JSON.parse(last) as ChildResult);
      });
    });
  }
}

function statusOf(row: VoiceTrainingRunRow): VoiceTrainingStatus {
  return {
    state: row.state as VoiceTrainingStatus['state'],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    message: row.message,
    result: row.result ? (JSON.parse(row.result) as VoiceTrainingStatus['result']) : null,
  };
}
