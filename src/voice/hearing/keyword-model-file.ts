/** Where the shipped voice model lives, and loading it in Node. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_MODELS_DIR } from '../../vision/runtime/human-runtime';
import { KeywordModel, type KeywordModelFile } from './keyword-model';

export const DEFAULT_VOICE_MODEL_FILE = path.join(PROJECT_MODELS_DIR, 'voice-keywords', 'model.json');

export async function loadKeywordModel(file = DEFAULT_VOICE_MODEL_FILE): Promise<KeywordModel> {
  return new KeywordModel(JSON.parse(await fs.readFile(file, 'utf8')) as KeywordModelFile);
}
