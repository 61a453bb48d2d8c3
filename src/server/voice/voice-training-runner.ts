/**
 * 학습 시작: the store's recordings exported to a temporary folder (labels.csv and WAVs), then
 * `kiosk voice train --recordings` as a child process (like the camera head's training: the
 * server's event loop never trains), adapting the active voice model. The child judges the adapted
 * model against the active one on the held-out takes and on synthetic voices; only when it says
 * "better" is the model kept as the new active version, which the kiosks load from then on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

export class VoiceTrainingRunner {
  private status: VoiceTrainingStatus = { state: 'idle', startedAt: null, finishedAt: null, message: null, result: null };
  private running: Promise<void> | null = null;
  private child: ChildProcess | null = null;

  constructor(
    private readonly recordings: VoiceRecordingService,
    private readonly versions: VoiceModelVersions,
    private readonly config: Config,
    private readonly size: VoiceTrainingSize,
    private readonly now: () => Date,
    private readonly log: (error: unknown, message: string) => void,
  ) {}

  current(): VoiceTrainingStatus {
    return this.status;
  }

  /** Starts a run in the background; a second start while one runs is refused. */
  async start(): Promise<VoiceTrainingStatus> {
    if (this.running) throw new AppError(409, 'training_running', 'Voice training is already running.');
    const count = (await this.recordings.list()).length;
    if (count < FEWEST_TAKES) throw new AppError(400, 'too_few_recordings', `Record at least ${FEWEST_TAKES} takes first (every third take is held out to judge the result); there are ${count}.`);
    this.status = { state: 'running', startedAt: this.now().toISOString(), finishedAt: null, message: null, result: null };
    this.running = this.run()
      .then(
        (result) => this.finish({ state: 'finished', message: result.reason, result }),
        (error: unknown) => {
          this.log(error, 'Voice training failed');
          this.finish({ state: 'failed', message: error instanceof Error ? error.message : String(error), result: null });
        },
      )
      .finally(() => (this.running = null));
    return this.status;
  }

  /** Stops a run in progress (the server is closing); it is recorded as failed. */
  async stop(): Promise<void> {
    this.child?.kill('SIGTERM');
    await this.running;
  }

  private finish(end: Pick<VoiceTrainingStatus, 'state' | 'message' | 'result'>): void {
    this.status = { ...this.status, ...end, finishedAt: this.now().toISOString() };
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

