import { describe, expect, it } from 'vitest';
import { groupOf } from '../../domain/customer-group';
import type { LabelledFace } from './labels-csv';
import { seededShuffle } from '../../shared/seeded-random';
import { stratifiedSplit } from './face-dataset';

describe('dataset split', () => {
  const faces: LabelledFace[] = Array.from({ length: 200 }, (_, index) => ({
    file: `${index}.jpg`,
    age: index % 10 === 0 ? 65 + (index % 7) : 20 + (index % 30),
    gender: index % 2 === 0 ? 'female' : 'male',
  }));

  it('holds out the same share of every group, the same way every time', () => {
    const first = stratifiedSplit(faces, 0.2, 7, 60);
    const again = stratifiedSplit(faces, 0.2, 7, 60);
    expect(first.holdout.map((face) => face.file)).toEqual(again.holdout.map((face) => face.file));
    expect(first.train.length + first.holdout.length).toBe(200);
    const seniors = (list: LabelledFace[]) => list.filter((face) => groupOf(face.age, face.gender, 60).startsWith('senior')).length;
    expect(seniors(first.holdout)).toBe(4);
    expect(new Set([...first.train, ...first.holdout].map((face) => face.file)).size).toBe(200);
  });

  it('shuffles deterministically by seed', () => {
    expect(seededShuffle([1, 2, 3, 4, 5], 1)).toEqual(seededShuffle([1, 2, 3, 4, 5], 1));
    expect(seededShuffle([1, 2, 3, 4, 5], 1)).not.toEqual(seededShuffle([1, 2, 3, 4, 5], 2));
  });
});
