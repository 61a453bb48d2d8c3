/**
 * Spoken guidance through the browser's speech synthesis. Where the device has no voice for the
 * language the words are still shown on screen, so nothing depends on hearing them.
 */
/** A little slower than the default: about 4 syllables a second in Korean. */
const SPEECH_RATE = 0.9;

export function speak(text: string, lang: string): void {
  if (typeof speechSynthesis === 'undefined' || !text) return;
  speechSynthesis.cancel(); // a new screen's words replace the last screen's
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  utterance.rate = SPEECH_RATE;
  const voice = speechSynthesis.getVoices().find((candidate) => candidate.lang.replace('_', '-').startsWith(lang.slice(0, 2)));
  if (voice) utterance.voice = voice;
  speechSynthesis.speak(utterance);
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}
