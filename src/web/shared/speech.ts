/**
 * Spoken guidance: the browser's speech synthesis where it has a voice for the language, otherwise
 * the server's espeak-ng audio (Chromium on Linux ships no voices). The words are always on screen
 * too, so nothing depends on hearing them.
 */

/** A little slower than the default: about 4 syllables a second in Korean. The server's WAVs are made at this rate. */
export const DEFAULT_SPEECH_RATE = 0.9;

/** The listener's own volume (0–1) and rate (1 = the voice's normal speed); the voice guide's keys change them. */
export type SpeechSettings = { volume: number; rate: number };

export const DEFAULT_SPEECH_SETTINGS: SpeechSettings = { volume: 0.8, rate: DEFAULT_SPEECH_RATE };

/** What the server's speech route accepts: plain words, digits and a few marks, at most this long. */
const MAX_SPOKEN_CHARS = 300;

let settings: SpeechSettings = DEFAULT_SPEECH_SETTINGS;
let playing: HTMLAudioElement | null = null;

export function setSpeechSettings(next: SpeechSettings): void {
  settings = next;
}

/**
 * The text as the speech route takes it: Korean and English words, digits and , . ? % · ( ) and
 * the hyphen of a number like K1-9; anything else (arrows, plus signs) becomes a space. Never
 * starts with '-' (espeak-ng would read it as an option), never too long.
 */
export function plainSpeech(text: string): string {
  const plain = text
    .replace(/[^\p{Script=Hangul}A-Za-z0-9,.?%·()\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s-]+/, '')
    .trim();
  if (plain.length <= MAX_SPOKEN_CHARS) return plain;
  const cut = plain.slice(0, MAX_SPOKEN_CHARS);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim();
}

function browserVoice(lang: string): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((voice) => voice.lang.replace('_', '-').startsWith(lang.slice(0, 2)));
}

/** Says `text` at the listener's volume and rate, cutting off whatever was being said. */
export function speak(text: string, lang: string): void {
  stopSpeaking();
  const words = plainSpeech(text);
  if (!words) return;
  const voice = browserVoice(lang);
  if (voice) {
    const utterance = new SpeechSynthesisUtterance(words);
    utterance.lang = lang;
    utterance.rate = settings.rate;
    utterance.volume = settings.volume;
    utterance.voice = voice;
    speechSynthesis.speak(utterance);
    return;
  }
  playing = new Audio(`/api/speech?lang=${lang.slice(0, 2)}&text=${encodeURIComponent(words)}`);
  playing.volume = settings.volume;
  playing.playbackRate = settings.rate / DEFAULT_SPEECH_RATE;
  // Autoplay rules may refuse sound before the first touch; the words are on screen regardless.
  void playing.play().catch(() => undefined);
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  playing?.pause();
  playing = null;
}
