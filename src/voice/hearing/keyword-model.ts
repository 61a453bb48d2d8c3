/**
 * The offline recognizer's model: which phrase an utterance is, from its fixed-size vector. The
 * caller can narrow the choice to what the screen asks for ("how many?" → quantities and yes/no),
 * which is how a one-question-at-a-time dialog stays accurate with a small network.
 *
 * A model trained with things that are not phrases (talk nearby, music, clatter: `rejection`) has
 * one more output, "none of these", and a calibrated bar: the kiosk acts only on a phrase above it.
 */
import { argmax, DenseNetwork, type DenseNetworkModel } from '../../ml/dense-network';
import type { FrameSettings } from './audio-frames';
import { frameSettingsOf } from './utterance-vector';
import type { Phrase, PhraseKind } from './vocabulary';

/** The shipped file format (`models/voice-keywords/model.json`). */
export type KeywordModelFile = DenseNetworkModel & {
  format: 'neulbom-voice-keywords@1';
  version: string;
  featureVersion: string;
  phrases: Phrase[];
  /**
   * Present when the last output is "not a phrase": `acceptAbove` is the confidence a phrase needs
   * to be acted on, calibrated on validation sounds that are not phrases.
   */
  rejection?: { acceptAbove: number };
  card: Record<string, unknown>;
};

/** `sure`: above the model's calibrated bar, so the kiosk may act; otherwise a doubtful guess. */
export type Heard = { text: string; kind: PhraseKind; confidence: number; sure: boolean };

/** Below this the recognizer says it did not catch it rather than guess. */
export const MIN_CONFIDENCE = 0.25;

export class KeywordModel {
  private readonly network: DenseNetwork;
  /** How the microphone's frames must be described for this model. */
  readonly frameSettings: FrameSettings;

  constructor(readonly file: KeywordModelFile) {
    if (file.format !== 'neulbom-voice-keywords@1') throw new Error(`Unknown voice model format "${String(file.format)}".`);
    this.frameSettings = frameSettingsOf(file.featureVersion);
    this.network = new DenseNetwork(file);
    if (this.network.outputSize !== file.phrases.length + (file.rejection ? 1 : 0)) throw new Error('The voice model has a different number of outputs than phrases.');
  }

  get inputSize(): number {
    return this.network.inputSize;
  }

  /**
   * The likeliest phrase among the allowed kinds (all when none given), or null when it is none of
   * them: "not a phrase" is likelier, or nothing reaches MIN_CONFIDENCE. "Not a phrase" is always
   * among the choices, so narrowing never turns talk into a phrase.
   */
  recognize(vector: Float32Array, allowed?: ReadonlySet<PhraseKind>): Heard | null {
    const probabilities = this.network.probabilities(vector);
    const phrases = this.file.phrases;
    if (allowed) {
      let total = this.file.rejection ? probabilities[phrases.length]! : 0;
      phrases.forEach((phrase, index) => {
        if (allowed.has(phrase.kind)) total += probabilities[index]!;
        else probabilities[index] = 0;
      });
      if (total === 0) return null;
      for (let index = 0; index < probabilities.length; index += 1) probabilities[index]! /= total;
    }
    const best = argmax(probabilities);
    const confidence = probabilities[best]!;
    if (best >= phrases.length || confidence < MIN_CONFIDENCE) return null;
    const phrase = phrases[best]!;
    return { text: phrase.text, kind: phrase.kind, confidence, sure: confidence >= (this.file.rejection?.acceptAbove ?? MIN_CONFIDENCE) };
  }
}
