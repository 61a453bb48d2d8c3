/** The stored face samples (imported and from camera decisions) as faces to train on. */
import path from 'node:path';
import { FACE_GROUPS, type FaceGroup } from '../../domain/customer-group';
import { featuresFromBase64 } from '../../vision/features/feature-codec';
import type { TrainingFace } from '../../vision/head/train-candidate';
import type { FaceSampleRepository } from '../repositories/face-sample.repository';

/** Frozen-set files stay out (by file name) whatever their source, as do faces known to be younger than `minAge`. */
export async function storedTrainingFaces(samples: FaceSampleRepository, options: { minAge: number; frozenFiles: ReadonlySet<string> }): Promise<TrainingFace[]> {
  return (await samples.trainingRows()).flatMap((row) => {
    if (row.file && options.frozenFiles.has(path.basename(row.file))) return [];
    if (row.age !== null && row.age < options.minAge) return [];
    if (!(FACE_GROUPS as readonly string[]).includes(row.group)) return [];
    return [{ id: row.id, source: `face_samples:${row.source}`, group: row.group as FaceGroup, features: featuresFromBase64(row.features) }];
  });
}
