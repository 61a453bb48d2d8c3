/**
 * Watches the camera while the kiosk runs: frames from getUserMedia go to the face worker one at a
 * time, readings go through the presence logic, and only decisions come out. Frames stay in memory.
 */
import type { Collection, FaceSample, VisionWorkerRequest, VisionWorkerResponse } from './vision-messages';
import { IDLE, observe, type PresenceDecision, type PresenceSettings, type PresenceState } from '../../../domain/presence';
import { RestartPolicy } from '../../../shared/restart-policy';

export type CameraStatus = 'off' | 'starting' | 'watching' | 'unavailable';

export type CameraEvents = {
  onStatus: (status: CameraStatus) => void;
  /** A voted decision, the version of the model that made it, and ms from the first voted frame to the decision. */
  onDecision: (decision: PresenceDecision, modelVersion: string, latencyMs: number) => void;
  onLeft: () => void;
  onUnavailable: (reason: string) => void;
};

/** With a face in view frames follow each other at once (a decision in under a second); with none, the camera is polled gently. */
const IDLE_FRAME_GAP_MS = 250;
const NO_SAMPLE: FaceSample = { features: null, crop: null };

export class CameraWatcher {
  private worker: Worker | undefined;
  private video: HTMLVideoElement | undefined;
  private readonly restarts = new RestartPolicy();
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private stream: MediaStream | undefined;
  private stopped = false;
  private presence: PresenceState = IDLE;
  private modelVersion = 'unknown';
  /** The head version the store announced, and the last one asked of the worker (asked once, even if it fails). */
  private wantedHead: { version: string; url: string } | undefined;
  private requestedVersion: string | undefined;
  private collection: Collection = 'off';
  /** Answers to `sample` requests, in the order they were asked (the worker answers in order). */
  private sampleWaiters: ((sample: FaceSample) => void)[] = [];
  /** When the frame being read was taken, and when the frame that began the current vote was. */
  private frameTakenAt = 0;
  private voteStartedAt = 0;

  constructor(
    private readonly events: CameraEvents,
    private readonly settings: PresenceSettings,
  ) {}

  async start(): Promise<void> {
    this.events.onStatus('starting');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, facingMode: 'user' }, audio: false });
    } catch (error) {
      this.fail(error instanceof Error ? error.name : 'camera');
      return;
    }
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = this.stream;
    await video.play();
    this.video = video;
    this.startWorker();
  }

  stop(): void {
    this.stopped = true;
    for (const waiter of this.sampleWaiters.splice(0)) waiter(NO_SAMPLE);
    clearTimeout(this.restartTimer);
    this.worker?.terminate();
    for (const track of this.stream?.getTracks() ?? []) track.stop();
  }

  /** The store's active head version: loaded without a restart once the worker is ready. */
  useHead(version: string, url: string): void {
    this.wantedHead = { version, url };
    this.loadWantedHead();
  }

  /** What the worker holds of each face for the decision log: the store's collection setting. */
  collect(collection: Collection): void {
    this.collection = collection;
    this.send({ type: 'collect', collection });
  }

  /**
   * The face of the reading that completed the latest decision, as far as the store collects it.
   * Asked at once in `onDecision`, before the next frame goes to the worker, so it is that reading's.
   */
  takeSample(): Promise<FaceSample> {
    if (!this.worker || this.stopped || this.collection === 'off') return Promise.resolve(NO_SAMPLE);
    return new Promise((resolve) => {
      this.sampleWaiters.push(resolve);
      this.send({ type: 'sample' });
    });
  }

  /** Forget the current customer, e.g. after an order or a reset. */
  forget(): void {
    this.presence = IDLE;
  }

  private startWorker(): void {
    const worker = new Worker(new URL('./face.worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    this.modelVersion = 'unknown';
    this.requestedVersion = undefined;
    worker.onmessage = (event: MessageEvent<VisionWorkerResponse>) => {
      if (worker === this.worker) this.handle(event.data, worker);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker === this.worker) this.workerDied(event.message || 'face worker stopped');
    };
    this.send({ type: 'init', headUrl: '/models/group-head/model.json' });
    this.send({ type: 'collect', collection: this.collection });
  }

  /**
   * A worker that dies (or cannot load its models) takes only the camera with it, and only for a
   * while: it is started again a few times, and meanwhile ordering goes on by touch.
   */
  private workerDied(reason: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    // A face sample asked of the dead worker will never come.
    for (const waiter of this.sampleWaiters.splice(0)) waiter(NO_SAMPLE);
    if (this.stopped) return;
    const delay = this.restarts.nextDelayMs();
    if (delay === null) {
      this.fail(reason);
      return;
    }
    console.warn(`Face worker stopped (${reason}); starting it again in ${delay} ms`);
    this.events.onStatus('starting');
    this.restartTimer = setTimeout(() => this.startWorker(), delay);
  }

  private handle(message: VisionWorkerResponse, worker: Worker): void {
    if (this.stopped) return;
    if (message.type === 'failed') {
      this.workerDied(message.message);
      return;
    }
    // Head swaps happen beside the frame loop: they schedule no frame.
    if (message.type === 'head-loaded') {
      this.modelVersion = message.modelVersion;
      return;
    }
    if (message.type === 'head-failed') {
      console.warn(`Kept group head ${this.modelVersion}: ${message.message}`);
      return;
    }
    if (message.type === 'sample') {
      this.sampleWaiters.shift()?.({ features: message.features, crop: message.crop });
      return;
    }
    if (message.type === 'ready') {
      // Marks let the benchmark time a decision from the first watched frame.
      performance.mark('camera:watching');
      this.restarts.working();
      this.modelVersion = message.modelVersion;
      this.events.onStatus('watching');
      this.loadWantedHead();
    }
    if (message.type === 'reading') {
      const reading = message.face ? { faceWidthShare: message.face.widthShare, probabilities: message.face.probabilities } : null;
      const { state, event } = observe(this.presence, reading, Date.now(), this.settings);
      if (this.presence.phase === 'idle') this.voteStartedAt = this.frameTakenAt;
      this.presence = state;
      if (event?.type === 'decided') {
        performance.mark('camera:decided');
        this.events.onDecision(event.decision, this.modelVersion, performance.now() - this.voteStartedAt);
      }
      if (event?.type === 'left') this.events.onLeft();
    }
    const faceInView = message.type === 'reading' && message.face !== null;
    setTimeout(() => void this.nextFrame(worker), message.type === 'ready' || faceInView ? 0 : IDLE_FRAME_GAP_MS);
  }

  private loadWantedHead(): void {
    const wanted = this.wantedHead;
    if (this.modelVersion === 'unknown' || !wanted || wanted.version === this.modelVersion || wanted.version === this.requestedVersion) return;
    this.requestedVersion = wanted.version;
    this.send({ type: 'load-head', url: wanted.url });
  }

  private fail(reason: string): void {
    this.events.onStatus('unavailable');
    this.events.onUnavailable(reason);
  }

  /** Frames go to the worker that asked for them: a worker started since then runs its own loop. */
  private async nextFrame(worker: Worker): Promise<void> {
    if (this.stopped || worker !== this.worker || !this.video) return;
    this.frameTakenAt = performance.now();
    const frame = await createImageBitmap(this.video);
    if (worker !== this.worker) return frame.close();
    this.send({ type: 'frame', frame }, [frame]);
  }

  private send(message: VisionWorkerRequest, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }
}
