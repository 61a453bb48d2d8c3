/**
 * The whole pipeline (decode → BlazeFace → faceres → our head) on a fixed sample of real
 * aaf-train faces that training held out. A floor that catches regressions, well below what the
 * model card reports, not a tuned number.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACE_GROUPS, groupOf } from '../domain/customer-group';
import { analyseFace, loadDataset } from './dataset/face-dataset';
import { decide, DEFAULT_HEAD_FILE, loadGroupHead } from './face-classifier';
import { FaceFeatureExtractor } from './features/face-features';
import { metricsOf, type Decision } from './head/metrics';
import { AAF_DIR } from '../test-support/datasets';

const PER_GROUP = 20;

describe('accuracy on held-out aaf-train faces', () => {
  it('stays above the floor for macro F1, senior recall and face detection', { timeout: 300_000 }, async () => {
    const head = await loadGroupHead();
    const holdout = new Set(fs.readFileSync(path.join(path.dirname(DEFAULT_HEAD_FILE), 'holdout.txt'), 'utf8').split('\n').filter(Boolean));
    const faces = (await loadDataset(AAF_DIR)).filter((face) => holdout.has(face.file));
    // Evenly spaced through each group (the list runs by age), so every age band is in the sample.
    const sample = FACE_GROUPS.flatMap((group) => {
      const members = faces.filter((face) => groupOf(face.age, face.gender, head.model.seniorAge) === group);
      return Array.from({ length: PER_GROUP }, (_, index) => members[Math.floor((index * members.length) / PER_GROUP)]!);
    });
    expect(sample).toHaveLength(PER_GROUP * FACE_GROUPS.length);

    const extractor = new FaceFeatureExtractor();
    const pairs: { truth: ReturnType<typeof groupOf>; decision: Decision }[] = [];
    let noFace = 0;
    for (const face of sample) {
      const { features } = await analyseFace(face.path, extractor);
      if (!features) noFace += 1;
      pairs.push({ truth: groupOf(face.age, face.gender, head.model.seniorAge), decision: decide(head, features).group });
    }
    const metrics = metricsOf(pairs);
    console.log(`held-out sample of ${pairs.length}: macro F1 ${metrics.macroF1.toFixed(3)}, senior recall ${metrics.seniorRecall.toFixed(3)}, gender ${metrics.genderAccuracy.toFixed(3)}, no face ${noFace}`);
    expect(metrics.macroF1).toBeGreaterThanOrEqual(0.7);
    expect(metrics.seniorRecall).toBeGreaterThanOrEqual(0.65);
    expect(metrics.genderAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(noFace / pairs.length).toBeLessThanOrEqual(0.05);
  });
});
