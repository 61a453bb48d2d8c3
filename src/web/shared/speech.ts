/**
 * Spoken guidance: the browser's speech synthesis where it has a voice for the language, otherwise
 * the server's espeak-ng audio (Chromium on Linux ships no voices). The words are always on screen
 * too, so nothing depends on hearing them.
 */

/** A little slower than the default: about 4 syllables a second in Korean. */
const SPEECH_RATE = 0.9;

let playing: HTMLAudioElement | null = null;
/** Counts `speak` calls, so audio that arrives after a newer prompt (or a stop) is dropped. */
let latest = 0;
let credentialOf: () => string | null = () => null;

/** The server speaks only for the store's screens: a paired page names its credential here. */
export function speakAs(credential: () => string | null): void {
  credentialOf = credential;
}

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
  void playFromServer(text, lang, ++latest);
}

/** The server's WAV, fetched with the page's credential (an audio element cannot send one). */
async function playFromServer(text: string, lang: string, call: number): Promise<void> {
  const credential = credentialOf();
  const response = await fetch(`/api/speech?lang=${lang.slice(0, 2)}&text=${encodeURIComponent(text)}`, credential ? { headers: { authorization: `Bearer ${credential}` } } : {}).catch(() => null);
  if (!response?.ok || call !== latest) return;
  const audio = new Audio(URL.createObjectURL(await response.blob()));
  if (call !== latest) return;
  playing = audio;
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
