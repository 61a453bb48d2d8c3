/**
 * The simulated conditions (issue 28, item 2) do what they say: a room comes after the voice and
 * decays, each codec really encodes and decodes, a loud level clips, and training's spectral
 * perturbations leave the kiosk's own features alone.
 */
import { describe, expect, it } from 'vitest';
import { FRAME_SECONDS, SAMPLE_RATE } from '../hearing/audio-frames';
import { utterancesOf } from '../hearing/hear-clip';
import { seededRandom } from '../../shared/seeded-random';
import { throughChannel, type Codec, type RecordingChannel } from './recording-channel';
import { createConditionBank, HELD_OUT_CONDITIONS, recordIn, TRAINING_CONDITIONS } from './recording-conditions';
import { createRoomBank, roomImpulse } from './room-impulses';
import { augmentedUtterances } from './spectral-augmentation';
import { synthesize } from './speech-synthesis';
import { HELD_OUT_SENTENCES, notAPhrase, type NotAPhraseKind } from './not-a-phrase';
import { HELD_OUT_VOICES } from './synthetic-voices';

const DRY: RecordingChannel = { speed: 1, room: null, highpassHz: 20, lowpassHz: 7900, bassDb: 0, trebleDb: 0, levelDb: 0, codec: 'none' };
const VOICE = { variant: 'f1', speed: 140, pitch: 50, tempo: 1, reverb: 0, shift: 0 };

const energy = (samples: Float32Array, from: number, to: number) => samples.subarray(Math.round(from * SAMPLE_RATE), Math.round(to * SAMPLE_RATE)).reduce((sum, value) => sum + value * value, 0);
const onset = (samples: Float32Array) => samples.findIndex((value) => Math.abs(value) > 0.01) / SAMPLE_RATE;

describe('simulated rooms', () => {
  it('has the direct sound first, the chosen direct-to-reverberant ratio, and a tail that dies away', () => {
    const impulse = roomImpulse(0.6, 6, seededRandom(1));
    expect(impulse[0]).toBe(1);
    const reverberant = impulse.slice(1).reduce((sum, value) => sum + value * value, 0);
    expect(10 * Math.log10(1 / reverberant)).toBeCloseTo(6, 5);
    expect(energy(impulse, 0.5, 0.6)).toBeLessThan(energy(impulse, 0.01, 0.11) / 100);
  });

  it('rings after the voice, never before it, so the detector still hears the room first', async () => {
    const clean = await synthesize('김치찌개', VOICE);
    const rooms = await createRoomBank(1, { rt60: [0.7, 0.7], directToReverberantDb: [0, 0] }, seededRandom(2));
    try {
      const roomy = await throughChannel(clean, { ...DRY, room: rooms.files[0]! });
      expect(roomy.length).toBe(clean.length);
      expect(onset(roomy)).toBeGreaterThanOrEqual(onset(clean) - 0.005);
      const end = clean.length / SAMPLE_RATE;
      expect(energy(roomy, end - 0.3, end)).toBeGreaterThan(energy(clean, end - 0.3, end) * 10);
    } finally {
      await rooms.dispose();
    }
  });
});

