/**
 * The group head shipped in the repository becomes the registry's first active version. Its metrics
 * come from its model card: `vision train` measured them on exactly the faces of holdout.txt, the
 * frozen set, so they need no second (twenty-minute) evaluation.
 */
import fs from 'node:fs/promises';
import { DEFAULT_HEAD_FILE } from '../../vision/face-classifier';
import { FROZEN_SET_NAME, frozenSetRef, readFrozenFiles } from '../../vision/head/frozen-set';
import type { GroupHeadModel } from '../../vision/head/group-head';
import type { GroupMetrics } from '../../vision/head/metrics';
import type { ModelRegistryService } from './model-registry.service';
import { GROUP_HEAD } from './model-version';

export async function importShippedGroupHead(registry: ModelRegistryService): Promise<void> {
  const artifact = await fs.readFile(DEFAULT_HEAD_FILE);
  const { version, card } = JSON.parse(artifact.toString('utf8')) as GroupHeadModel;
  const frozenSet = frozenSetRef(FROZEN_SET_NAME, await readFrozenFiles());
  const { validation, data, ...params } = card as { validation: GroupMetrics; data: string };
  await registry.importInitial({
    model: GROUP_HEAD,
    version,
    artifact,
    metrics: { ...validation, frozenSet, source: 'model-card' },
    params,
    curve: null,
    // Trained before the registry: its samples were every aaf-train face aged 15+ outside holdout.txt.
    lineage: { sources: [data], samples: [], frozenSet },
  });
}
