import Meyda from 'meyda';
import { describe, expect, it } from 'vitest';
import type { Menu } from '../../domain/menu';
import { demoMenu } from '../../test-support/demo-menu';
import { encodeFloat32 } from '../../ml/dense-network';
import { FrameAnalyser, FRAME_SECONDS, FRAME_SIZE, MFCC_COUNT, SAMPLE_RATE, type FrameFeatures, type FrameSettings } from './audio-frames';
import { utterancesOf } from './hear-clip';
import { KeywordModel, type KeywordModelFile } from './keyword-model';
import { FEATURE_VERSION, frameSettingsOf, TIME_STEPS, UTTERANCE_VECTOR_SIZE, utteranceVector } from './utterance-vector';
import { vocabularyOf } from './vocabulary';

const menu = demoMenu();

/** Quiet noise with loud vowel-like bursts (a 220 Hz tone with harmonics) at the given seconds. */
function recording(seconds: number, bursts: [start: number, end: number][]): Float32Array {
  const samples = new Float32Array(Math.round(seconds * SAMPLE_RATE));
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  for (let index = 0; index < samples.length; index += 1) {
    const time = index / SAMPLE_RATE;
    const loud = bursts.some(([start, end]) => time >= start && time < end);
    const voice = loud ? 0.3 * Math.sin(2 * Math.PI * 220 * time) + 0.15 * Math.sin(2 * Math.PI * 660 * time) : 0;
    samples[index] = voice + 0.003 * random();
  }
  return samples;
}

describe('voice-activity detection', () => {
  it('finds one utterance where someone speaks, with its length', () => {
    const utterances = utterancesOf(recording(2.5, [[0.8, 1.6]]));
    expect(utterances).toHaveLength(1);
    const seconds = utterances[0]!.frames.length * FRAME_SECONDS;
    expect(seconds).toBeGreaterThan(0.75);
    expect(seconds).toBeLessThan(1.2);
  });

  it('hears nothing in a quiet room, and two utterances when there is a pause between them', () => {
    expect(utterancesOf(recording(2, []))).toHaveLength(0);
    expect(utterancesOf(recording(3.5, [[0.6, 1.2], [2.0, 2.7]]))).toHaveLength(2);
  });

  it('is not fooled by digital silence before the room is heard, or by a room that gets louder', () => {
    const opening = new Float32Array(SAMPLE_RATE / 2);
    const withSilence = new Float32Array(opening.length + SAMPLE_RATE * 3);
    withSilence.set(recording(3, [[1.2, 1.9]]), opening.length);
    expect(utterancesOf(withSilence)).toHaveLength(1);
    // Eight seconds of a louder room, then a word: the word is still found on its own.
    const louder = recording(10, [[8.6, 9.3]]).map((value, index) => (index > SAMPLE_RATE && index < SAMPLE_RATE * 10 ? value + 0.02 * Math.sin(index * 0.7) : value));
    const found = utterancesOf(louder);
    expect(found.at(-1)!.frames.length * FRAME_SECONDS).toBeLessThan(1.5);
  });

  it('does not take one odd quiet frame at the start for the level of the room', () => {
    const samples = recording(3, [[1.2, 1.9]]);
    // The microphone opening: a few near-silent samples before the room is heard.
    samples.fill(0.0001, 0, 700);
    const found = utterancesOf(samples);
    expect(found).toHaveLength(1);
    expect(found[0]!.frames.length * FRAME_SECONDS).toBeLessThan(1.2);
  });

  it('ignores a click too short to be a word', () => {
    expect(utterancesOf(recording(2, [[0.8, 0.85]]))).toHaveLength(0);
  });
});

describe('frame features', () => {
  it("are meyda's own MFCCs, to the last bit, with meyda's log (the older models' features)", () => {
    const frames: Float32Array[] = [];
    new FrameAnalyser(frameSettingsOf('mfcc13-cmvn-t32-dur')).push(recording(1, [[0.3, 0.7]]), (frame) => frames.push(frame.mfcc));
    Object.assign(Meyda, { numberOfMFCCCoefficients: MFCC_COUNT, melBands: 26 });
    const samples = recording(1, [[0.3, 0.7]]);
    frames.forEach((mfcc, index) => {
      const start = index * (FRAME_SIZE / 2);
      const meyda = Meyda.extract('mfcc', samples.slice(start, start + FRAME_SIZE)) as number[];
      expect(Array.from(mfcc)).toEqual(meyda.map((value) => Math.fround(value)));
    });
    expect(frames.length).toBeGreaterThan(50);
  });

  it('give the same utterance vector for a word said 18 dB softer, with the level-free log (what training writes now)', () => {
    const loud = recording(2.5, [[0.8, 1.6]]);
    const soft = loud.map((value) => value / 8);
    const vectorOf = (samples: Float32Array, settings: FrameSettings) => utteranceVector(utterancesOf(samples, settings)[0]!.frames);
    const distance = (settings: FrameSettings) => {
      const [a, b] = [vectorOf(loud, settings), vectorOf(soft, settings)];
      return Math.sqrt(a.reduce((sum, value, index) => sum + (value - b[index]!) ** 2, 0) / a.length);
    };
    expect(distance(frameSettingsOf(FEATURE_VERSION))).toBeLessThan(0.05);
    expect(distance(frameSettingsOf('mfcc13-cmvn-t32-dur'))).toBeGreaterThan(1);
  });

  it('refuses a model whose features the kiosk does not know, rather than mishear', () => {
    expect(() => frameSettingsOf('mfcc20-other')).toThrow('not known');
  });
});

