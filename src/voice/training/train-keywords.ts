/**
 * Trains the offline recognizer for a vocabulary: renders every phrase in many synthetic voices,
 * adds room noise, cuts the utterance out with the same voice-activity detector the kiosk uses,
 * and fits the shared dense network to say which phrase it was, or that it was none of them
 * (talk, music, clatter: not-a-phrase.ts). The confidence a phrase needs to be acted on is then
 * set on validation sounds that are not phrases.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { argmax, DenseNetwork } from '../../ml/dense-network';
import { trainDenseClassifier, type LabelledSet } from '../../ml/train-dense';
import type { ConvFrontSpec } from '../../ml/train-conv-front';
import { MFCC_COUNT } from '../hearing/audio-frames';
import { utterancesOf } from '../hearing/hear-clip';
import { MIN_CONFIDENCE, type KeywordModelFile } from '../hearing/keyword-model';
import { FEATURE_VERSION, TIME_STEPS, utteranceVector } from '../hearing/utterance-vector';
import type { Phrase } from '../hearing/vocabulary';
import { addNoise } from './room-noise';
import { synthesize } from './speech-synthesis';
import { createVoiceBank } from './random-voices';
import { seededRandom } from '../../shared/seeded-random';
import { randomRecording, TRAINING_VOICES, VALIDATION_VARIANTS, type Recording } from './synthetic-voices';
import { NOT_A_PHRASE_KINDS, notAPhrase, TRAINING_SENTENCES } from './not-a-phrase';
import { createConditionBank, recordIn, TRAINING_CONDITIONS, type ConditionBank, type ConditionSet } from './recording-conditions';
import { augmentedUtterances, TRAINING_SPECTRAL, type SpectralAugmentation } from './spectral-augmentation';

export type KeywordTrainOptions = {
  /** Voices per phrase (each a different variant, speed, pitch, tempo and reverb). */
  voicesPerPhrase: number;
  /** Random espeak-ng speakers made for this run, on top of espeak-ng's own training variants. */
  randomSpeakers: number;
  /** Noisy copies of each rendering (each its own noise and SNR); all but the first go through `conditions`. */
  noisyCopies: number;
  /** Rooms, microphones, levels, codecs and ambience for the copies and the non-phrases (null: room noise only). */
  conditions: ConditionSet | null;
  /** VTLP and SpecAugment-style masks on those copies (null: none). */
  spectral: SpectralAugmentation | null;
  /** Clips of talk, music, clatter, coughs and noise taught as "not a phrase" (0: no rejection output). */
  notAPhraseClips: number;
  /** Share of validation clips that are not phrases allowed to pass the calibrated bar. */
  falseTriggerTarget: number;
  /** Convolutions over the MFCC track before the hidden layer. */
  conv: ConvFrontSpec;
  hidden: number;
  epochs: number;
  settleEpochs: number;
  batchSize: number;
  learningRate: number;
  l2Candidates: number[];
  seed: number;
  /** A trained model for the same phrases to adapt rather than start from random weights (fewer renderings and epochs do). */
  start?: KeywordModelFile;
  /** Examples from elsewhere added to the training split (the store's own recordings). */
  extraTraining?: LabelledSet;
  /** espeak-ng and sox processes at a time. */
  concurrency: number;
  log?: (line: string) => void;
  progress?: (done: number, total: number) => void;
};

export const DEFAULT_KEYWORD_TRAINING: KeywordTrainOptions = {
  voicesPerPhrase: 100,
  randomSpeakers: 800,
  noisyCopies: 2,
  conditions: TRAINING_CONDITIONS,
  spectral: TRAINING_SPECTRAL,
  notAPhraseClips: 3000,
  falseTriggerTarget: 0.02,
  // Filters five steps wide over the 13 MFCCs: on held-out voices, better than the dense layer alone.
  conv: { steps: TIME_STEPS, channels: MFCC_COUNT, kernel: 5, filters: [48] },
  hidden: 384,
  epochs: 30,
  settleEpochs: 8,
  batchSize: 128,
  learningRate: 0.003,
  l2Candidates: [1e-3],
  seed: 11,
  concurrency: 3,
};

type Job = { phrase: number; recording: Recording; validation: boolean; seed: number };

/** The class index of "not a phrase": one past the phrases. */
const notAPhraseClass = (phrases: Phrase[]) => phrases.length;

