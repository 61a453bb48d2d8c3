/**
 * Hearing, behind one small interface so engines can be swapped: our offline recognizer (a
 * conversation: it keeps listening until stopped or quiet), or the browser's Web Speech
 * recognition (ko-KR, one utterance per press) where the operator chooses it.
 */
import type { PhraseKind } from '../../../voice/hearing/vocabulary';

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

export interface SpeechListener {
  /** `onText` gets each utterance heard; `onEnd` is called however listening ends, with a reason if it failed. */
  listen(lang: string, onText: (text: string) => void, onEnd: (problem?: string) => void): void;
  stop(): void;
}

/** Our own recognizer; `allowedKinds` says what the current screen asks for. */
export function offlineSpeechListener(allowedKinds: () => ReadonlySet<PhraseKind> | undefined): SpeechListener | null {
  if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === 'undefined') return null;
  let session: Promise<{ stop(): void }> | null = null;
  return {
    listen(_lang, onText, onEnd) {
      void session?.then((active) => active.stop());
      session = import('./offline-hearing')
        .then(({ startHearing }) =>
          startHearing(allowedKinds, onText, (problem) => {
            session = null;
            onEnd(problem);
          }),
        )
        .catch((error: unknown) => {
          session = null;
          onEnd(error instanceof Error ? error.message : String(error));
          return { stop: () => undefined };
        });
    },
    stop() {
      void session?.then((active) => active.stop());
    },
  };
}

export function browserSpeechListener(): SpeechListener | null {
  const scope = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  const Engine = scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
  if (!Engine) return null;
  let active: Recognition | null = null;
  return {
    listen(lang, onText, onEnd) {
      active?.stop();
      const recognition = new Engine();
      recognition.lang = lang;
      recognition.interimResults = false;
      recognition.maxAlternatives = 1;
      recognition.onresult = (event) => {
        const text = event.results[0]?.[0]?.transcript?.trim();
        if (text) onText(text);
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
