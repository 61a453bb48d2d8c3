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
  it('eval prints k, n, hit rate, baseline hit rate and NDCG as JSON on its last line', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-recommend-eval-'));
    const file = path.join(dir, 'orders.csv');
    const orders = generateDemoOrders(demoMenu(), { days: 20, perDay: 200, seed: 7, end: Date.parse('2025-06-30T20:00:00+09:00'), timeZone: 'Asia/Seoul' });
    fs.writeFileSync(file, orderHistoryCsv(demoHistory(orders)));
    const { stdout } = await run(process.execPath, [KIOSK, 'recommend', 'eval', '--orders', file, '--json'], { env: { ...process.env, DATA_DIR: dir } });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result)).toEqual(['k', 'n', 'hitRate', 'baselineHitRate', 'ndcg']);
    expect(result.k).toBe(3);
    expect(result.n).toBe(orders.length - Math.floor(orders.length * 0.8));
    expect(result.hitRate).toBeGreaterThan(result.baselineHitRate);
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