describe('microphones, levels and codecs', () => {
  it('passes the voice through every codec: the same length, the words still found', async () => {
    const clean = await synthesize('네 주세요', VOICE);
    const codecs: Codec[] = ['none', 'gsm', 'amr-nb', 'u-law', 'ima-adpcm', 'vorbis', 'cvsd'];
    for (const codec of codecs) {
      const heard = await throughChannel(clean, { ...DRY, codec });
      expect(Math.abs(heard.length - clean.length), codec).toBeLessThan(0.02 * SAMPLE_RATE);
      // Lossy: not the same samples, but the detector still finds the speech.
      if (codec !== 'none') expect(heard.some((value, index) => Math.abs(value - clean[index]!) > 0.01), codec).toBe(true);
      expect(utterancesOf(heard).length, codec).toBeGreaterThan(0);
    }
  });

  it('clips a level past full scale at the converter, and a low-pass takes away the high band', async () => {
    const clean = await synthesize('김치찌개', VOICE);
    const loud = await throughChannel(clean, { ...DRY, levelDb: 20 });
    expect(Math.max(...loud.map(Math.abs))).toBeLessThanOrEqual(1);
    expect(loud.filter((value) => Math.abs(value) > 0.999).length).toBeGreaterThan(100);
    const speedy = await throughChannel(clean, { ...DRY, speed: 1.1 });
    expect(speedy.length).toBeLessThan(clean.length * 0.93);
  });

  it('draws held-out conditions from their own set: codecs training never uses', async () => {
    const training = new Set(TRAINING_CONDITIONS.codecs);
    expect(HELD_OUT_CONDITIONS.codecs.filter((codec) => codec !== 'none' && training.has(codec))).toEqual([]);
    const random = seededRandom(5);
    const bank = await createConditionBank({ ...HELD_OUT_CONDITIONS, ambienceBeds: 1, rooms: { ...HELD_OUT_CONDITIONS.rooms, count: 1 } }, { voices: HELD_OUT_VOICES, variants: HELD_OUT_VOICES.variants, sentences: HELD_OUT_SENTENCES }, random);
    try {
      expect(bank.ambience[0]!.length).toBeGreaterThan(SAMPLE_RATE);
      const clean = await synthesize('아니요', VOICE);
      const heard = await recordIn(bank, clean, { voice: VOICE, noise: 'pink', snrDb: 15 }, random);
      expect(heard.length).toBeGreaterThan(clean.length * 0.9);
      expect(heard.some((value, index) => Math.abs(value - (clean[index] ?? 0)) > 0.001)).toBe(true);
    } finally {
      await bank.dispose();
    }
  });
});

describe('spectral augmentation (training only)', () => {
  it('changes nothing when not drawn, and warps and masks the features when drawn', async () => {
    const clean = await synthesize('김치찌개 주세요', VOICE);
    const kiosk = utterancesOf(clean);
    const none = augmentedUtterances(clean, null, seededRandom(1));
    expect(none.map((utterance) => utterance.frames.map((frame) => Array.from(frame.mfcc)))).toEqual(kiosk.map((utterance) => utterance.frames.map((frame) => Array.from(frame.mfcc))));
    const always = { share: 1, warp: [1.1, 1.1] as const, maxSilencedBands: 4, maxMaskedShare: 0.3 };
    const perturbed = augmentedUtterances(clean, always, seededRandom(3));
    expect(perturbed).toHaveLength(kiosk.length);
    const frames = perturbed[0]!.frames;
    expect(frames.length * FRAME_SECONDS).toBeCloseTo(kiosk[0]!.frames.length * FRAME_SECONDS, 5);
    expect(frames.some((frame, index) => frame.mfcc.some((value, c) => Math.abs(value - kiosk[0]!.frames[index]!.mfcc[c]!) > 1e-3))).toBe(true);
    // The masked stretch: consecutive frames sharing one set of coefficients (the utterance's mean).
    const repeats = frames.filter((frame, index) => index > 0 && frame.mfcc === frames[index - 1]!.mfcc).length;
    expect(repeats).toBeGreaterThan(0);
  });
});

describe('drawn data', () => {
  const draw = async (kind: NotAPhraseKind, seed: number) => {
    const random = seededRandom(seed);
    const { samples, recording } = await notAPhrase(kind, { random, voices: HELD_OUT_VOICES, variants: HELD_OUT_VOICES.variants, sentences: HELD_OUT_SENTENCES });
    const channel: RecordingChannel = { ...DRY, levelDb: -12, codec: 'gsm' };
    return { clip: Buffer.from(samples.buffer), recorded: Buffer.from((await throughChannel(samples, channel)).buffer), recording };
  };

  it('is the same, bit for bit, for the same seed (sox noise, dither and codecs included), and another seed draws other sounds', async () => {
    for (const kind of ['clatter', 'cough', 'noise'] as const) {
      const [first, again, other] = [await draw(kind, 7), await draw(kind, 7), await draw(kind, 8)];
      expect(again.clip.equals(first.clip), kind).toBe(true);
      expect(again.recorded.equals(first.recorded), kind).toBe(true);
      expect(other.clip.equals(first.clip), kind).toBe(false);
    }
  });
});

