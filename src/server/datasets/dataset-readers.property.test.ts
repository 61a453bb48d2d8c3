/**
 * The dataset readers under random and hostile folders (property-based, fast-check): whatever
 * labels.csv, data.yaml, YOLO label files or UTKFace file names hold, a reader either lists entries
 * that are real image files inside the folder with valid labels, or refuses the whole folder with a
 * DatasetError that says why. Nothing else: no other exception, and no path that leaves the folder.
 * Archives likewise: whatever names and kinds their entries have, unpacking writes only plain files
 * inside its temporary folder, or refuses with a DatasetError, and removes the folder either way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FACE_GROUPS } from '../../domain/customer-group';
import { tarArchive, zipArchive, ZIP_SYMLINK, type ArchiveEntry } from '../../test-support/archives';
import { withUnpackedArchive } from './dataset-archive';
import { DatasetError, type DatasetEntry } from './dataset-entry';
import { readDataset } from './read-dataset';
import { YOLO_NAMES } from './yolo-dataset';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-hostile-datasets-'));
/** A file outside every dataset folder: the target of traversal attempts. */
const SECRET = path.join(work, 'secret.jpg');
fs.writeFileSync(SECRET, 'not yours');
const tried = { csv: 0, yolo: 0, utkface: 0, refused: 0, archives: 0, archivesRefused: 0 };
afterAll(() => {
  console.log(`dataset reader property tests: ${tried.csv + tried.yolo + tried.utkface} hostile folders (${tried.csv} csv, ${tried.yolo} YOLO, ${tried.utkface} UTKFace), ${tried.refused} refused with a DatasetError, none read outside its folder`);
  console.log(`dataset archive property tests: ${tried.archives} hostile archives, ${tried.archivesRefused} refused with a DatasetError, none wrote outside its temporary folder`);
  fs.rmSync(work, { recursive: true, force: true });
});

