/**
 * Dataset import and export on real aaf-train faces (a handful, features cached for the file), the
 * real face pipeline, a real database (SQLite, or PostgreSQL with TEST_DATABASE=postgres) and the
 * local file store: each format in, traversal refused with nothing stored, a re-import adding nothing,
 * frozen files skipped, archives imported like their folders (hostile ones refused whole), and
 * export → import into a fresh database giving the same samples.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { groupOf } from '../../domain/customer-group';
import { folderEntries, tarArchive, zipArchive, ZIP_SYMLINK, type ArchiveEntry } from '../../test-support/archives';
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

/** What two imports of the same faces share, whatever their dataset names and times. */
const comparable = (rows: FaceSampleRow[]) => rows.map(({ id, file, group, age, gender, features, source, label_source }) => ({ id, file, group, age, gender, features, source, label_source }));

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

describe('kiosk data import from an archive', () => {
  const archives = folder('archives');
  // The temporary folders are made here, so each test sees that none is left behind.
  const tempDir = folder('unpack');
  fs.mkdirSync(archives);
  fs.mkdirSync(tempDir);
  const archiveFile = (name: string, bytes: Buffer) => {
    const file = path.join(archives, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('imports a .tar.gz wrapped in one top folder (as UTKFace ships, Finder extras beside it) and a flat .zip (a YOLO export) like their folders', { timeout: 120_000 }, async () => {
    const utkface = utkfaceFolder(ROWS);
    const [fromFolder, fromTar] = [await freshStore(), await freshStore()];
    const folderSummary = await fromFolder.import(utkface);
    const finderExtras: ArchiveEntry[] = [
      { name: '__MACOSX/UTKFace/._face.jpg', type: 'file', data: Buffer.from('resource fork') },
      { name: '.DS_Store', type: 'file', data: Buffer.from('finder') },
    ];
    const tgz = archiveFile('utkface.tar.gz', await tarArchive([...folderEntries(utkface, 'UTKFace/'), ...finderExtras], { gzip: true }));
    expect(await fromTar.import(tgz, { archive: { tempDir } })).toEqual({ ...folderSummary, dataset: 'UTKFace' });
    expect(comparable(await fromTar.rows())).toEqual(comparable(await fromFolder.rows()));

    const yolo = yoloFolder(ROWS);
    const [fromYoloFolder, fromZip] = [await freshStore(), await freshStore()];
    const yoloSummary = await fromYoloFolder.import(yolo);
    const zip = archiveFile('yolo-export.zip', zipArchive(folderEntries(yolo)));
    expect(await fromZip.import(zip, { archive: { tempDir } })).toEqual({ ...yoloSummary, dataset: 'yolo-export' });
    expect(comparable(await fromZip.rows())).toEqual(comparable(await fromYoloFolder.rows()));
    expect(fs.readdirSync(tempDir)).toEqual([]);
  });

  describe('refuses the whole archive, storing nothing and leaving no temporary folder', () => {
    // A good csv dataset first, so the refusal comes after files were already unpacked.
    const good = folderEntries(csvDatasetFolder(folder('csv'), ROWS), 'dataset/');
    const image = fs.readFileSync(path.join(AAF_DIR, 'images', ROWS[0]!.file));
    const zip = (...hostile: (ArchiveEntry & { mode?: number })[]) => zipArchive([...good, ...hostile]);
    const tgz = (...hostile: ArchiveEntry[]) => tarArchive([...good, ...hostile], { gzip: true });
    const zeros = (megabytes: number) => Buffer.alloc(megabytes * 1024 ** 2);
    const MB = 1024 ** 2;

    it.each<[string, string, () => Buffer | Promise<Buffer>, RegExp | string, { maxEntries?: number; maxEntryBytes?: number; maxTotalBytes?: number }?]>([
      ['a zip entry climbing out', 'a.zip', () => zip({ name: '../evil.jpg', data: image }), 'invalid relative path: ../evil.jpg'],
      ['a zip entry with an absolute path', 'a.zip', () => zip({ name: '/abs.jpg', data: image }), 'absolute path: /abs.jpg'],
      ['a zip entry with a drive letter', 'a.zip', () => zip({ name: 'C:/evil.jpg', data: image }), 'absolute path: C:/evil.jpg'],
      ['a zip entry with a backslash', 'a.zip', () => zip({ name: 'a\\b.jpg', data: image }), 'invalid characters in fileName: a\\b.jpg'],
      ['a zip holding a path twice', 'a.zip', () => zip({ name: `dataset/images/${ROWS[0]!.file}`, data: image }), `entry "dataset/images/${ROWS[0]!.file}": the archive holds this path twice`],
      ['a zip symlink', 'a.zip', () => zip({ name: 'dataset/images/link.jpg', data: Buffer.from('/etc/passwd'), mode: ZIP_SYMLINK }), 'entry "dataset/images/link.jpg": only plain files and folders are unpacked, this is a symlink'],
      ['a tar entry climbing out after normalisation', 'a.tgz', () => tgz({ name: 'dataset/./../../evil.jpg', data: image }), 'entry "dataset/./../../evil.jpg": a name that climbs out with ".." is not allowed'],
      ['a tar entry with an absolute path', 'a.tgz', () => tgz({ name: '/abs.jpg', data: image }), 'entry "/abs.jpg": an absolute path is not allowed'],
      ['a tar entry with a backslash', 'a.tar.gz', () => tgz({ name: 'a\\b.jpg', data: image }), 'entry "a\\b.jpg": a backslash or NUL is not allowed in a name'],
      ['a tar symlink', 'a.tgz', () => tgz({ name: 'dataset/images/link.jpg', type: 'symlink', linkname: '/etc/passwd' }), 'this is a symlink'],
      ['a tar hardlink', 'a.tgz', () => tgz({ name: 'dataset/images/link.jpg', type: 'link', linkname: `dataset/images/${ROWS[0]!.file}` }), 'this is a link'],
      ['a tar device', 'a.tgz', () => tgz({ name: 'dataset/images/tty.jpg', type: 'character-device' }), 'this is a character-device'],
      ['a tar holding a path twice', 'a.tar', () => tarArchive([...good, { name: 'dataset/labels.csv', data: Buffer.from('file,age,gender\n') }]), 'entry "dataset/labels.csv": the archive holds this path twice'],
      ['a gzip bomb (one file past the limit)', 'bomb.tgz', () => tgz({ name: 'dataset/images/bomb.jpg', data: zeros(8) }), `entry "dataset/images/bomb.jpg": it unpacks to more than ${MB} bytes`, { maxEntryBytes: MB }],
      ['a zip past the total limit', 'big.zip', () => zip({ name: 'dataset/a.bin', data: zeros(1) }, { name: 'dataset/b.bin', data: zeros(1) }), 'entry "dataset/b.bin": the archive unpacks to more than', { maxTotalBytes: 2 * MB }],
      ['too many entries', 'many.tar', () => tarArchive(good), `the archive holds more than ${good.length - 1} entries`, { maxEntries: good.length - 1 }],
      ['a .tgz that is not gzipped', 'plain.tgz', () => tarArchive(good), /is refused, nothing was stored: .*\(read as a tar\.gz archive\)/],
      ['a .zip that is not a zip', 'text.zip', () => Buffer.from('file,age,gender\n'), /is refused, nothing was stored: .*\(read as a zip archive\)/],
      ['a file of another kind', 'dataset.rar', () => Buffer.from('Rar!'), 'is a file but not a dataset archive: give a folder, or a .zip, .tar, .tar.gz or .tgz file'],
    ])('%s', { timeout: 60_000 }, async (_, name, build, message, limits = {}) => {
      const store = await freshStore();
      const file = archiveFile(name, await build());
      await expect(store.import(file, { archive: { tempDir, ...limits } })).rejects.toThrow(message);
      expect(await store.rows()).toEqual([]);
      expect(fs.readdirSync(tempDir)).toEqual([]);
    });
  });
});

describe('kiosk data export', () => {
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
