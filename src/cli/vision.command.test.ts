/** `kiosk vision eval` and `detect` as a user runs them: a real folder of faces, the real CLI, its last-line JSON. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AAF_DIR } from '../test-support/datasets';

const run = promisify(execFile);
const KIOSK = path.resolve(import.meta.dirname, '../../bin/kiosk.js');
/** Held-out faces from all four groups. */
const FACES = ['07150A70.jpg,70,female', '07152A70.jpg,70,female', '13214A77.jpg,77,male', '09073A28.jpg,28,male', '10004A33.jpg,33,male', '04283A34.jpg,34,female', '05083A39.jpg,39,female'];

function datasetFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-eval-'));
  fs.mkdirSync(path.join(dir, 'images'));
  for (const row of FACES) fs.copyFileSync(path.join(AAF_DIR, 'images', row.split(',')[0]!), path.join(dir, 'images', row.split(',')[0]!));
  fs.writeFileSync(path.join(dir, 'labels.csv'), `file,age,gender\n${FACES.join('\n')}\n`);
  return dir;
}

describe('kiosk vision', () => {
  it('eval prints the metrics as JSON on its last line', { timeout: 120_000 }, async () => {
    const dir = datasetFolder();
    const { stdout } = await run(process.execPath, [KIOSK, 'vision', 'eval', '--data', dir, '--json'], { env: { ...process.env, DATA_DIR: dir } });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ n: FACES.length, noFaceRate: 0 });
    for (const key of ['accuracy', 'macroF1', 'seniorRecall', 'seniorPrecision', 'genderAccuracy', 'msPerImageP50']) expect(typeof result[key]).toBe('number');
    expect(result.confusion).toHaveLength(4);
    expect(result.confusion.every((row: number[]) => row.length === 5)).toBe(true);
    expect(result.confusion.flat().reduce((sum: number, cell: number) => sum + cell, 0)).toBe(FACES.length);
  });

  it('eval refuses a folder without labels.csv with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-eval-'));
    await expect(run(process.execPath, [KIOSK, 'vision', 'eval', '--data', dir])).rejects.toMatchObject({ stderr: expect.stringContaining('has no labels.csv') });
  });

  it('detect prints one decision per photo', { timeout: 120_000 }, async () => {
    const { stdout } = await run(process.execPath, [KIOSK, 'vision', 'detect', path.join(AAF_DIR, 'images', '07150A70.jpg'), path.join(AAF_DIR, 'images', '09073A28.jpg')]);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/07150A70\.jpg\tsenior_female\tconfidence 0\.\d\d/);
    expect(lines[1]).toMatch(/09073A28\.jpg\tgeneral_male\t/);
  });
});