describe('utteranceVector', () => {
  const frames = (count: number): FrameFeatures[] =>
    Array.from({ length: count }, (_, index) => ({ db: -20, mfcc: Float32Array.from({ length: MFCC_COUNT }, (__, c) => Math.sin((index / count) * 6 + c)) }));

  it('has a fixed size whatever the length, and a slow and a fast word line up', () => {
    const fast = utteranceVector(frames(40));
    const slow = utteranceVector(frames(80));
    expect(fast).toHaveLength(UTTERANCE_VECTOR_SIZE);
    expect(slow).toHaveLength(UTTERANCE_VECTOR_SIZE);
    const shape = (vector: Float32Array) => vector.subarray(0, TIME_STEPS * MFCC_COUNT);
    const difference = shape(fast).reduce((sum, value, index) => sum + Math.abs(value - shape(slow)[index]!), 0) / (TIME_STEPS * MFCC_COUNT);
    expect(difference).toBeLessThan(0.1);
    expect(slow.at(-1)!).toBeGreaterThan(fast.at(-1)!);
  });

  it('refuses an empty utterance', () => {
    expect(() => utteranceVector([])).toThrow('at least one frame');
  });
});

describe('vocabularyOf', () => {
  it("takes the menu's words, quantities with counters and the commands, each once", () => {
    const phrases = vocabularyOf(menu);
    const texts = phrases.map((phrase) => phrase.text);
    expect(texts).toContain('김치찌개');
    expect(texts).toContain('곱빼기');
    expect(texts).toContain('두 잔');
    expect(texts).toContain('이 인분');
    expect(texts).toContain('먹고 갈게요');
    // "김치 찌개" is an alias said exactly like the name: one phrase, not two.
    expect(texts).not.toContain('김치 찌개');
    expect(new Set(texts.map((text) => text.replace(/\s/g, ''))).size).toBe(texts.length);
    expect(phrases.find((phrase) => phrase.text === '김치찌개')?.kind).toBe('item');
  });

  it('hears a new dish the moment it is on the menu', () => {
    const withNewDish: Menu = { ...menu, items: [...menu.items, { ...menu.items[0]!, id: 'tteokguk', ko: '떡국', aliases: [] }] };
    expect(vocabularyOf(withNewDish).map((phrase) => phrase.text)).toContain('떡국');
  });
});

describe('KeywordModel', () => {
  // Two inputs, five phrases: input 0 votes "김치찌개", input 1 votes "두 개", nothing votes for the others.
  const file: KeywordModelFile = {
    format: 'neulbom-voice-keywords@1',
    version: 'test',
    featureVersion: FEATURE_VERSION,
    phrases: [
      { text: '김치찌개', kind: 'item' },
      { text: '두 개', kind: 'quantity' },
      { text: '네', kind: 'command' },
      { text: '아니요', kind: 'command' },
      { text: '콜라', kind: 'item' },
    ],
    mean: [0, 0],
    std: [1, 1],
    layers: [{ inputs: 2, outputs: 5, activation: 'linear', weights: encodeFloat32(Float32Array.from([5, 0, 0, 0, 0, 0, 5, 0, 0, 0])), bias: [0, 0, 0, 0, 0] }],
    temperature: 1,
    card: {},
  };
  const model = new KeywordModel(file);

  it('says which phrase it heard, with its confidence', () => {
    const heard = model.recognize(Float32Array.from([1, 0]));
    expect(heard?.text).toBe('김치찌개');
    expect(heard?.kind).toBe('item');
    expect(heard!.confidence).toBeGreaterThan(0.9);
  });

  it('chooses only among what the screen asks for', () => {
    expect(model.recognize(Float32Array.from([1, 0.9]), new Set(['quantity', 'command']))?.text).toBe('두 개');
  });

  it('says nothing rather than guess when unsure', () => {
    // Five phrases equally likely: 20 % each, below the bar.
    expect(model.recognize(Float32Array.from([0, 0]))).toBeNull();
  });

  it('refuses a file whose outputs do not match its phrases', () => {
    expect(() => new KeywordModel({ ...file, phrases: file.phrases.slice(0, 4) })).toThrow('different number of outputs');
    expect(() => new KeywordModel({ ...file, rejection: { acceptAbove: 0.5 } })).toThrow('different number of outputs');
  });

  describe('with a "not a phrase" output and a calibrated bar', () => {
    // Three inputs: input 0 votes "김치찌개", input 1 "두 개", input 2 "not a phrase" (the sixth output).
    const weights = [5, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6];
    const rejecting = new KeywordModel({
      ...file,
      mean: [0, 0, 0],
      std: [1, 1, 1],
      layers: [{ inputs: 3, outputs: 6, activation: 'linear', weights: encodeFloat32(Float32Array.from(weights)), bias: [0, 0, 0, 0, 0, 0] }],
      rejection: { acceptAbove: 0.8 },
    });

    it('acts on a phrase above the bar, and marks one below it as doubtful', () => {
      expect(rejecting.recognize(Float32Array.from([1, 0, 0]))).toMatchObject({ text: '김치찌개', sure: true });
      // 김치찌개 and 두 개 equally likely: about half each, a guess below the bar.
      expect(rejecting.recognize(Float32Array.from([1, 1, 0]))).toMatchObject({ text: '김치찌개', sure: false });
    });

    it('hears nothing in what is not a phrase, even when the screen narrows the choice', () => {
      expect(rejecting.recognize(Float32Array.from([0, 0, 1]))).toBeNull();
      expect(rejecting.recognize(Float32Array.from([0.4, 0, 1]), new Set(['item']))).toBeNull();
    });
  });
});
