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
/** Counts `speak` calls, so audio that arrives after a newer prompt (or a stop) is dropped. */
let latest = 0;
let credentialOf: () => string | null = () => null;

/** The server speaks only for the store's screens: a paired page names its credential here. */
export function speakAs(credential: () => string | null): void {
  credentialOf = credential;
}

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
  void playFromServer(words, lang, ++latest);
}

/** The server's WAV, fetched with the page's credential (an audio element cannot send one). */
async function playFromServer(text: string, lang: string, call: number): Promise<void> {
  const credential = credentialOf();
  const language = lang.slice(0, 2);
  const response = await fetch(`/api/speech?lang=${language}&text=${encodeURIComponent(text)}`, credential ? { headers: { authorization: `Bearer ${credential}` } } : {}).catch(() => null);
  if (!response?.ok || call !== latest) return;
  const audio = new Audio(URL.createObjectURL(await response.blob()));
  if (call !== latest) return;
  playing = audio;
  // The words and their language go with the sound, for whoever inspects what is playing.
  audio.title = text;
  audio.lang = language;
  audio.volume = settings.volume;
  audio.playbackRate = settings.rate / DEFAULT_SPEECH_RATE;
  audio.addEventListener('ended', () => URL.revokeObjectURL(audio.src), { once: true });
  // Autoplay rules may refuse sound before the first touch; the words are on screen regardless.
  void audio.play().catch(() => undefined);
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  latest += 1;
  playing?.pause();
  playing = null;
}
