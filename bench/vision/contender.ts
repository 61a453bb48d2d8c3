/**
 * One face pipeline under test, run in its own process so libraries never share a tfjs engine:
 * load it, time it per frame after a warm-up, and score its decisions on the same held-out faces.
 */
import { groupOf, type Gender } from '../../src/domain/customer-group';
import type { RgbImage } from '../../src/vision/image/decode-image';
import { metricsOf, type Decision } from '../../src/vision/head/metrics';
import { percentile } from '../../src/shared/percentile';
import { benchFaces } from './frames';

/** What a pipeline says about one frame: a group directly, or an age and gender to map, or nothing. */
export type Reading = { group: Decision } | { age: number; gender: Gender } | null;

export type ContenderResult = { name: string; frames: number; msP50: number; msP90: number; macroF1: number; seniorRecall: number; genderAccuracy: number; noFaceRate: number };

const WARM_UP = 3;

export async function runContender(name: string, load: () => Promise<(frame: RgbImage) => Promise<Reading>>): Promise<void> {
  const perGroup = Number(process.env.BENCH_FACES_PER_GROUP ?? 25);
  const faces = await benchFaces(perGroup);
  const classify = await load();
  for (const face of faces.slice(0, WARM_UP)) await classify(face.frame);
  const timings: number[] = [];
  const pairs: { truth: (typeof faces)[number]['truth']; decision: Decision }[] = [];
  let noFace = 0;
  for (const face of faces) {
    const started = performance.now();
    const reading = await classify(face.frame);
    timings.push(performance.now() - started);
    if (!reading) noFace += 1;
    const decision: Decision = !reading ? 'unknown' : 'group' in reading ? reading.group : groupOf(reading.age, reading.gender);
    pairs.push({ truth: face.truth, decision });
  }
  const metrics = metricsOf(pairs);
  const result: ContenderResult = {
    name,
    frames: timings.length,
    msP50: percentile(timings, 0.5),
    msP90: percentile(timings, 0.9),
    macroF1: metrics.macroF1,
    seniorRecall: metrics.seniorRecall,
    genderAccuracy: metrics.genderAccuracy,
    noFaceRate: noFace / faces.length,
  };
  // The last line is the result, for the orchestrator.
  console.log(JSON.stringify(result));
}
