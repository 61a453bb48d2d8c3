/** `kiosk data import | export` as a user runs them: the real CLI on a few aaf-train faces, a refusal on stderr, counts as the last line's JSON. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { folderEntries, tarArchive, zipArchive, ZIP_SYMLINK } from '../test-support/archives';
import { aafRows, csvDatasetFolder } from '../test-support/datasets';

const run = promisify(execFile);
const KIOSK = path.resolve(import.meta.dirname, '../../bin/kiosk.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-data-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Its own temporary folder, so a test sees that an archive's unpacked copy is removed.
/** Where the CLI unpacks archives: on the data disk, not the system's temp folder. */
const tmpDir = path.join(dataDir, 'tmp');
const kiosk = async (...args: string[]) => (await run(process.execPath, [KIOSK, 'data', ...args], { env: { ...process.env, DATA_DIR: dataDir } })).stdout.trim();
const lastJson = (stdout: string) => JSON.parse(stdout.split('\n').at(-1)!) as Record<string, unknown>;
const storedFiles = () => {
  const db = new SQLite(path.join(dataDir, 'kiosk.sqlite'), { readonly: true });
  const files = (db.prepare('select file from face_samples order by file').all() as { file: string }[]).map((row) => row.file);
  db.close();
  return files;
};

describe('kiosk data', () => {
  const rows = aafRows({ 'senior-male': 1, 'senior-female': 1, 'general-male': 1, 'general-female': 1 });

  it('refuses a labels.csv naming a file outside the folder, on stderr with its line, and stores nothing', { timeout: 120_000 }, async () => {
    const dir = csvDatasetFolder(path.join(dataDir, 'bad'), rows);
    fs.appendFileSync(path.join(dir, 'labels.csv'), '../../kiosk.sqlite,30,male\n');
    await expect(kiosk('import', dir)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('labels.csv line 6: "../../kiosk.sqlite" is not a plain file name') });
    expect(storedFiles()).toEqual([]);
  });

  it('imports with the format guessed, prints the counts, and exports them again', { timeout: 120_000 }, async () => {
    const dir = csvDatasetFolder(path.join(dataDir, 'good'), rows);
    expect(lastJson(await kiosk('import', dir, '--json'))).toEqual({ dataset: 'good', format: 'csv', images: 4, added: 4, alreadyStored: 0, frozen: 0, noFace: 0, unlabelled: 0 });
    expect(storedFiles()).toEqual(rows.map((row) => row.file).sort());
    const out = path.join(dataDir, 'exported');
    expect(lastJson(await kiosk('export', out, '--format', 'yolo', '--json'))).toEqual({ format: 'yolo', written: 4, noImage: 0, noAge: 0 });
    expect(fs.readdirSync(path.join(out, 'labels'))).toHaveLength(4);
  });

  it('imports a .tar.gz holding one top folder by that folder\'s name, refuses a zip with a symlink, and leaves no unpacked copy', { timeout: 120_000 }, async () => {
    const dir = csvDatasetFolder(path.join(dataDir, 'to-archive'), rows);
    const zip = path.join(dataDir, 'linked.zip');
    fs.writeFileSync(zip, zipArchive([...folderEntries(dir), { name: 'images/link.jpg', data: Buffer.from('/etc/passwd'), mode: ZIP_SYMLINK }]));
    await expect(kiosk('import', zip)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('entry "images/link.jpg": only plain files and folders are unpacked, this is a symlink') });
    const tgz = path.join(dataDir, 'archived.tgz');
    fs.writeFileSync(tgz, await tarArchive(folderEntries(dir, 'faces/'), { gzip: true }));
    // Added, or already stored when the folder test above ran first: the same faces either way.
    expect(lastJson(await kiosk('import', tgz, '--json'))).toMatchObject({ dataset: 'faces', format: 'csv', images: 4, noFace: 0 });
    expect(storedFiles()).toEqual(rows.map((row) => row.file).sort());
    expect(fs.readdirSync(tmpDir).filter((name) => name.startsWith('kiosk-dataset-'))).toEqual([]);
  });
});
