/**
 * `kiosk voice eval`: the offline recognizer and the order parser on a folder of recordings.
 * Word accuracy compares the words heard with the words said; intent accuracy compares what the
 * parser makes of each (what the kiosk would do). Only phrases heard above the model's bar count,
 * as only those are acted on. Recordings labelled "-" are not orders (talk nearby, music, clatter):
 * any phrase heard above the bar in one is a false trigger.
 */
import path from 'node:path';
import type { Menu } from '../../domain/menu';
import { percentile } from '../../shared/percentile';
import { utterancesOf } from '../hearing/hear-clip';
import { utteranceVector } from '../hearing/utterance-vector';
import type { KeywordModel } from '../hearing/keyword-model';
import { SEGMENTER_SETTINGS } from '../hearing/utterance-segmenter';
import { FRAME_SECONDS } from '../hearing/audio-frames';
import { LISTENING_SCREENS, screenOf, type ListeningScreen, type PhraseKind } from '../hearing/vocabulary';
import { editDistance } from '../understanding/jamo-distance';
import { OrderParser } from '../understanding/order-parser';
import { NOT_AN_ORDER_LABEL } from './not-a-phrase';
import { readVoiceLabels } from './voice-test-set';
import { readWav16k } from './wav-file';

export type VoiceEvaluation = {
  /** Recordings of phrases (the accuracies are over these). */
  n: number;
  /** Recordings that are not orders. */
  notOrders: number;
  /** Share of those in which the kiosk would act on a phrase: listening for the whole vocabulary, and per screen. */
  falseTriggerRate: number | null;
  falseTriggerRateOnScreen: Record<ListeningScreen, number> | null;
  wordAccuracy: number;
  intentAccuracy: number;
  /**
   * The same, listening as the kiosk does: only for what the phrase's screen asks (dishes on the
   * menu screen, quantities and options on a dish). Counted over labels that are one phrase of the vocabulary.
   */
  intentAccuracyOnScreen: number | null;
  /** Processing time per recording (features for every frame, recognition, parsing). */
  msPerUtteranceP50: number;
  /** From the end of speech to the intent: the detector's wait for silence plus the work left after it. */
  msEndOfSpeechToIntentP50: number;
  /** The part of that which is the pause the detector waits for before it calls the utterance over. */
  endOfSpeechPauseMs: number;
  mistakes: { file: string; said: string; heard: string }[];
};

export async function evaluateRecognizer(dir: string, model: KeywordModel, menu: Menu, progress?: (done: number, total: number) => void): Promise<VoiceEvaluation> {
  const labels = await readVoiceLabels(dir);
  const parser = new OrderParser(menu);
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  let wordErrors = 0;
  let wordTotal = 0;
  let intentsRight = 0;
  let onScreenRight = 0;
  let onScreenTotal = 0;
  const phraseKinds = new Map(model.file.phrases.map((phrase) => [phrase.text, phrase.kind]));
  const durations: number[] = [];
  const tails: number[] = [];
  const mistakes: VoiceEvaluation['mistakes'] = [];
  const screens = Object.keys(LISTENING_SCREENS) as ListeningScreen[];
  const triggers = { all: 0, ...Object.fromEntries(screens.map((screen) => [screen, 0])) } as Record<ListeningScreen | 'all', number>;
  let notOrders = 0;
  /** The phrases the kiosk would act on. */
  const actedOn = (vectors: Float32Array[], allowed?: ReadonlySet<PhraseKind>) =>
    vectors.flatMap((vector) => {
      const heard = model.recognize(vector, allowed);
      return heard?.sure ? [heard.text] : [];
    });
  const endpointMs = SEGMENTER_SETTINGS.endFrames * FRAME_SECONDS * 1000;
  for (const [index, label] of labels.entries()) {
    const samples = await readWav16k(path.join(dir, label.file));
    const started = performance.now();
    const utterances = utterancesOf(samples, model.frameSettings);
    // Live, frames are analysed as they arrive: after the end of speech only this part is left.
    const afterFrames = performance.now();
    const vectors = utterances.map((utterance) => utteranceVector(utterance.frames));
    const heard = actedOn(vectors).join(' ');
    const intents = parser.parse(heard).intents;
    const finished = performance.now();
    durations.push(finished - started);
    tails.push(endpointMs + (finished - afterFrames));
    progress?.(index + 1, labels.length);
    if (label.text === NOT_AN_ORDER_LABEL) {
      notOrders += 1;
      if (heard) {
        triggers.all += 1;
        mistakes.push({ file: label.file, said: NOT_AN_ORDER_LABEL, heard });
      }
      for (const screen of screens) if (actedOn(vectors, new Set(LISTENING_SCREENS[screen])).length > 0) triggers[screen] += 1;
      continue;
    }
    const expected = parser.parse(label.text).intents;
    wordErrors += editDistance(words(heard), words(label.text));
    wordTotal += words(label.text).length;
    if (JSON.stringify(intents) === JSON.stringify(expected)) intentsRight += 1;
    else mistakes.push({ file: label.file, said: label.text, heard });
    const kind = phraseKinds.get(label.text);
    if (kind) {
      const allowed = new Set(LISTENING_SCREENS[screenOf(kind)]);
      const heardOnScreen = actedOn(vectors, allowed).join(' ');
      onScreenTotal += 1;
      if (JSON.stringify(parser.parse(heardOnScreen).intents) === JSON.stringify(expected)) onScreenRight += 1;
    }
  }
  const phrases = labels.length - notOrders;
  return {
    n: phrases,
    notOrders,
    falseTriggerRate: notOrders > 0 ? round(triggers.all / notOrders) : null,
    falseTriggerRateOnScreen: notOrders > 0 ? (Object.fromEntries(screens.map((screen) => [screen, round(triggers[screen] / notOrders)])) as Record<ListeningScreen, number>) : null,
    wordAccuracy: round(Math.max(0, 1 - wordErrors / Math.max(1, wordTotal))),
    intentAccuracy: round(intentsRight / Math.max(1, phrases)),
    intentAccuracyOnScreen: onScreenTotal > 0 ? round(onScreenRight / onScreenTotal) : null,
    msPerUtteranceP50: round(percentile(durations, 0.5), 1),
    msEndOfSpeechToIntentP50: round(percentile(tails, 0.5), 1),
    endOfSpeechPauseMs: round(endpointMs, 0),
    mistakes,
  };
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));
