/**
 * `kiosk model` as a user runs it, on real aaf-train faces (a small subset, features cached in the
 * test's DATA_DIR): a candidate trained on shuffled labels is refused and the active head is untouched;
 * a real candidate can be promoted by hand and rolled back; a run that fails is recorded as failed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { seededShuffle } from '../shared/seeded-random';
import { labelledFolder, trainingRows } from '../test-support/training-faces';

const run = promisify(execFile);
const KIOSK = path.resolve(import.meta.dirname, '../../bin/kiosk.js');
const SHIPPED = '2026-11-28';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-model-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const datasetFolder = (name: string, rows: string[]) => labelledFolder(path.join(dataDir, name), rows);

const kiosk = async (...args: string[]) => (await run(process.execPath, [KIOSK, 'model', ...args], { env: { ...process.env, DATA_DIR: dataDir } })).stdout.trim();
const lastLine = (stdout: string) => JSON.parse(stdout.split('\n').at(-1)!) as { version: string; metrics: { macroF1: number; seniorRecall: number }; promoted: boolean; reason: string };
const statuses = async () => Object.fromEntries((JSON.parse(await kiosk('list', '--json')) as { version: string; status: string }[]).map((version) => [version.version, version.status]));
const train = (dir: string) => kiosk('train', '--data', dir, '--json', '--frozen-limit', '60', '--epochs', '100');

describe('kiosk model', () => {
  // 12 training faces of each senior group and 30 of each other.
  const rows = trainingRows({ 'senior-male': 12, 'senior-female': 12, 'general-male': 30, 'general-female': 30 });
  let shuffledF1 = 1;

  it('refuses a candidate trained on shuffled labels and leaves the active head untouched', { timeout: 120_000 }, async () => {
    // Every face keeps its image but gets another face's age and gender.
    const labels = seededShuffle(rows.map((row) => row.split(',').slice(1).join(',')), 3);
    const shuffled = datasetFolder('shuffled', rows.map((row, index) => `${row.split(',')[0]},${labels[index]}`));
    const result = lastLine(await train(shuffled));
    expect(result).toEqual({ version: expect.any(String), metrics: { macroF1: expect.any(Number), seniorRecall: expect.any(Number) }, promoted: false, reason: expect.stringMatching(/^refused: /) });
    expect(result.metrics.macroF1).toBeLessThan(0.5);
    shuffledF1 = result.metrics.macroF1;
    expect(await statuses()).toEqual({ [SHIPPED]: 'active', [result.version]: 'candidate' });
    const listed = JSON.parse(await kiosk('list', '--json')) as { version: string; lineage: { sampleCount: number; frozenSet: { n: number } } }[];
    expect(listed.find((version) => version.version === result.version)!.lineage).toMatchObject({ sampleCount: rows.length, frozenSet: { n: expect.closeTo(60, -1) } });
  });

  it('trains a real candidate, promotes it by hand and rolls back', { timeout: 120_000 }, async () => {
    const result = lastLine(await train(datasetFolder('real', rows)));
    // 84 faces judged on 60 (six of them seniors) is far from the shipped head, but clearly learns something.
    expect(result.metrics.macroF1).toBeGreaterThan(shuffledF1);
    expect(typeof result.promoted).toBe('boolean');
    if (!result.promoted) expect(await kiosk('promote', result.version)).toBe(`group-head ${result.version} is active (was ${SHIPPED}).`);
    expect((await statuses())[result.version]).toBe('active');
    expect(await kiosk('rollback')).toBe(`group-head ${SHIPPED} is active again.`);
    expect(await statuses()).toMatchObject({ [SHIPPED]: 'active', [result.version]: 'retired' });
  });

  it('records a run that fails, with its reason', { timeout: 30_000 }, async () => {
    await expect(kiosk('train', '--json')).rejects.toMatchObject({ stderr: expect.stringContaining('no labelled samples to train on yet') });
    const db = new SQLite(path.join(dataDir, 'kiosk.sqlite'), { readonly: true });
    const runs = db.prepare('select status, error, version, trigger from training_runs order by started_at').all() as { status: string; error: string | null; version: string | null; trigger: string }[];
    db.close();
    expect(runs.map((entry) => entry.status)).toEqual(['succeeded', 'succeeded', 'failed']);
    expect(runs[2]!.error).toContain('no labelled samples');
    expect(runs.map((entry) => entry.trigger)).toEqual(['cli', 'cli', 'cli']);
  });
});
