/** `kiosk voice eval` as a user runs it: a folder of recordings, the real CLI, its last-line JSON. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeVoiceTestSet } from '../voice/training/voice-test-set';

const run = promisify(execFile);
const KIOSK = path.resolve(import.meta.dirname, '../../bin/kiosk.js');

describe('kiosk voice', () => {
  it('eval prints word and intent accuracy and latency as JSON on its last line', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-voice-eval-'));
    await writeVoiceTestSet(dir, ['김치찌개', '두 개', '네'], 1, 4);
    const { stdout } = await run(process.execPath, [KIOSK, 'voice', 'eval', '--data', dir, '--json'], { env: { ...process.env, DATA_DIR: dir } });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(result.n).toBe(3);
    for (const key of ['wordAccuracy', 'intentAccuracy', 'msPerUtteranceP50', 'msEndOfSpeechToIntentP50']) expect(typeof result[key]).toBe('number');
    expect(result.intentAccuracy).toBeGreaterThanOrEqual(0);
    expect(result.intentAccuracy).toBeLessThanOrEqual(1);
  });

  it('eval refuses a folder without labels.csv with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-voice-eval-'));
    await expect(run(process.execPath, [KIOSK, 'voice', 'eval', '--data', dir], { env: { ...process.env, DATA_DIR: dir } })).rejects.toMatchObject({
      stderr: expect.stringContaining("has no labels.csv"),
    });
  });
});
