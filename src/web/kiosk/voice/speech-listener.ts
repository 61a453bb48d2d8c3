/**
 * Hearing, behind one small interface so engines can be swapped: our offline recognizer or the
 * store server's whisper (both a conversation: listening until stopped or quiet), or the
 * browser's Web Speech recognition (ko-KR, one utterance per press) where the operator chooses it.
 */
import type { PhraseKind } from '../../../voice/hearing/vocabulary';
import { problemText } from '../../shared/problem-text';

type RecognitionResultEvent = { results: ArrayLike<ArrayLike<{ transcript: string }>> };
type Recognition = {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((event: RecognitionResultEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
};
type RecognitionConstructor = new () => Recognition;

/**
 * One utterance: `sure` when the engine is confident enough to act on it. A doubtful one carries
 * the engine's best guess, or '' when it was not a phrase at all (talk nearby, clatter).
 */
export type HeardSpeech = { text: string; sure: boolean };

export interface SpeechListener {
  /** `onHeard` gets each utterance; `onEnd` is called however listening ends, with a reason if it failed. */
  listen(lang: string, onHeard: (heard: HeardSpeech) => void, onEnd: (problem?: string) => void): void;
  stop(): void;
}

type HearingSession = { stop(): void };
type StartHearing = (onHeard: (heard: HeardSpeech) => void, onEnd: (problem?: string) => void) => Promise<HearingSession>;

/** A conversation through the microphone; `start` loads its engine only when first used. */
function microphoneListener(start: StartHearing): SpeechListener | null {
  if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === 'undefined') return null;
  let session: Promise<HearingSession> | null = null;
  return {
    listen(_lang, onHeard, onEnd) {
      void session?.then((active) => active.stop());
      session = start(onHeard, (problem) => {
        session = null;
        onEnd(problem);
      }).catch((error: unknown) => {
        session = null;
        onEnd(problemText(error));
        return { stop: () => undefined };
      });
    },
    stop() {
      void session?.then((active) => active.stop());
    },
  };
}

/** Our own recognizer; `allowedKinds` says what the current screen asks for. */
export function offlineSpeechListener(allowedKinds: () => ReadonlySet<PhraseKind> | undefined): SpeechListener | null {
  return microphoneListener(async (onHeard, onEnd) => (await import('./offline-hearing')).startHearing(allowedKinds, onHeard, onEnd));
}

/** The store's own server dictates each utterance with the operator's whisper model (VOICE_ENGINE=whisper). */
export function serverSpeechListener(): SpeechListener | null {
  return microphoneListener(async (onHeard, onEnd) => (await import('./server-hearing')).startServerHearing(onHeard, onEnd));
}

export function browserSpeechListener(): SpeechListener | null {
  const scope = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  const Engine = scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
  if (!Engine) return null;
  let active: Recognition | null = null;
  return {
    listen(lang, onHeard, onEnd) {
      active?.stop();
      const recognition = new Engine();
      recognition.lang = lang;
      recognition.interimResults = false;
      recognition.maxAlternatives = 1;
      recognition.onresult = (event) => {
        const text = event.results[0]?.[0]?.transcript?.trim();
        // Web Speech gives whole sentences; the order parser decides what they mean.
        if (text) onHeard({ text, sure: true });
      };
      recognition.onerror = () => undefined;
      recognition.onend = () => {
        active = null;
        onEnd();
      };
      active = recognition;
      recognition.start();
    },
    stop() {
      active?.stop();
    },
  };
}
