/**
 * Spoken guidance: the browser's speech synthesis where it has a voice for the language, otherwise
 * the server's espeak-ng audio (Chromium on Linux ships no voices). The words are always on screen
 * too, so nothing depends on hearing them.
 */

/** A little slower than the default: about 4 syllables a second in Korean. */
const SPEECH_RATE = 0.9;

let playing: HTMLAudioElement | null = null;

function browserVoice(lang: string): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((voice) => voice.lang.replace('_', '-').startsWith(lang.slice(0, 2)));
}

export function speak(text: string, lang: string): void {
  stopSpeaking(); // a new screen's words replace the last screen's
  if (!text) return;
  const voice = browserVoice(lang);
  if (voice) {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = SPEECH_RATE;
    utterance.voice = voice;
    speechSynthesis.speak(utterance);
    return;
  }
  playing = new Audio(`/api/speech?lang=${lang.slice(0, 2)}&text=${encodeURIComponent(text)}`);
  // Autoplay rules may refuse sound before the first touch; the words are on screen regardless.
  void playing.play().catch(() => undefined);
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  playing?.pause();
  playing = null;
}
