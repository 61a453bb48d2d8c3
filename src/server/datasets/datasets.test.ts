/**
 * Dataset import and export on real aaf-train faces (a handful, features cached for the file), the
 * real face pipeline, a real database (SQLite, or PostgreSQL with TEST_DATABASE=postgres) and the
 * local file store: each format in, traversal refused with nothing stored, a re-import adding nothing,
 * frozen files skipped, and export → import into a fresh database giving the same samples.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { groupOf } from '../../domain/customer-group';
import { aafRows, aafRowsOf, AAF_DIR, csvDatasetFolder, FROZEN_FILES, type AafRow } from '../../test-support/datasets';
import { freshTestDatabase, type TestDatabase } from '../../test-support/test-database';
import { analyseImage } from '../../vision/dataset/face-dataset';
import { FaceFeatureExtractor } from '../../vision/features/face-features';
import { featuresFromBase64 } from '../../vision/features/feature-codec';
import { FeatureCache } from '../../vision/features/feature-cache';
import { migrateToLatest, openDatabase } from '../db/database';
import type { Database } from '../db/schema';
import { FaceSampleRepository, type FaceSampleRow } from '../repositories/face-sample.repository';
import { LocalFileStore } from '../storage/local-file-store';
import { exportDataset } from './export-dataset';
import { importDataset, type ImportOptions } from './import-dataset';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-datasets-'));
const extractor = new FaceFeatureExtractor();
const cache = new FeatureCache(path.join(work, 'cache'));
const opened: { db: Kysely<Database>; database: TestDatabase }[] = [];
afterAll(async () => {
  await Promise.all(opened.map(async ({ db, database }) => {
    await db.destroy();
    await database.drop();
  }));
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

/** One of each group, aged 15+, outside the frozen set; and one frozen face. */
const ROWS = aafRows({ 'senior-male': 1, 'senior-female': 1, 'general-male': 1, 'general-female': 1 });
const FROZEN_ROW = aafRowsOf([FROZEN_FILES[0]!])[0]!;
const FROZEN = new Set(FROZEN_FILES);
let folders = 0;
const folder = (name: string) => path.join(work, `${name}-${(folders += 1)}`);

/** A fresh store: its own database and file store. */
async function freshStore() {
  const database = await freshTestDatabase();
  const dataDir = folder('store');
  const db = openDatabase({ dataDir, databaseUrl: database.env.DATABASE_URL ?? null });
  await migrateToLatest(db);
  opened.push({ db, database });
  const samples = new FaceSampleRepository(db);
  const files = new LocalFileStore(path.join(dataDir, 'files'));
  const rows = async () => (await db.selectFrom('face_samples').selectAll().orderBy('id').execute()) as FaceSampleRow[];
  const run = (dir: string, options: Partial<ImportOptions> = {}) => importDataset(dir, { seniorAge: 60, frozenFiles: FROZEN, ...options }, { samples, files, extractor, cache });
  return { samples, files, rows, import: run, export: (dir: string, format: string) => exportDataset(dir, format, { samples, files }) };
}

const utkName = (row: AafRow, index: number) => `${row.age}_${row.gender === 'male' ? 0 : 1}_2_2017011617452${index}.jpg.chip.jpg`;

function utkfaceFolder(rows: readonly AafRow[]): string {
  const dir = folder('utkface');
  fs.mkdirSync(dir);
  rows.forEach((row, index) => fs.copyFileSync(path.join(AAF_DIR, 'images', row.file), path.join(dir, utkName(row, index))));
  fs.writeFileSync(path.join(dir, 'README.txt'), 'not an image');
  return dir;
}

