/**
 * The offline recognizer on fresh held-out synthetic recordings (one per phrase of the demo menu's
 * vocabulary): accuracy, and the time from the end of speech to the intent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoMenu } from '../../src/test-support/demo-menu';
import { loadKeywordModel } from '../../src/voice/hearing/keyword-model-file';
import { vocabularyOf } from '../../src/voice/hearing/vocabulary';
import { evaluateRecognizer, type VoiceEvaluation } from '../../src/voice/training/evaluate-recognizer';
import { writeVoiceTestSet } from '../../src/voice/training/voice-test-set';

export async function measureRecognizer(): Promise<VoiceEvaluation> {
  const menu = demoMenu();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-voice-'));
  await writeVoiceTestSet(dir, vocabularyOf(menu).map((phrase) => phrase.text), 1, 99);
  return evaluateRecognizer(dir, await loadKeywordModel(), menu);
}
