/**
 * The offline recognizer's model: which phrase an utterance is, from its fixed-size vector. The
 * caller can narrow the choice to what the screen asks for ("how many?" → quantities and yes/no),
 * which is how a one-question-at-a-time dialog stays accurate with a small network.
 */
import { argmax, DenseNetwork, type DenseNetworkModel } from '../../ml/dense-network';
import type { Phrase, PhraseKind } from './vocabulary';

/** The shipped file format (`models/voice-keywords/model.json`). */
export type KeywordModelFile = DenseNetworkModel & {
  format: 'neulbom-voice-keywords@1';
  version: string;
  featureVersion: string;
  phrases: Phrase[];
  card: Record<string, unknown>;
};

export type Heard = { text: string; kind: PhraseKind; confidence: number };

/** Below this the recognizer says it did not catch it rather than guess. */
export const MIN_CONFIDENCE = 0.25;

export class KeywordModel {
  private readonly network: DenseNetwork;

  constructor(readonly file: KeywordModelFile) {
    if (file.format !== 'neulbom-voice-keywords@1') throw new Error(`Unknown voice model format "${String(file.format)}".`);
    this.network = new DenseNetwork(file);
    if (this.network.outputSize !== file.phrases.length) throw new Error('The voice model has a different number of outputs than phrases.');
  }

  get inputSize(): number {
    return this.network.inputSize;
  }

  /** The likeliest phrase among the allowed kinds (all when none given), or null when unsure. */
  recognize(vector: Float32Array, allowed?: ReadonlySet<PhraseKind>): Heard | null {
    const probabilities = this.network.probabilities(vector);
    if (allowed) {
      let total = 0;
      this.file.phrases.forEach((phrase, index) => {
        if (allowed.has(phrase.kind)) total += probabilities[index]!;
        else probabilities[index] = 0;
      });
      if (total === 0) return null;
      for (let index = 0; index < probabilities.length; index += 1) probabilities[index]! /= total;
    }
    const best = argmax(probabilities);
    const phrase = this.file.phrases[best]!;
    const confidence = probabilities[best]!;
    return confidence >= MIN_CONFIDENCE ? { text: phrase.text, kind: phrase.kind, confidence } : null;
  }
}
