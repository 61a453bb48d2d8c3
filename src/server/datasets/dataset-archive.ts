/**
 * Dataset archives (.zip, .tar, .tar.gz/.tgz) unpacked into a fresh temporary folder for the folder
 * importer. Every entry is checked as it comes: a name that is absolute, has a drive letter or a
 * backslash, or climbs out with `..`; a link, device or anything else that is not a plain file or
 * folder; a path seen twice; too many entries; or too many bytes (counted as written, not as the
 * header claims, so a zip or gzip bomb stops at the limit) refuse the WHOLE archive: the temporary
 * folder is removed and nothing is imported.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tarStream from 'tar-stream';
import yauzl from 'yauzl';
import { DatasetError } from './dataset-entry';

export type ArchiveLimits = {
  maxEntries: number;
  /** Bytes of any one unpacked file. */
  maxEntryBytes: number;
  /** Bytes of all unpacked files together. */
  maxTotalBytes: number;
};

/** Room for UTKFace-sized and bigger sets, never for a bomb: 500,000 entries, 50 MB a file, 20 GiB in all. */
const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxEntries: 500_000, maxEntryBytes: 50 * 1024 ** 2, maxTotalBytes: 20 * 1024 ** 3 };

export type ArchiveOptions = Partial<ArchiveLimits> & {
  /** Where the temporary folder is made: the system's temp folder when not given. */
  tempDir?: string;
};

export type UnpackedArchive = {
  /** The folder to import: the only top folder when the archive wraps everything in one. */
  root: string;
  /** The dataset's default name: that top folder's name, else the archive's name without its extension. */
  name: string;
};

const FORMATS = [
  ['.tar.gz', 'tar.gz'],
  ['.tgz', 'tar.gz'],
  ['.tar', 'tar'],
  ['.zip', 'zip'],
] as const;
type ArchiveFormat = (typeof FORMATS)[number][1];

