/**
 * Recording conditions beyond the voice (issue 28: narrow the gap to real speech with what is
 * known to transfer): restaurant ambience under the voice, then the channel (speed, room,
 * microphone, level, codec: recording-channel.ts). Training draws from one set, the held-out test
 * from another whose rooms, microphones, codecs and ambience training never uses, so a gain held
 * out is a gain on conditions the model has not seen.
 */
import { addBackground, addNoise } from './room-noise';
import { createRoomBank, type RoomRange } from './room-impulses';
import { throughChannel, type Codec, type RecordingChannel } from './recording-channel';
import { mix, notAPhrase } from './not-a-phrase';
import { pickOne, uniformBetween } from '../../shared/seeded-random';
import type { Recording } from './synthetic-voices';

type Range = readonly [number, number];

export type ConditionSet = {
  /** Share of clips recorded through a channel; the rest are the voice and room noise only. */
  channelShare: number;
  speeds: Range;
  rooms: RoomRange & { share: number; count: number };
  highpassHz: Range;
  lowpassHz: Range;
  bassDb: Range;
  trebleDb: Range;
  levelDb: Range;
  codecs: readonly Codec[];
  /** Share of clips whose background is restaurant ambience (talk, dishes) instead of plain noise. */
  ambienceShare: number;
  ambienceSnrDb: Range;
  /** Ambience beds made for the run: babble of 2–4 talkers with dishes clattering. */
  ambienceBeds: number;
};

export const TRAINING_CONDITIONS: ConditionSet = {
  channelShare: 0.7,
  speeds: [0.9, 1.1],
  rooms: { rt60: [0.15, 0.8], directToReverberantDb: [-2, 12], share: 0.6, count: 60 },
  highpassHz: [50, 250],
  lowpassHz: [3400, 7800],
  bassDb: [-8, 4],
  trebleDb: [-8, 6],
  levelDb: [-24, 8],
  codecs: ['none', 'none', 'gsm', 'amr-nb', 'u-law', 'ima-adpcm'],
  ambienceShare: 0.5,
  ambienceSnrDb: [0, 20],
  ambienceBeds: 24,
};

/** Conditions training never uses: other rooms (drawn apart), microphones, codecs and talk. */
export const HELD_OUT_CONDITIONS: ConditionSet = {
  channelShare: 1,
  speeds: [0.94, 1.06],
  rooms: { rt60: [0.3, 1.0], directToReverberantDb: [0, 8], share: 0.7, count: 12 },
  highpassHz: [100, 300],
  lowpassHz: [3800, 7000],
  bassDb: [-6, 3],
  trebleDb: [-6, 4],
  levelDb: [-18, 6],
  codecs: ['none', 'vorbis', 'cvsd'],
  ambienceShare: 0.6,
  ambienceSnrDb: [3, 18],
  ambienceBeds: 8,
};

/** Where ambience talk comes from: which sentences, voices and espeak-ng data. */
export type TalkSource = Omit<Parameters<typeof notAPhrase>[1], 'random'>;

export type ConditionBank = { set: ConditionSet; rooms: string[]; ambience: Float32Array[]; dispose(): Promise<void> };

export async function createConditionBank(set: ConditionSet, talk: TalkSource, random: () => number): Promise<ConditionBank> {
  const rooms = await createRoomBank(set.rooms.count, set.rooms, random);
  const ambience: Float32Array[] = [];
  for (let bed = 0; bed < set.ambienceBeds; bed += 1) {
    const babble = await notAPhrase('babble', { ...talk, random });
    const clatter = await notAPhrase('clatter', { ...talk, random });
    ambience.push(mix([{ samples: babble.samples, at: 0, gain: 1 }, { samples: clatter.samples, at: random() * 1.5, gain: 0.3 + random() * 0.5 }]));
  }
  return { set, rooms: rooms.files, ambience, dispose: rooms.dispose };
}

/** Clean samples as heard in the bank's conditions: ambience or the recording's noise, then maybe a channel. */
export async function recordIn(bank: ConditionBank, clean: Float32Array, recording: Recording, random: () => number): Promise<Float32Array> {
  const { set } = bank;
  const between = (range: Range) => uniformBetween(range, random);
  const pick = <T>(values: readonly T[]): T => pickOne(values, random);
  const heard = random() < set.ambienceShare ? addBackground(clean, pick(bank.ambience), between(set.ambienceSnrDb), random) : addNoise(clean, recording.noise, recording.snrDb, random);
  if (random() >= set.channelShare) return heard;
  const channel: RecordingChannel = {
    speed: between(set.speeds),
    room: random() < set.rooms.share ? pick(bank.rooms) : null,
    highpassHz: between(set.highpassHz),
    lowpassHz: between(set.lowpassHz),
    bassDb: between(set.bassDb),
    trebleDb: between(set.trebleDb),
    levelDb: between(set.levelDb),
    codec: pick(set.codecs),
  };
  return throughChannel(heard, channel);
}