/** YOLO with the classes in another order than export writes, a generous face box (head and shoulders photos), one image left unlabelled. */
function yoloFolder(rows: readonly AafRow[]): string {
  const dir = folder('yolo');
  fs.mkdirSync(path.join(dir, 'images'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'labels'));
  fs.writeFileSync(path.join(dir, 'data.yaml'), "train: ../elsewhere/images\nnc: 4\nnames: ['Normal,W', 'Normal,M', 'Senior,W', 'Senior,M']\n");
  const classOf = (row: AafRow) => ['general_female', 'general_male', 'senior_female', 'senior_male'].indexOf(groupOf(row.age, row.gender));
  for (const row of rows) {
    fs.copyFileSync(path.join(AAF_DIR, 'images', row.file), path.join(dir, 'images', row.file));
    fs.writeFileSync(path.join(dir, 'labels', row.file.replace('.jpg', '.txt')), `${classOf(row)} 0.5 0.55 0.7 0.6\n`);
  }
  fs.copyFileSync(path.join(AAF_DIR, 'images', FROZEN_ROW.file), path.join(dir, 'images', 'unlabelled.jpg'));
  return dir;
}

describe('kiosk data import', () => {
  it('imports labels.csv faces with their features and images, skips frozen files, and adds nothing the second time', { timeout: 180_000 }, async () => {
    const store = await freshStore();
    const dir = csvDatasetFolder(folder('csv'), [...ROWS, FROZEN_ROW]);
    const progress: number[] = [];
    const summary = await store.import(dir, { name: 'aaf-sample', onProgress: (done) => progress.push(done) });
    expect(summary).toEqual({ dataset: 'aaf-sample', format: 'csv', images: 5, added: 4, alreadyStored: 0, frozen: 1, noFace: 0, unlabelled: 0 });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    const rows = await store.rows();
    expect(rows.map((row) => row.file).sort()).toEqual(ROWS.map((row) => row.file).sort());
    expect(rows.some((row) => row.file === FROZEN_ROW.file)).toBe(false);
    for (const row of rows) {
      const truth = ROWS.find((face) => face.file === row.file)!;
      expect(row).toMatchObject({ source: 'import', label_source: 'import', dataset: 'aaf-sample', age: truth.age, gender: truth.gender, group: groupOf(truth.age, truth.gender, 60), decision_id: null });
      expect(featuresFromBase64(row.features).embedding).toHaveLength(1024);
      expect((await store.files.get(row.image_key!))!.data.equals(fs.readFileSync(path.join(AAF_DIR, 'images', row.file!)))).toBe(true);
    }
    // Again, under another name: the same images are the same samples.
    expect(await store.import(dir, { name: 'again' })).toMatchObject({ added: 0, alreadyStored: 4, frozen: 1 });
    expect(await store.rows()).toEqual(rows);
  });

  it('groups by the senior age it is given', { timeout: 60_000 }, async () => {
    const store = await freshStore();
    const fifties = ROWS.filter((row) => row.age < 60).map((row) => ({ ...row, age: 55 }));
    await store.import(csvDatasetFolder(folder('csv'), fifties), { seniorAge: 50 });
    expect((await store.rows()).map((row) => row.group).sort()).toEqual(['senior_female', 'senior_male']);
  });

  it('reads UTKFace names (age, gender 0 male / 1 female) and passes over other files', { timeout: 60_000 }, async () => {
    const store = await freshStore();
    const summary = await store.import(utkfaceFolder(ROWS));
    expect(summary).toMatchObject({ format: 'utkface', images: 4, added: 4 });
    const rows = await store.rows();
    expect(rows.map((row) => [row.file, row.age, row.gender, row.group]).sort()).toEqual(ROWS.map((row, index) => [utkName(row, index), row.age, row.gender, groupOf(row.age, row.gender, 60)]).sort());
  });

  it('reads YOLO classes by their names, crops the labelled box, and counts unlabelled images', { timeout: 60_000 }, async () => {
    const store = await freshStore();
    const summary = await store.import(yoloFolder(ROWS));
    expect(summary).toMatchObject({ format: 'yolo', images: 4, added: 4, unlabelled: 1 });
    for (const row of await store.rows()) {
      const truth = ROWS.find((face) => face.file === row.file)!;
      expect(row).toMatchObject({ age: null, gender: truth.gender, group: groupOf(truth.age, truth.gender, 60) });
      // Found in the crop, placed back in the whole image's pixels: where the detector finds it in the whole image.
      const { box } = featuresFromBase64(row.features);
      const whole = (await analyseImage(fs.readFileSync(path.join(AAF_DIR, 'images', row.file!)), extractor, cache)).features!.box;
      expect(Math.abs(box.x - whole.x)).toBeLessThan(0.1 * whole.width);
      expect(Math.abs(box.y - whole.y)).toBeLessThan(0.1 * whole.height);
    }
  });

  it('counts a photo without a face and stores nothing for it', { timeout: 60_000 }, async () => {
    const store = await freshStore();
    const dir = csvDatasetFolder(folder('csv'), ROWS.slice(0, 1));
    await sharp({ create: { width: 320, height: 320, channels: 3, background: '#8aa' } }).jpeg().toFile(path.join(dir, 'images', 'wall.jpg'));
    fs.appendFileSync(path.join(dir, 'labels.csv'), 'wall.jpg,40,female\n');
    expect(await store.import(dir)).toMatchObject({ images: 2, added: 1, noFace: 1 });
    expect((await store.rows()).map((row) => row.file)).toEqual([ROWS[0]!.file]);
  });

  describe('refuses, storing nothing', () => {
    const outside = path.join(work, 'outside.jpg');
    fs.copyFileSync(path.join(AAF_DIR, 'images', ROWS[0]!.file), outside);

    it.each([
      ['a name that climbs out', (dir: string) => fs.appendFileSync(path.join(dir, 'labels.csv'), '../../outside.jpg,30,male\n'), /line 6: "\.\.\/\.\.\/outside\.jpg" is not a plain file name/],
      ['an absolute path', (dir: string) => fs.appendFileSync(path.join(dir, 'labels.csv'), `${outside},30,male\n`), /line 6: .* is not a plain file name/],
      ['a symlink to outside the folder', (dir: string) => {
        fs.symlinkSync(outside, path.join(dir, 'images', 'link.jpg'));
        fs.appendFileSync(path.join(dir, 'labels.csv'), 'link.jpg,30,male\n');
      }, /line 6: images\/link\.jpg leads outside the dataset folder/],
      ['a missing image', (dir: string) => fs.appendFileSync(path.join(dir, 'labels.csv'), 'gone.jpg,30,male\n'), /line 6: images\/gone\.jpg does not exist/],
      ['a malformed row', (dir: string) => fs.appendFileSync(path.join(dir, 'labels.csv'), `${ROWS[0]!.file},thirty,male\n`), /line 6: age "thirty"/],
    ])('a labels.csv with %s', { timeout: 60_000 }, async (_, spoil, message) => {
      const store = await freshStore();
      const dir = csvDatasetFolder(folder('csv'), ROWS);
      spoil(dir);
      await expect(store.import(dir)).rejects.toThrow(message);
      expect(await store.rows()).toEqual([]);
    });

    it('a YOLO dataset with a label symlinked from outside, a bad line or an unknown class', { timeout: 60_000 }, async () => {
      const store = await freshStore();
      const dir = yoloFolder(ROWS);
      const labels = fs.readdirSync(path.join(dir, 'labels')).sort();
      fs.writeFileSync(path.join(work, 'outside.txt'), '0 0.5 0.5 0.5 0.5\n');
      fs.rmSync(path.join(dir, 'labels', labels[0]!));
      fs.symlinkSync(path.join(work, 'outside.txt'), path.join(dir, 'labels', labels[0]!));
      fs.writeFileSync(path.join(dir, 'labels', labels[1]!), '\n2 0.5 0.5 1.5 0.5\n');
      fs.writeFileSync(path.join(dir, 'labels', labels[2]!), '7 0.5 0.5 0.5 0.5\n');
      const refused = store.import(dir);
      await expect(refused).rejects.toThrow(`labels/${labels[0]} leads outside the dataset folder`);
      await expect(refused).rejects.toThrow(`labels/${labels[1]} line 2: the box must be shares of the image`);
      await expect(refused).rejects.toThrow(`labels/${labels[2]} line 1: class 7 is not one of data.yaml's 4 names`);
      expect(await store.rows()).toEqual([]);
    });

    it('a UTKFace folder with an image symlinked from outside, or a name that is not UTKFace', { timeout: 60_000 }, async () => {
      const store = await freshStore();
      const dir = utkfaceFolder(ROWS);
      fs.symlinkSync(outside, path.join(dir, '30_0_1_20170116174525999.jpg'));
      fs.copyFileSync(outside, path.join(dir, 'holiday.jpg'));
      const refused = store.import(dir);
      await expect(refused).rejects.toThrow('30_0_1_20170116174525999.jpg leads outside the dataset folder');
      await expect(refused).rejects.toThrow('holiday.jpg: not a UTKFace name');
      expect(await store.rows()).toEqual([]);
    });
  });
});

