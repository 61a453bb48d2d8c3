/**
 * The voice model version the store runs now, as a paired kiosk hears it announced
 * (`models/voice-keywords/active`: kept by 음성 학습, or rolled back on the console). Apart from
 * offline-hearing.ts, which loads only when a customer first asks to speak and then follows these.
 */
type Listener = (version: string) => void;

let announced: string | null = null;
const listeners = new Set<Listener>();

export function voiceModelAnnounced(version: string): void {
  announced = version;
  for (const listener of listeners) listener(version);
}

/** The last version announced; null on a kiosk that is not paired (it loads whatever the server serves). */
export function announcedVoiceModel(): string | null {
  return announced;
}

export function followVoiceModel(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