let folders = 0;
function folder(files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = path.join(work, `set-${(folders += 1)}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  for (const [name, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.symlinkSync(target, path.join(root, name));
  }
  fs.mkdirSync(root, { recursive: true });
  return root;
}

/** Either a listing whose every entry is a regular file inside the folder with a valid label, or a DatasetError. */
async function expectSafe(root: string, format: string): Promise<void> {
  let entries: DatasetEntry[];
  try {
    entries = (await readDataset(root, format)).entries;
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    tried.refused += 1;
    return;
  }
  const realRoot = fs.realpathSync(root);
  for (const entry of entries) {
    expect(entry.path.startsWith(`${realRoot}${path.sep}`), entry.path).toBe(true);
    expect(fs.statSync(entry.path).isFile()).toBe(true);
    if ('group' in entry.label) expect(FACE_GROUPS).toContain(entry.label.group);
    else {
      expect(Number.isInteger(entry.label.age) && entry.label.age >= 0 && entry.label.age <= 130).toBe(true);
      expect(['female', 'male']).toContain(entry.label.gender);
    }
    if (entry.box) for (const value of Object.values(entry.box)) expect(Number.isFinite(value)).toBe(true);
  }
}

const hostileName = fc.oneof(
  fc.constantFrom('../secret.jpg', '../../secret.jpg', '/etc/passwd', 'a/../../secret.jpg', '..\\secret.jpg', '', '.', 'images', '%2e%2e/secret.jpg', 'ok.jpg\u0000.png', '😀.jpg', 'x'.repeat(300) + '.jpg'),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('face.jpg', 'link.jpg'),
);
const hostileField = fc.oneof(fc.constantFrom('', '-1', '200', '1e3', 'NaN', '42.5', ' 30', 'male', 'female', 'Female', 'x', '"', '=cmd()', '0x1F'), fc.string({ maxLength: 12 }));

describe('the dataset readers with random and hostile folders', { timeout: 120_000 }, () => {
  it('labels.csv: lists only files inside the folder, or refuses the folder', async () => {
    const row = fc.tuple(hostileName, hostileField, hostileField).map((fields) => fields.join(','));
    const csv = fc.oneof(
      fc.array(row, { maxLength: 6 }).map((rows) => ['file,age,gender', ...rows].join('\n')),
      fc.string({ maxLength: 200 }),
      fc.constantFrom('', 'file,age,gender', 'file;age;gender\nface.jpg;30;male', '\uFEFFfile,age,gender\nface.jpg,30,male', 'file,age,gender\r\nface.jpg,30,male\r\n'),
    );
    await fc.assert(
      fc.asyncProperty(csv, async (labels) => {
        tried.csv += 1;
        await expectSafe(folder({ 'labels.csv': labels, 'images/face.jpg': 'jpeg' }, { 'images/link.jpg': SECRET }), 'csv');
      }),
      { numRuns: 150 },
    );
  });

  it('YOLO: data.yaml and label lines of any kind are listed safely or refused', async () => {
    const yaml = fc.oneof(
      fc.constant(`names: ${JSON.stringify(YOLO_NAMES)}\n`),
      fc.constantFrom('names: []', 'names: 3', 'names: [a, b]', ': : :', 'names: &a [*a]', 'names:\n  0: Senior,M\n  1: Senior,W\n  2: Normal,M\n  3: Normal,W', '{{{{'),
      fc.string({ maxLength: 80 }),
    );
    const number = fc.oneof(fc.double({ noNaN: false }).map(String), fc.constantFrom('0.5', '1', '0', '-0.1', '1.5', 'nan', 'inf', ''));
    const line = fc.oneof(fc.tuple(fc.oneof(fc.integer({ min: -2, max: 6 }).map(String), fc.string({ maxLength: 3 })), number, number, number, number).map((fields) => fields.join(' ')), fc.string({ maxLength: 40 }));
    const labelFile = fc.array(line, { maxLength: 3 }).map((lines) => lines.join('\n'));
    await fc.assert(
      fc.asyncProperty(yaml, labelFile, labelFile, async (dataYaml, label, linkLabel) => {
        tried.yolo += 1;
        // The second image is a symlink out of the folder, with a label of its own.
        await expectSafe(folder({ 'data.yaml': dataYaml, 'images/face.jpg': 'jpeg', 'labels/face.txt': label, 'labels/link.txt': linkLabel }, { 'images/link.jpg': SECRET }), 'yolo');
      }),
      { numRuns: 150 },
    );
  });

  it('UTKFace: file names of any kind are listed safely or refused', async () => {
    const utkName = fc.oneof(
      fc.tuple(hostileField, hostileField, hostileField, hostileField).map((fields) => `${fields.join('_')}.jpg`),
      fc.constantFrom('30_0_2_20170116.jpg', '30_1_2_20170116.jpg.chip.jpg', '999_0_0_1.jpg', '-5_1_0_1.jpg', '30_2_0_1.jpg', '.jpg', '30_0.jpg'),
      fc.string({ maxLength: 30 }).map((name) => `${name}.jpg`),
    );
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(utkName, { maxLength: 4 }), async (names) => {
        tried.utkface += 1;
        const files = Object.fromEntries(names.filter((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..').map((name) => [name, 'jpeg']));
        await expectSafe(folder(files, { '31_1_0_2017.jpg': SECRET }), 'utkface');
      }),
      { numRuns: 150 },
    );
  });

  it('archives: entries of any name and kind unpack only inside the temporary folder, or refuse the archive', async () => {
    const entry = fc.record({
      name: fc.oneof(hostileName, fc.constantFrom('a/./../../secret.jpg', 'images/', 'images/face.jpg', './', 'C:/secret.jpg', 'images//face.jpg', 'images/face.jpg/')),
      kind: fc.constantFrom('file', 'file', 'file', 'directory', 'symlink', 'link'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 6 }), fc.constantFrom('tar', 'zip'), async (entries, format) => {
        tried.archives += 1;
        const parent = path.join(work, `unpack-${(folders += 1)}`);
        // One level down, so an entry climbing one or two levels out would land where this test looks.
        const tempDir = path.join(parent, 'temp');
        fs.mkdirSync(tempDir, { recursive: true });
        const archived: ArchiveEntry[] = entries.map(({ name, kind }) => (kind === 'symlink' || kind === 'link' ? { name, type: kind, linkname: SECRET } : kind === 'directory' ? { name: `${name}/`, type: kind } : { name, type: kind, data: Buffer.from('jpeg') }));
        const file = path.join(parent, `set.${format}`);
        fs.writeFileSync(file, format === 'tar' ? await tarArchive(archived) : zipArchive(archived.map((item) => (item.linkname ? { ...item, data: Buffer.from(SECRET), mode: ZIP_SYMLINK } : item))));
        try {
          await withUnpackedArchive(file, { tempDir }, async ({ root }) => {
            const temp = path.join(tempDir, fs.readdirSync(tempDir)[0]!);
            expect(root.startsWith(temp)).toBe(true);
            // Everything beside the archive itself: inside the temporary folder, and only files and folders.
            for (const item of fs.readdirSync(parent, { recursive: true, withFileTypes: true })) {
              const where = path.join(item.parentPath, item.name);
              if (where === file || where === tempDir || where === temp) continue;
              expect(where.startsWith(`${temp}${path.sep}`), where).toBe(true);
              expect(item.isFile() || item.isDirectory(), where).toBe(true);
            }
          });
        } catch (error) {
          expect(error).toBeInstanceOf(DatasetError);
          tried.archivesRefused += 1;
        }
        expect(fs.readdirSync(tempDir)).toEqual([]);
        expect(fs.readdirSync(parent).sort()).toEqual([`set.${format}`, 'temp']);
        expect(fs.readFileSync(SECRET, 'utf8')).toBe('not yours');
      }),
      { numRuns: 150 },
    );
  });
});
