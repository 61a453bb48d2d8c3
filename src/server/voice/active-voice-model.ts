/**
 * Which voice model the kiosks load: the store's adapted one under DATA_DIR once 음성 학습 has
 * produced a better one, else the shipped model (so `npm start` works with no training at all).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_VOICE_MODEL_FILE } from '../../voice/hearing/keyword-model-file';

export const storeVoiceModelDir = (dataDir: string) => path.join(dataDir, 'models', 'voice-keywords');

export function activeVoiceModelFile(dataDir: string): string {
  const adapted = path.join(storeVoiceModelDir(dataDir), 'model.json');
  return fs.existsSync(adapted) ? adapted : DEFAULT_VOICE_MODEL_FILE;
}
