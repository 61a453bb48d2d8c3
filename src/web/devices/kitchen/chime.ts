/**
 * The kitchen's new-order chime, two notes made by the browser itself (no sound file to fetch or
 * cache). Browsers keep sound off until the page is touched once; `soundIsOn` says whether it is.
 */
let context: AudioContext | null = null;

function audio(): AudioContext {
  context ??= new AudioContext();
  return context;
}

export function soundIsOn(): boolean {
  return audio().state === 'running';
}

export async function turnSoundOn(): Promise<void> {
  await audio().resume();
}

const NOTES_HZ = [880, 1319];
const NOTE_SECONDS = 0.35;

export function chime(): void {
  const sound = audio();
  NOTES_HZ.forEach((frequency, index) => {
    const start = sound.currentTime + index * NOTE_SECONDS;
    const oscillator = sound.createOscillator();
    const volume = sound.createGain();
    oscillator.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, start);
    volume.gain.exponentialRampToValueAtTime(0.5, start + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, start + NOTE_SECONDS * 1.6);
    oscillator.connect(volume).connect(sound.destination);
    oscillator.start(start);
    oscillator.stop(start + NOTE_SECONDS * 1.7);
  });
}