describe('kiosk data export', () => {
  const comparable = (rows: FaceSampleRow[]) => rows.map(({ id, file, group, age, gender, features, source, label_source }) => ({ id, file, group, age, gender, features, source, label_source }));

  it('writes labels.csv + images that import into a fresh database as the same samples', { timeout: 120_000 }, async () => {
    const first = await freshStore();
    await first.import(csvDatasetFolder(folder('csv'), ROWS));
    const out = folder('export-csv');
    expect(await first.export(out, 'csv')).toEqual({ format: 'csv', written: 4, noImage: 0, noAge: 0 });
    expect(fs.readFileSync(path.join(out, 'labels.csv'), 'utf8').split('\n')[0]).toBe('file,age,gender');
    const second = await freshStore();
    expect(await second.import(out)).toMatchObject({ format: 'csv', added: 4 });
    expect(comparable(await second.rows())).toEqual(comparable(await first.rows()));
    await expect(first.export(out, 'csv')).rejects.toThrow('is not empty');
  });

  it('writes YOLO (data.yaml, images, the found face box) that imports as the same faces and groups; csv leaves out ageless samples', { timeout: 120_000 }, async () => {
    const first = await freshStore();
    await first.import(csvDatasetFolder(folder('csv'), ROWS));
    const out = folder('export-yolo');
    expect(await first.export(out, 'yolo')).toEqual({ format: 'yolo', written: 4, noImage: 0, noAge: 0 });
    expect(fs.readFileSync(path.join(out, 'data.yaml'), 'utf8')).toContain("names: ['Senior,M', 'Senior,W', 'Normal,M', 'Normal,W']");
    const second = await freshStore();
    expect(await second.import(out)).toMatchObject({ format: 'yolo', added: 4, unlabelled: 0 });
    const [before, after] = [await first.rows(), await second.rows()];
    expect(after.map(({ id, file, group, gender }) => ({ id, file, group, gender }))).toEqual(before.map(({ id, file, group, gender }) => ({ id, file, group, gender })));
    for (const [index, row] of after.entries()) {
      // Found again in the crop around the exported box: the same face, in the same place.
      const [a, b] = [featuresFromBase64(before[index]!.features), featuresFromBase64(row.features)];
      expect(Math.abs(a.box.x - b.box.x)).toBeLessThan(0.1 * a.box.width);
      expect(Math.abs(a.box.y - b.box.y)).toBeLessThan(0.1 * a.box.height);
    }
    // YOLO knows no age: a csv export of those samples has nothing to write.
    expect(await second.export(folder('export-csv'), 'csv')).toEqual({ format: 'csv', written: 0, noImage: 0, noAge: 4 });
  });
});