export async function trainKeywordModel(tf: typeof TfCore, phrases: Phrase[], options: KeywordTrainOptions, version: string): Promise<KeywordModelFile> {
  if (phrases.length < 2) throw new Error('A voice model needs at least two phrases to tell apart.');
  const start = options.start;
  if (start && (start.featureVersion !== FEATURE_VERSION || JSON.stringify(start.phrases) !== JSON.stringify(phrases)))
    throw new Error('The model to start from hears other phrases or features: train from scratch after a menu change.');
  const random = seededRandom(options.seed);
  const bank = await createVoiceBank(options.randomSpeakers, random);
  const trainingVariants = [...TRAINING_VOICES.variants.filter((variant) => !VALIDATION_VARIANTS.includes(variant)), ...bank.variants];
  const jobs: Job[] = phrases.flatMap((_, phrase) =>
    Array.from({ length: options.voicesPerPhrase }, (__, index) => {
      // About one voice in six is a validation speaker, never heard in training.
      const validation = index % 6 === 5;
      return { phrase, validation, recording: randomRecording(TRAINING_VOICES, random, validation ? VALIDATION_VARIANTS : trainingVariants), seed: random() * 2 ** 31 };
    }),
  );
  const train: LabelledSet = { inputs: [], labels: [] };
  const validation: LabelledSet = { inputs: [], labels: [] };
  const conditions = options.conditions ? await createConditionBank(options.conditions, { voices: TRAINING_VOICES, variants: trainingVariants, sentences: TRAINING_SENTENCES, dataPath: bank.dataPath }, random) : null;
  let missed = 0;
  let done = 0;
  const negatives = { training: 0, validation: 0 };
  type Example = { validation: boolean; input: Float32Array; label: number };
  let examples: Example[][];
  try {
    const phraseExamples = await mapConcurrently(jobs, options.concurrency, async (job) => {
      const clean = await synthesize(phrases[job.phrase]!.text, job.recording.voice, bank.dataPath);
      // Each job its own random stream: the same data whatever order the processes finish in.
      const jobRandom = seededRandom(job.seed);
      const found: Example[] = [];
      for (let copy = 0; copy < options.noisyCopies; copy += 1) {
        const heard = copy === 0 ? await heardAs(null, clean, job.recording, jobRandom) : await heardAs(conditions, clean, randomRecording(TRAINING_VOICES, jobRandom), jobRandom);
        const utterances = copy === 0 ? utterancesOf(heard) : augmentedUtterances(heard, options.spectral, jobRandom);
        const longest = utterances.sort((a, b) => b.frames.length - a.frames.length)[0];
        if (longest) found.push({ validation: job.validation, input: utteranceVector(longest.frames), label: job.phrase });
        else missed += 1;
      }
      options.progress?.((done += 1), jobs.length);
      return found;
    });
    const clips = Array.from({ length: options.notAPhraseClips }, (_, index) => ({ index, seed: random() * 2 ** 31 }));
    const negativeExamples = await mapConcurrently(clips, options.concurrency, async ({ index, seed }) => {
      const clipRandom = seededRandom(seed);
      const isValidation = index % 6 === 5;
      const kind = NOT_A_PHRASE_KINDS[index % NOT_A_PHRASE_KINDS.length]!;
      const { samples, recording } = await notAPhrase(kind, { random: clipRandom, voices: TRAINING_VOICES, variants: isValidation ? VALIDATION_VARIANTS : trainingVariants, sentences: TRAINING_SENTENCES, dataPath: bank.dataPath });
      // Talk goes through the same rooms and microphones as phrases: a channel must not say "phrase".
      const heard = await heardAs(conditions, samples, recording, clipRandom);
      // Every stretch the detector would hand the recognizer is one example of "not a phrase".
      return augmentedUtterances(heard, options.spectral, clipRandom).map((utterance) => {
        negatives[isValidation ? 'validation' : 'training'] += 1;
        return { validation: isValidation, input: utteranceVector(utterance.frames), label: notAPhraseClass(phrases) };
      });
    });
    examples = [...phraseExamples, ...negativeExamples];
  } finally {
    await Promise.all([bank.dispose(), conditions?.dispose()]);
  }
  // In job order, not the order the processes finished in: the same run trains the same model.
  for (const example of examples.flat()) {
    const target = example.validation ? validation : train;
    target.inputs.push(example.input);
    target.labels.push(example.label);
  }
  if (options.extraTraining) {
    train.inputs.push(...options.extraTraining.inputs);
    train.labels.push(...options.extraTraining.labels);
  }
  options.log?.(`${train.inputs.length} training and ${validation.inputs.length} validation utterances (${negatives.training} and ${negatives.validation} not phrases); ${missed} renderings had no speech found`);
  const accuracy = (network: { probabilities(input: Float32Array): Float32Array }, set: LabelledSet) =>
    set.inputs.filter((input, index) => argmax(network.probabilities(input)) === set.labels[index]).length / set.inputs.length;
  const rejecting = negatives.training > 0 && negatives.validation > 0;
  if (!rejecting && train.labels.includes(notAPhraseClass(phrases))) throw new Error('Recordings of talk ("-") need non-phrases in training too (--not-phrases above 0).');
  const trained = await trainDenseClassifier(tf, train, validation, { ...options, classCount: phrases.length + (rejecting ? 1 : 0), classBalance: 0, start }, accuracy);
  const acceptAbove = rejecting ? calibrateAcceptance(new DenseNetwork(trained.model), validation, phrases, options.falseTriggerTarget) : null;
  if (acceptAbove !== null) options.log?.(`acting on a phrase above confidence ${acceptAbove.toFixed(2)}`);
  return {
    format: 'neulbom-voice-keywords@1',
    version,
    featureVersion: FEATURE_VERSION,
    phrases,
    ...trained.model,
    ...(acceptAbove !== null ? { rejection: { acceptAbove } } : {}),
    card: {
      trainedAt: new Date().toISOString(),
      data: "espeak-ng's Korean voice: its own variants and random speakers made for the run (every other one over wider ranges of formants, voicing and spectral tilt); sox tempo, pitch shift and reverb; white/pink/brown noise at 5–25 dB SNR",
      ...(options.conditions ? { conditions: options.conditions } : {}),
      ...(options.spectral ? { spectral: options.spectral } : {}),
      trainingVariants: trainingVariants.filter((variant) => !bank.variants.includes(variant)),
      randomSpeakers: options.randomSpeakers,
      validationVariants: VALIDATION_VARIANTS,
      utterances: { training: train.inputs.length, validation: validation.inputs.length },
      falseTriggerTarget: options.falseTriggerTarget,
      notAPhrase: { ...negatives, clips: options.notAPhraseClips, kinds: [...new Set(NOT_A_PHRASE_KINDS)], sentences: TRAINING_SENTENCES.length },
      validationAccuracy: Number(trained.validationScore.toFixed(4)),
      l2: trained.l2,
      conv: { kernel: options.conv.kernel, filters: options.conv.filters },
      hidden: options.hidden,
      epochs: options.epochs,
      ...(start ? { adaptedFrom: start.version } : {}),
      ...(options.extraTraining ? { storeExamples: options.extraTraining.inputs.length } : {}),
    },
  };
}

