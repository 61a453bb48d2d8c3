/**
 * The synthetic speakers we train and test on: espeak-ng's Korean voice with its variants, speeds
 * and pitches, sox's tempo and reverb, and room noise at a chosen SNR. The held-out set uses
 * variants, speeds and pitches that training never hears, so the test measures generalisation
 * to new voices (new synthetic ones: this is not real people's speech).
 */
import { pickOne, uniformBetween } from '../../shared/seeded-random';

/** `shift` moves pitch and formants together (sox `pitch`, in cents): a longer or shorter vocal tract. */
export type VoiceSetting = { variant: string; speed: number; pitch: number; tempo: number; reverb: number; shift: number };
export type NoiseKind = 'white' | 'pink' | 'brown';
export type Recording = { voice: VoiceSetting; noise: NoiseKind; snrDb: number };

/** espeak-ng's variants (`espeak-ng --voices=variant`) heard in training; whispers left out (nobody orders in a whisper). */
export const TRAINING_VOICES = {
  variants: [
    'f1', 'f2', 'f3', 'm1', 'm2', 'm3', 'm4', 'm5', 'm8', 'klatt', 'klatt2', 'klatt3', 'klatt5', 'klatt6',
    'adam', 'Alex', 'Alicia', 'Andrea', 'Andy', 'Annie', 'antonio', 'aunty', 'belinda', 'benjamin', 'boris', 'caleb',
    'david', 'Denis', 'Diogo', 'ed', 'edward2', 'Gene', 'Gene2', 'gustave', 'Henrique', 'Hugo', 'iven', 'iven2', 'iven3',
    'iven4', 'Jacky', 'john', 'kaukovalta', 'Lee', 'linda', 'marcelo', 'Marco', 'Mario', 'max', 'Michael', 'michel',
    'miguel', 'Mike', 'Nguyen', 'pablo', 'paul', 'pedro', 'quincy', 'rob', 'robert', 'steph', 'steph2', 'steph3',
    'Storm', 'victor', 'zac', 'AnxiousAndy', 'grandma', 'grandpa', 'sandro', 'croak',
  ],
  speeds: [100, 125, 150, 175],
  pitches: [30, 45, 60, 75],
  tempos: [0.9, 1, 1.1],
  reverbs: [0, 0, 20, 40],
  shifts: [-300, -150, 0, 0, 150, 300],
  snrDb: [5, 25],
} as const;

/** Used only to pick the regularisation and calibrate the confidence. */
export const VALIDATION_VARIANTS = ['m4', 'klatt3', 'belinda', 'grandma'];

export const HELD_OUT_VOICES = {
  variants: ['f4', 'f5', 'm6', 'm7', 'klatt4', 'anika', 'travis', 'norbert', 'shelby', 'edward'],
  speeds: [112, 138, 162],
  pitches: [38, 52, 68],
  tempos: [0.95, 1.05],
  reverbs: [0, 30],
  shifts: [0],
  snrDb: [10, 20],
} as const;

type VoiceSet = { variants: readonly string[]; speeds: readonly number[]; pitches: readonly number[]; tempos: readonly number[]; reverbs: readonly number[]; shifts: readonly number[]; snrDb: readonly [number, number] };

const NOISES: NoiseKind[] = ['white', 'pink', 'brown'];

export function randomRecording(set: VoiceSet, random: () => number, variants: readonly string[] = set.variants): Recording {
  const pick = <T>(values: readonly T[]): T => pickOne(values, random);
  return {
    voice: { variant: pick(variants), speed: pick(set.speeds), pitch: pick(set.pitches), tempo: pick(set.tempos), reverb: pick(set.reverbs), shift: pick(set.shifts) },
    noise: pick(NOISES),
    snrDb: uniformBetween(set.snrDb, random),
  };
}
