/**
 * Our trained classifier: face features → the four groups with a calibrated confidence. Inference
 * is a small dense network in plain TypeScript, so it runs the same in Node and the browser.
 */
import { FACE_GROUPS, type FaceGroup } from '../../domain/customer-group';
import { argmax, DenseNetwork, type DenseNetworkModel } from '../../ml/dense-network';

/** The shipped file format (`models/group-head/model.json`). */
export type GroupHeadModel = DenseNetworkModel & {
  format: 'neulbom-group-head@1';
  version: string;
  featureVersion: string;
  seniorAge: number;
  classes: FaceGroup[];
  card: Record<string, unknown>;
};

export type GroupPrediction = { group: FaceGroup; confidence: number; probabilities: Record<FaceGroup, number> };

export class GroupHead {
  private readonly network: DenseNetwork;

  constructor(readonly model: GroupHeadModel) {
    if (model.format !== 'neulbom-group-head@1') throw new Error(`Unknown head format "${String(model.format)}".`);
    if (model.classes.join() !== FACE_GROUPS.join()) throw new Error('The head predicts other classes than the four groups.');
    this.network = new DenseNetwork(model);
  }

  get inputSize(): number {
    return this.network.inputSize;
  }

  predict(input: Float32Array): GroupPrediction {
    if (input.length !== this.inputSize) throw new Error(`The head expects ${this.inputSize} inputs, got ${input.length}.`);
    const probabilities = this.network.probabilities(input);
    const best = argmax(probabilities);
    return {
      group: FACE_GROUPS[best]!,
      confidence: probabilities[best]!,
      probabilities: Object.fromEntries(FACE_GROUPS.map((group, index) => [group, probabilities[index]!])) as Record<FaceGroup, number>,
    };
  }
}
