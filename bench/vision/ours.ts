/** Our pipeline: BlazeFace → faceres → our group head. */
import { decide, loadGroupHead } from '../../src/vision/face-classifier';
import { FaceFeatureExtractor } from '../../src/vision/features/face-features';
import { runContender } from './contender';

await runContender('ours (BlazeFace + faceres + our head)', async () => {
  const head = await loadGroupHead();
  const extractor = new FaceFeatureExtractor();
  await extractor.load();
  return async (frame) => {
    const features = await extractor.extract(frame);
    return features ? { group: decide(head, features).group } : null;
  };
});
