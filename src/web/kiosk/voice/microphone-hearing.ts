/**
 * A conversation with the microphone, whatever recognizes it: 16 kHz samples from an AudioWorklet
 * → frames → utterances (the room's running noise level) → `recognize`, which names what was said.
 * Listens until stopped or quiet; restarts a crashed capture a few times. Samples are kept only
 * for the utterance being heard (the recognizer may need them), never stored.
 */
import captureUrl from './pcm-capture.worklet.ts?worker&url';
import { FrameAnalyser, FRAME_SIZE, HOP_SIZE, SAMPLE_RATE, type FrameFeatures, type FrameSettings } from '../../../voice/hearing/audio-frames';
import { SEGMENTER_SETTINGS, UtteranceSegmenter } from '../../../voice/hearing/utterance-segmenter';
import { RestartPolicy } from '../../../shared/restart-policy';
import type { HeardSpeech } from './speech-listener';
import { problemText } from '../../shared/problem-text';

/** A conversation ends by itself after this long without speech. */
const QUIET_LIMIT_MS = 20_000;

/** One utterance: its frames (for our keyword model) and its samples (for a dictating recognizer). */
export type HeardTurn = { frames: FrameFeatures[]; samples: () => Float32Array };
export type Recognize = (turn: HeardTurn) => HeardSpeech | Promise<HeardSpeech>;
export type HearingSession = { stop(): void };

/**
 * The last few seconds of the stream, addressed by sample number since the microphone opened, so
 * an utterance's frames can be turned back into its samples.
 */
class RecentSamples {
  private readonly ring: Float32Array;
  private written = 0;

  constructor(seconds: number) {
    this.ring = new Float32Array(Math.ceil(seconds * SAMPLE_RATE));
  }

  push(chunk: Float32Array): void {
    for (let i = 0; i < chunk.length; i++) this.ring[(this.written + i) % this.ring.length] = chunk[i]!;
    this.written += chunk.length;
  }

  /** Samples `from` (inclusive) to `to` (exclusive); what has already been overwritten is left out. */
  slice(from: number, to: number): Float32Array {
    const start = Math.max(from, this.written - this.ring.length, 0);
    const end = Math.min(to, this.written);
    const out = new Float32Array(Math.max(0, end - start));
    for (let i = 0; i < out.length; i++) out[i] = this.ring[(start + i) % this.ring.length]!;
    return out;
  }
}

export async function startMicrophoneHearing(
  recognize: Recognize,
  onHeard: (heard: HeardSpeech) => void,
  onEnd: (problem?: string) => void,
  { segmenterSettings = SEGMENTER_SETTINGS, frameSettings }: { segmenterSettings?: typeof SEGMENTER_SETTINGS; frameSettings?: FrameSettings } = {},
): Promise<HearingSession> {
  const context = new AudioContext({ sampleRate: SAMPLE_RATE });
  let stream: MediaStream | null = null;
  let source: MediaStreamAudioSourceNode | null = null;
  let ended = false;
  let quietTimer = 0;
  let restartTimer = 0;
  const restarts = new RestartPolicy();
  const stop = (problem?: string) => {
    if (ended) return;
    ended = true;
    window.clearTimeout(quietTimer);
    window.clearTimeout(restartTimer);
    stream?.getTracks().forEach((track) => track.stop());
    void context.close();
    onEnd(problem);
  };
  const keepAlive = () => {
    window.clearTimeout(quietTimer);
    quietTimer = window.setTimeout(() => stop(), QUIET_LIMIT_MS);
  };
  const analyser = new FrameAnalyser(frameSettings);
  const segmenter = new UtteranceSegmenter(segmenterSettings);
  // Room for the longest utterance the segmenter lets through, and its lead-in.
  const recent = new RecentSamples((segmenterSettings.maxFrames + segmenterSettings.preRollFrames + 4) * (HOP_SIZE / SAMPLE_RATE));
  const frameNumbers = new WeakMap<FrameFeatures, number>();
  let framesSeen = 0;
  const samplesOf = (frames: FrameFeatures[]) => () => {
    const first = frameNumbers.get(frames[0]!) ?? 0;
    const last = frameNumbers.get(frames[frames.length - 1]!) ?? first;
    return recent.slice(first * HOP_SIZE, last * HOP_SIZE + FRAME_SIZE);
  };
  const hearTurn = (turn: HeardTurn) => {
    void Promise.resolve()
      .then(() => recognize(turn))
      .then((heard) => {
        if (!ended) onHeard(heard);
      })
      // A turn the recognizer could not handle is one not heard; the conversation goes on.
      .catch(() => {
        if (!ended) onHeard({ text: '', sure: false });
      });
  };
  let capture: AudioWorkletNode;
  const startCapture = (): AudioWorkletNode => {
    const node = new AudioWorkletNode(context, 'pcm-capture');
    node.port.onmessage = (event: MessageEvent<Float32Array>) => {
      restarts.working();
      recent.push(event.data);
      analyser.push(event.data, (frame) => {
        frameNumbers.set(frame, framesSeen++);
        const utterance = segmenter.push(frame);
        if (!utterance || ended) return;
        keepAlive();
        hearTurn({ frames: utterance.frames, samples: samplesOf(utterance.frames) });
      });
    };
    // A capture that dies on the audio thread would leave the kiosk deaf without a word: start a
    // new one a few times, else end the conversation so the screen says so (the buttons still work).
    node.onprocessorerror = () => {
      node.disconnect();
      source?.disconnect(node);
      const delay = restarts.nextDelayMs();
      if (delay === null) return stop('voice capture stopped');
      restartTimer = window.setTimeout(() => {
        if (ended) return;
        capture = startCapture();
        source?.connect(capture);
      }, delay);
    };
    // A node that reaches the output is one the browser keeps running; ours writes only silence.
    node.connect(context.destination);
    return node;
  };
  try {
    await context.audioWorklet.addModule(captureUrl);
    capture = startCapture();
    stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: false, autoGainControl: false } });
    source = context.createMediaStreamSource(stream);
    source.connect(capture);
    keepAlive();
  } catch (error) {
    stop(problemText(error));
  }
  return { stop: () => stop() };
}
