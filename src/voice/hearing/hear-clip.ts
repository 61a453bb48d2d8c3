/** A whole recording at once (a file, a training clip): the utterances in it. */
import { FrameAnalyser, type FrameFeatures, type FrameSettings } from './audio-frames';
import { UtteranceSegmenter, type Utterance } from './utterance-segmenter';

export function utterancesOf(samples: Float32Array, settings?: FrameSettings): Utterance[] {
  const analyser = new FrameAnalyser(settings);
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
