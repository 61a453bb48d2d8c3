/**
 * The offline recognizer in the page: microphone → 16 kHz samples (an AudioWorklet) → frames →
 * voice-activity detection → the keyword model, narrowed to what the screen asks for. Nothing is
 * recorded or sent: samples live only until their frame is analysed. Loaded only when the
 * customer first asks to speak, so the first screen stays small.
 */
import captureUrl from './pcm-capture.worklet.ts?worker&url';
import { FrameAnalyser, SAMPLE_RATE } from '../../../voice/hearing/audio-frames';
import { KeywordModel, type KeywordModelFile } from '../../../voice/hearing/keyword-model';
import { UtteranceSegmenter } from '../../../voice/hearing/utterance-segmenter';
import { utteranceVector } from '../../../voice/hearing/utterance-vector';
import type { PhraseKind } from '../../../voice/hearing/vocabulary';
import { RestartPolicy } from '../../../shared/restart-policy';
import type { HeardSpeech } from './speech-listener';

/** A conversation ends by itself after this long without speech. */
const QUIET_LIMIT_MS = 20_000;

let model: Promise<KeywordModel> | null = null;
function loadModel(): Promise<KeywordModel> {
  model ??= fetch('/models/voice-keywords/model.json')
    .then((response) => {
      if (!response.ok) throw new Error(`voice model: HTTP ${response.status}`);
      return response.json() as Promise<KeywordModelFile>;
    })
    .then((file) => new KeywordModel(file))
    .catch((error: unknown) => {
      model = null;
      throw error;
    });
  return model;
}

export type HearingSession = { stop(): void };

export async function startHearing(
  allowedKinds: () => ReadonlySet<PhraseKind> | undefined,
  onHeard: (heard: HeardSpeech) => void,
  onEnd: (problem?: string) => void,
): Promise<HearingSession> {
  const keywords = await loadModel();
  // Everything is ready before the microphone opens, so the first word is not lost while it loads.
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
  const analyser = new FrameAnalyser();
  const segmenter = new UtteranceSegmenter();
  let capture: AudioWorkletNode;
  const startCapture = (): AudioWorkletNode => {
    const node = new AudioWorkletNode(context, 'pcm-capture');
    node.port.onmessage = (event: MessageEvent<Float32Array>) => {
      restarts.working();
      analyser.push(event.data, (frame) => {
        const utterance = segmenter.push(frame);
        if (!utterance || ended) return;
        keepAlive();
        const heard = keywords.recognize(utteranceVector(utterance.frames), allowedKinds());
        // Empty text: something was heard, but not one of the phrases (talk nearby, clatter).
        onHeard(heard ? { text: heard.text, sure: heard.sure } : { text: '', sure: false });
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
    stop(error instanceof Error ? error.message : String(error));
  }
  return { stop: () => stop() };
}