/**
 * The lowest bar at which at most `target` of the validation sounds that are not phrases would be
 * acted on (over the whole vocabulary, the widest the kiosk ever listens): a higher bar loses
 * real phrases for nothing.
 */
function calibrateAcceptance(network: DenseNetwork, validation: LabelledSet, phrases: Phrase[], target: number): number {
  const none = notAPhraseClass(phrases);
  const triggers = validation.inputs
    .filter((_, index) => validation.labels[index] === none)
    .map((input) => {
      const probabilities = network.probabilities(input);
      const best = argmax(probabilities);
      return best === none ? 0 : probabilities[best]!;
    })
    .sort((a, b) => b - a);
  const allowed = Math.floor(target * triggers.length);
  // Just above the confidence of the first sound that would be one too many.
  const bar = (triggers[allowed] ?? 0) + 1e-4;
  return Number(Math.min(0.99, Math.max(MIN_CONFIDENCE, bar)).toFixed(4));
}

/** The first copy of a rendering: the voice under room noise; the others in a drawn condition. */
function heardAs(conditions: ConditionBank | null, clean: Float32Array, recording: Recording, random: () => number): Promise<Float32Array> {
  return conditions ? recordIn(conditions, clean, recording, random) : Promise.resolve(addNoise(clean, recording.noise, recording.snrDb, random));
}

/** `work` on every item, `concurrency` at a time; the results in the items' order. */
async function mapConcurrently<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results;
}
