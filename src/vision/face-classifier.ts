/** The camera's decision on the server side and in the CLI: face features → our head → a group or unknown. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FaceGroup } from '../domain/customer-group';
import type { FaceFeatures } from './features/face-analyzer';
import { GroupHead, type GroupHeadModel } from './head/group-head';
import { headInputOf } from './head/head-input';
import { PROJECT_MODELS_DIR } from './runtime/human-runtime';

export const DEFAULT_HEAD_FILE = path.join(PROJECT_MODELS_DIR, 'group-head', 'model.json');

export type FaceDecision =
  | { group: FaceGroup; confidence: number; probabilities: Record<FaceGroup, number> }
  | { group: 'unknown'; confidence: 0; reason: 'no_face' };

export async function loadGroupHead(file = DEFAULT_HEAD_FILE): Promise<GroupHead> {
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new Error(`No group head at ${file}: train one with "npx kiosk vision train --data DIR".`);
  });
  return new GroupHead(JSON.parse(text) as GroupHeadModel);
}

export function decide(head: GroupHead, features: FaceFeatures | null): FaceDecision {
  if (!features) return { group: 'unknown', confidence: 0, reason: 'no_face' };
  return head.predict(headInputOf(features));
}
