/**
 * Tells the fleet which model versions to run: each shipped model's version goes out retained on
 * `models/{name}/active`, so a kiosk that connects later learns it too. The group head is not here:
 * the model registry announces its active version (registry/active-model-watch.ts).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_MODELS_DIR } from '../../vision/runtime/human-runtime';
import type { FleetClient } from './fleet-client';

export const SHIPPED_MODELS = ['voice-keywords'] as const;

export async function announceShippedModels(publisher: FleetClient): Promise<void> {
  for (const model of SHIPPED_MODELS) {
    const file = path.join(PROJECT_MODELS_DIR, model, 'model.json');
    const { version } = JSON.parse(await fs.readFile(file, 'utf8')) as { version: string };
    publisher.modelActive(model, version, `/models/${model}/model.json`);
  }
}
