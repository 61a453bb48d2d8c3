/** `kiosk recommend eval` as a user runs it: a generated order history, the real CLI, its last-line JSON. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { demoHistory, generateDemoOrders } from '../recommend/demo-orders';
import { orderHistoryCsv } from '../recommend/order-history-csv';
import { demoMenu } from '../test-support/demo-menu';

const run = promisify(execFile);
const KIOSK = path.resolve(import.meta.dirname, '../../bin/kiosk.js');

describe('kiosk recommend', () => {
  it('eval prints the chosen settings, every candidate and both group baselines, and the same as JSON on its last line', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-recommend-eval-'));
    const file = path.join(dir, 'orders.csv');
    const orders = generateDemoOrders(demoMenu(), { days: 20, perDay: 200, seed: 7, end: Date.parse('2025-06-30T20:00:00+09:00'), timeZone: 'Asia/Seoul' });
    fs.writeFileSync(file, orderHistoryCsv(demoHistory(orders)));
    const { stdout } = await run(process.execPath, [KIOSK, 'recommend', 'eval', '--orders', file], { env: { ...process.env, DATA_DIR: dir } });
    const lines = stdout.trim().split('\n');
    const result = JSON.parse(lines.at(-1)!);
    expect(Object.keys(result)).toEqual(['k', 'n', 'hitRate', 'ndcg', 'groupPopularity', 'decayedGroupPopularity', 'overallPopularity', 'settings', 'candidates']);
    expect(result.k).toBe(3);
    expect(result.n).toBe(orders.length - Math.floor(orders.length * 0.8));
    expect(result.hitRate).toBeGreaterThan(result.overallPopularity);
    expect(result.hitRate).toBeGreaterThanOrEqual(Math.max(result.groupPopularity, result.decayedGroupPopularity) - 0.005);
    // Every candidate once, best first, the chosen one among them; the same in words above the JSON.
    expect(result.candidates.length).toBeGreaterThan(40);
    expect(new Set(result.candidates.map((candidate: { settings: string }) => candidate.settings)).size).toBe(result.candidates.length);
    expect(result.candidates.map((candidate: { settings: string }) => candidate.settings)).toContain(result.settings);
    expect(result.candidates[0].hitRate).toBeGreaterThanOrEqual(result.candidates.at(-1).hitRate);
    expect(stdout).toContain(`settings chosen: ${result.settings}, by hit rate@3 on the last `);
    expect(stdout).toMatch(/popularity in the group 0\.\d{3} · the same, decayed \(half-life 7 d\) 0\.\d{3}/);
    expect(lines.filter((line) => /^ {2}0\.\d{3} {2}(no decay|half-life)/.test(line))).toHaveLength(result.candidates.length);

    const { stdout: json } = await run(process.execPath, [KIOSK, 'recommend', 'eval', '--orders', file, '--json'], { env: { ...process.env, DATA_DIR: dir } });
    expect(json.trim().split('\n')).toEqual([lines.at(-1)]);
  });

  it('eval names the line of a bad row in one clear message', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-recommend-eval-'));
    const file = path.join(dir, 'orders.csv');
    fs.writeFileSync(file, 'order_id,created_at,segment,item_id,quantity\n1,2025-06-02T12:00:00Z,unknown,cola,1\n2,2025-06-02T12:05:00Z,children,cola,1\n');
    await expect(run(process.execPath, [KIOSK, 'recommend', 'eval', '--orders', file], { env: { ...process.env, DATA_DIR: dir } })).rejects.toMatchObject({
      stderr: `kiosk: ${file} line 3: segment "children" is not one of senior_male, senior_female, general_male, general_female, unknown.\n`,
    });
  });
});