/** Unpacks `file`, runs `use` on the unpacked dataset, and removes the temporary folder afterwards, also on error. */
export async function withUnpackedArchive<T>(file: string, options: ArchiveOptions, use: (unpacked: UnpackedArchive) => Promise<T>): Promise<T> {
  const known = FORMATS.find(([extension]) => file.toLowerCase().endsWith(extension));
  if (!known) throw new DatasetError(`${file} is a file but not a dataset archive: give a folder, or a .zip, .tar, .tar.gz or .tgz file.`);
  const [extension, format] = known;
  const parent = options.tempDir ?? os.tmpdir();
  await fs.mkdir(parent, { recursive: true });
  const temp = await fs.mkdtemp(path.join(parent, 'kiosk-dataset-'));
  try {
    await unpackInto(file, format, temp, { ...DEFAULT_ARCHIVE_LIMITS, ...options });
    return await use(await datasetIn(temp, path.basename(file).slice(0, -extension.length)));
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}

async function unpackInto(file: string, format: ArchiveFormat, temp: string, limits: ArchiveLimits): Promise<void> {
  const writer = new EntryWriter(temp, limits);
  try {
    if (format === 'zip') await unpackZip(file, writer);
    else await unpackTar(file, format === 'tar.gz', writer);
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(`${file} is refused, nothing was stored: ${(error as Error).message} (read as a ${format} archive).`);
  }
}

async function unpackZip(file: string, writer: EntryWriter): Promise<void> {
  // yauzl refuses absolute, backslash and `..` names itself (an error naming the entry); EntryWriter checks again.
  const zip = await yauzl.openPromise(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, autoClose: true });
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        writer
          .write(entry.fileName, zipEntryKind(entry), () => zip.openReadStreamPromise(entry))
          .then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

const UNIX_TYPES: Record<number, string> = { 0o100000: 'file', 0o040000: 'directory', 0o120000: 'a symlink', 0o020000: 'a character-device', 0o060000: 'a block-device', 0o010000: 'a fifo', 0o140000: 'a socket' };

/** Zips made on Unix keep the file type in the high half of the external attributes; others (DOS) say only "folder" by a trailing slash. */
function zipEntryKind(entry: yauzl.Entry): string {
  const folder = entry.fileName.endsWith('/') ? 'directory' : 'file';
  const type = entry.versionMadeBy >> 8 === 3 ? (entry.externalFileAttributes >>> 16) & 0o170000 : 0;
  if (type === 0) return folder;
  const kind = UNIX_TYPES[type] ?? `an entry of Unix type ${type.toString(8)}`;
  // A folder name with a file's mode (or the other way round) is not what it claims to be.
  return kind === 'file' || kind === 'directory' ? (kind === folder ? kind : `a ${kind} named like a ${folder}`) : kind;
}

async function unpackTar(file: string, gzipped: boolean, writer: EntryWriter): Promise<void> {
  const extract = tarStream.extract();
  const feeding = gzipped ? pipeline(createReadStream(file), createGunzip(), extract) : pipeline(createReadStream(file), extract);
  // A read or gunzip error also ends the entries below with it: reported there, not unhandled here.
  feeding.catch(() => undefined);
  for await (const entry of extract) {
    const { name, type } = entry.header;
    await writer.write(name, type === 'file' || type === 'directory' ? type : `a ${type}`, async () => entry);
    entry.resume();
  }
  await feeding;
}

/** Checks each entry's name and kind, and writes files while counting their bytes against the limits. */
class EntryWriter {
  private readonly seen = new Set<string>();
  private entries = 0;
  private totalBytes = 0;

  constructor(
    private readonly root: string,
    private readonly limits: ArchiveLimits,
  ) {}

  async write(name: string, kind: string, open: () => Promise<AsyncIterable<unknown>>): Promise<void> {
    if ((this.entries += 1) > this.limits.maxEntries) throw refused(name, `the archive holds more than ${this.limits.maxEntries} entries`);
    const relative = safeRelativePath(name);
    if (kind !== 'file' && kind !== 'directory') throw refused(name, `only plain files and folders are unpacked, this is ${kind}`);
    if (relative === '') return; // `./`: the archive's own root.
    if (this.seen.has(relative)) throw refused(name, 'the archive holds this path twice');
    this.seen.add(relative);
    const target = path.join(this.root, relative);
    try {
      if (kind === 'directory') {
        await fs.mkdir(target, { recursive: true });
        return;
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      // `wx`: never over an existing file, whatever the names above missed.
      await pipeline(await open(), this.counter(name), createWriteStream(target, { flags: 'wx' }));
    } catch (error) {
      if (error instanceof DatasetError) throw error;
      throw refused(name, `it could not be unpacked (${(error as Error).message})`);
    }
  }

  /** Passes bytes through, failing once the entry or the whole archive is over its limit. */
  private counter(name: string): Transform {
    let entryBytes = 0;
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        entryBytes += chunk.length;
        this.totalBytes += chunk.length;
        if (entryBytes > this.limits.maxEntryBytes) done(refused(name, `it unpacks to more than ${this.limits.maxEntryBytes} bytes`));
        else if (this.totalBytes > this.limits.maxTotalBytes) done(refused(name, `the archive unpacks to more than ${this.limits.maxTotalBytes} bytes`));
        else done(null, chunk);
      },
    });
  }
}

/** The entry's path relative to the archive root (`''` for the root itself), or a refusal naming it. */
function safeRelativePath(name: string): string {
  if (name.includes('\\') || name.includes('\0')) throw refused(name, 'a backslash or NUL is not allowed in a name');
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw refused(name, 'an absolute path is not allowed');
  // Any `..` at all, even one that normalises away (`a/../b`): no honest dataset needs it.
  if (name.split('/').includes('..')) throw refused(name, 'a name that climbs out with ".." is not allowed');
  const normalised = path.posix.normalize(name).replace(/\/+$/, '');
  return normalised === '.' ? '' : normalised;
}

function refused(name: string, why: string): DatasetError {
  return new DatasetError(`The archive is refused, nothing was stored: entry "${name}": ${why}.`);
}

/** What macOS's Finder adds beside an archive's content: not part of the dataset. */
const FINDER_EXTRAS = new Set(['__MACOSX', '.DS_Store']);

/** The only top folder when the archive wraps everything in one (`UTKFace/…`), else the unpacked root itself. */
async function datasetIn(temp: string, archiveName: string): Promise<UnpackedArchive> {
  const top = (await fs.readdir(temp, { withFileTypes: true })).filter((entry) => !FINDER_EXTRAS.has(entry.name));
  const only = top.length === 1 && top[0]!.isDirectory() ? top[0]!.name : null;
  return only ? { root: path.join(temp, only), name: only } : { root: temp, name: archiveName };
}
