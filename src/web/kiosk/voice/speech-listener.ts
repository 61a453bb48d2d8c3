/**
 * Hearing, behind one small interface so engines can be swapped: here the browser's Web Speech
 * recognition (ko-KR), where the browser has it. It listens for one utterance at a time.
 */
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
  /** Listens once; `onText` gets what was heard, `onEnd` is called however listening ends. */
  listen(lang: string, onText: (text: string) => void, onEnd: () => void): void;
  stop(): void;
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
