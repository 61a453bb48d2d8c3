/**
 * The registry on a real SQLite file and a real file store: the promotion rule, promotion and rollback
 * by hand, the shipped head as the first active version, and runs left `running` by a killed process.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { migrateToLatest, openSqlite } from '../db/database';
import type { Database } from '../db/schema';
import { LocalFileStore } from '../storage/local-file-store';
import type { GroupMetrics } from '../../vision/head/metrics';
import { ModelRegistryRepository } from './model-registry.repository';
import { ModelRegistryService, type NewVersion } from './model-registry.service';
import { GROUP_HEAD } from './model-version';
import { importShippedGroupHead } from './shipped-model';
import { SHIPPED_HEAD_METRICS, SHIPPED_HEAD_VERSION } from '../../test-support/shipped-head';

let dir: string;
let db: Kysely<Database>;
let registry: ModelRegistryService;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-registry-'));
  db = openSqlite(path.join(dir, 'kiosk.sqlite'));
  await migrateToLatest(db);
  registry = new ModelRegistryService(new ModelRegistryRepository(db), new LocalFileStore(path.join(dir, 'files')));
  await importShippedGroupHead(registry);
});
afterEach(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const SHIPPED = SHIPPED_HEAD_VERSION;
const { macroF1: SHIPPED_F1, seniorRecall: SHIPPED_RECALL } = SHIPPED_HEAD_METRICS;

async function candidate(version: string, macroF1: number, seniorRecall: number, frozenHash?: string) {
  const shipped = (await registry.active(GROUP_HEAD))!;
  const frozenSet = frozenHash ? { name: 'subset', hash: frozenHash, n: 60 } : shipped.metrics.frozenSet;
  const input: NewVersion = {
    model: GROUP_HEAD,
    version,
    artifact: Buffer.from(JSON.stringify({ format: 'neulbom-group-head@1', version })),
    metrics: { ...shipped.metrics, macroF1, seniorRecall, frozenSet, source: 'frozen-set' },
    params: { epochs: 300 },
    curve: [{ l2: 0.1, epoch: 0, loss: 1.4, accuracy: 0.3 }],
    lineage: { sources: ['test'], samples: ['a.jpg'], frozenSet },
  };
  return registry.registerCandidate(input);
}
const never = async (): Promise<GroupMetrics> => {
  throw new Error('the active model should not need measuring again');
};

describe('the model registry', () => {
  it('starts with the shipped head active, its metrics from its card on the full frozen set', async () => {
    const active = (await registry.active(GROUP_HEAD))!;
    expect(active).toMatchObject({ version: SHIPPED, status: 'active', metrics: { source: 'model-card', frozenSet: { n: 1165 } } });
    expect(active.metrics.macroF1).toBe(SHIPPED_F1);
    expect(JSON.parse((await registry.artifact(GROUP_HEAD, SHIPPED)).toString()).version).toBe(SHIPPED);
    await importShippedGroupHead(registry);
    expect(await registry.list(GROUP_HEAD)).toHaveLength(1);
  });

  it('promotes a candidate with better macro F1 and no lower senior recall', async () => {
    const better = await candidate('better', SHIPPED_F1 + 0.01, SHIPPED_RECALL);
    const decision = await registry.evaluateAndMaybePromote(better, never);
    expect(decision).toMatchObject({ promote: true, reason: expect.stringContaining(`promoted: macroF1 ${(SHIPPED_F1 + 0.01).toFixed(4)} vs active ${SHIPPED_F1.toFixed(4)}`) });
    expect((await registry.active(GROUP_HEAD))!.version).toBe('better');
    expect((await registry.list(GROUP_HEAD)).map((version) => [version.version, version.status])).toEqual([['better', 'active'], [SHIPPED, 'retired']]);
  });

  it('refuses a candidate with lower macro F1, or lower senior recall, and leaves the active model alone', async () => {
    const worse = await registry.evaluateAndMaybePromote(await candidate('worse', 0.8, 0.9), never);
    expect(worse).toEqual({ promote: false, reason: expect.stringContaining(`refused: macroF1 0.8000 vs active ${SHIPPED_F1.toFixed(4)} is not better`) });
    const fewerSeniors = await registry.evaluateAndMaybePromote(await candidate('fewer-seniors', 0.9, 0.8), never);
    expect(fewerSeniors).toEqual({ promote: false, reason: expect.stringContaining(`refused: seniorRecall 0.8000 vs active ${SHIPPED_RECALL.toFixed(4)} is lower`) });
    const statuses = Object.fromEntries((await registry.list(GROUP_HEAD)).map((version) => [version.version, version.status]));
    expect(statuses).toEqual({ [SHIPPED]: 'active', worse: 'candidate', 'fewer-seniors': 'candidate' });
  });

  it('measures the active model again when the candidate was judged on another frozen set', async () => {
    const measured: string[] = [];
    const decision = await registry.evaluateAndMaybePromote(await candidate('small-set', 0.7, 0.9, 'other'), async (artifact) => {
      measured.push(JSON.parse(artifact.toString()).version);
      return { macroF1: 0.6, seniorRecall: 0.9 } as GroupMetrics;
    });
    expect(measured).toEqual([SHIPPED]);
    expect(decision.promote).toBe(true);
  });

  it('promotes by hand and rolls back step by step', async () => {
    await candidate('b', 0.1, 0.1);
    await candidate('c', 0.1, 0.1);
    await registry.promote(GROUP_HEAD, 'b');
    await registry.promote(GROUP_HEAD, 'c');
    await expect(registry.promote(GROUP_HEAD, 'c')).rejects.toThrow('already active');
    await expect(registry.promote(GROUP_HEAD, 'nope')).rejects.toThrow('No group-head version "nope"');
    expect(await registry.rollback(GROUP_HEAD)).toMatchObject({ version: 'b', status: 'active' });
    expect(await registry.rollback(GROUP_HEAD)).toMatchObject({ version: SHIPPED, status: 'active' });
    await expect(registry.rollback(GROUP_HEAD)).rejects.toThrow('no earlier active version');
    const statuses = Object.fromEntries((await registry.list(GROUP_HEAD)).map((version) => [version.version, version.status]));
    expect(statuses).toEqual({ [SHIPPED]: 'active', b: 'retired', c: 'retired' });
  });

  it('marks a run failed when its process is gone, and leaves live runs running', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const killed = await registry.startRun(GROUP_HEAD);
    await db.updateTable('training_runs').set({ pid: dead }).where('id', '=', killed).execute();
    const live = await registry.startRun(GROUP_HEAD);
    expect(await registry.failAbandonedRuns()).toBe(1);
    const runs = Object.fromEntries((await registry.runs(GROUP_HEAD)).map((run) => [run.id, run]));
    expect(runs[killed]).toMatchObject({ status: 'failed', error: expect.stringContaining('stopped before it finished') });
    expect(runs[live]).toMatchObject({ status: 'running' });
    await registry.finishRun(live, { version: 'x' });
    expect((await registry.runs(GROUP_HEAD)).find((run) => run.id === live)).toMatchObject({ status: 'succeeded', version: 'x' });
  });
});
