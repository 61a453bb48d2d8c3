/** A whole recording at once (a file, a training clip): its utterances, and what each one says. */
import { FrameAnalyser, type FrameFeatures } from './audio-frames';
import type { Heard, KeywordModel } from './keyword-model';
import { UtteranceSegmenter, type Utterance } from './utterance-segmenter';
import { utteranceVector } from './utterance-vector';
import type { PhraseKind } from './vocabulary';

export function utterancesOf(samples: Float32Array): Utterance[] {
  const analyser = new FrameAnalyser();
  const segmenter = new UtteranceSegmenter();
  const found: Utterance[] = [];
  analyser.push(samples, (frame: FrameFeatures) => {
    const utterance = segmenter.push(frame);
    if (utterance) found.push(utterance);
  });
  const last = segmenter.flush();
  if (last) found.push(last);
  return found;
}

/** Every utterance in the recording, recognised; unsure ones are left out. */
export function hearClip(model: KeywordModel, samples: Float32Array, allowed?: ReadonlySet<PhraseKind>): Heard[] {
  return utterancesOf(samples).flatMap((utterance) => model.recognize(utteranceVector(utterance.frames), allowed) ?? []);
}
