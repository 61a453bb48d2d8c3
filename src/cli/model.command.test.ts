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
import { aafRows, csvDatasetFolder, type AafRow } from '../test-support/datasets';
import { SHIPPED_HEAD_VERSION } from '../test-support/shipped-head';

const run = promisify(execFile);
const KIOSK = path.resolve(import.meta.dirname, '../../bin/kiosk.js');
const SHIPPED = SHIPPED_HEAD_VERSION;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-model-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const datasetFolder = (name: string, rows: AafRow[]) => csvDatasetFolder(path.join(dataDir, name), rows);
const kioskCommand = async (...args: string[]) => (await run(process.execPath, [KIOSK, ...args], { env: { ...process.env, DATA_DIR: dataDir } })).stdout.trim();
const kiosk = (...args: string[]) => kioskCommand('model', ...args);
const lastLine = (stdout: string) => JSON.parse(stdout.split('\n').at(-1)!) as { version: string; metrics: { macroF1: number; seniorRecall: number }; promoted: boolean; reason: string };
const statuses = async () => Object.fromEntries((JSON.parse(await kiosk('list', '--json')) as { version: string; status: string }[]).map((version) => [version.version, version.status]));
const train = (dir: string) => kiosk('train', '--data', dir, '--json', '--frozen-limit', '60', '--epochs', '100');

describe('kiosk model', () => {
  // 12 training faces of each senior group and 30 of each other, none frozen.
  const rows = aafRows({ 'senior-male': 12, 'senior-female': 12, 'general-male': 30, 'general-female': 30 });
  let shuffledF1 = 1;

  it('refuses a candidate trained on shuffled labels and leaves the active head untouched', { timeout: 300_000 }, async () => {
    // Every face keeps its image but gets another face's age and gender.
    const labels = seededShuffle(rows.map(({ age, gender }) => ({ age, gender })), 3);
    const shuffled = datasetFolder('shuffled', rows.map((row, index) => ({ ...row, ...labels[index]! })));
    const result = lastLine(await train(shuffled));
    expect(result).toEqual({ version: expect.any(String), metrics: { macroF1: expect.any(Number), seniorRecall: expect.any(Number) }, promoted: false, reason: expect.stringMatching(/^refused: /) });
    expect(result.metrics.macroF1).toBeLessThan(0.5);
    shuffledF1 = result.metrics.macroF1;
    expect(await statuses()).toEqual({ [SHIPPED]: 'active', [result.version]: 'candidate' });
    const listed = JSON.parse(await kiosk('list', '--json')) as { version: string; lineage: { sampleCount: number; frozenSet: { n: number } } }[];
    expect(listed.find((version) => version.version === result.version)!.lineage).toMatchObject({ sampleCount: rows.length, frozenSet: { n: expect.closeTo(60, -1) } });
  });

  it('trains a real candidate, promotes it by hand and rolls back', { timeout: 300_000 }, async () => {
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
  it('trains on the imported samples alone and records them as its lineage', { timeout: 300_000 }, async () => {
    const imported = JSON.parse((await kioskCommand('data', 'import', path.join(dataDir, 'real'), '--json')).split('\n').at(-1)!) as { added: number };
    expect(imported.added).toBeGreaterThan(rows.length - 3);
    const result = lastLine(await kiosk('train', '--json', '--frozen-limit', '60', '--epochs', '100'));
    expect(result).toEqual({ version: expect.any(String), metrics: { macroF1: expect.any(Number), seniorRecall: expect.any(Number) }, promoted: expect.any(Boolean), reason: expect.any(String) });
    expect(result.metrics.macroF1).toBeGreaterThan(shuffledF1);
    const db = new SQLite(path.join(dataDir, 'kiosk.sqlite'), { readonly: true });
    const sampleIds = (db.prepare('select id from face_samples order by id').all() as { id: string }[]).map((row) => row.id);
    const version = db.prepare('select params, curve, lineage from model_versions where version = ?').get(result.version) as { params: string; curve: string; lineage: string };
    db.close();
    const lineage = JSON.parse(version.lineage) as { sources: string[]; samples: string[] };
    expect(lineage.sources).toEqual(['face_samples:import']);
    expect([...lineage.samples].sort()).toEqual(sampleIds);
    // The search's record: every grid point's cross-validated macro F1, the chosen one the best of them.
    const params = JSON.parse(version.params) as { l2: number; classBalance: number; folds: number; crossValidation: { l2: number; classBalance: number; macroF1: number; foldMacroF1: number[] }[] };
    expect(params.folds).toBe(3);
    expect(params.crossValidation).toHaveLength(9);
    const best = Math.max(...params.crossValidation.map((point) => point.macroF1));
    expect(params.crossValidation.find((point) => point.l2 === params.l2 && point.classBalance === params.classBalance)!.macroF1).toBe(best);
    expect((JSON.parse(version.curve) as unknown[]).length).toBe(100);
  });
});
