/**
 * The one voice of the kiosk. Screens, errors and dialogs hand it what to say; it keeps the latest
 * message (다시 듣기 repeats it, errors included), the shell shows that message on screen for
 * customers who cannot hear it, and it is spoken when the shell has speech on.
 */
import { speak, stopSpeaking } from '../../shared/speech';

export type Announcement = { text: string; lang: string; serial: number };

/** How words reach the customer's ears; the browser's speech by default. */
export type Voice = { speak(text: string, lang: string): void; stop(): void };

const BROWSER_VOICE: Voice = { speak, stop: stopSpeaking };

export type AnnounceOptions = {
  /** Speak even with speech off: answers to a customer who spoke, and warnings meant to be heard. */
  alwaysSpeak?: boolean;
};

export class Announcer {
  /** Set by the shell: easy mode today, and any other mode that guides by voice. */
  speechOn = false;
  /** Set by the shell while the voice guide is on: it speaks live regions itself, so the announcer only shows. */
  guided = false;
  private current: Announcement | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly voice: Voice = BROWSER_VOICE) {}

  announce(text: string, lang: string, { alwaysSpeak = false }: AnnounceOptions = {}): void {
    if (!text) return;
    this.current = { text, lang, serial: (this.current?.serial ?? 0) + 1 };
    // A new message replaces whatever was still being said.
    if (this.guided) {
      // The guide reads the announcement's live region; stopping here would cut off its words.
    } else if (this.speechOn || alwaysSpeak) this.voice.speak(text, lang);
    else this.voice.stop();
    for (const listener of this.listeners) listener();
  }

  /** 다시 듣기: the customer asked, so it is spoken whether speech is on or not. */
  replay(): void {
    if (this.current) this.voice.speak(this.current.text, this.current.lang);
  }

  latest = (): Announcement | null => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
