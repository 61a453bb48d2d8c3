/**
 * Dataset archives built in the tests, good and hostile: tar (tar-stream's pack, gzipped by zlib) and
 * zip (a tiny writer of stored entries, so a test can put any name or file type in it and needs no
 * `zip` program on the machine).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { crc32, gzipSync } from 'node:zlib';
import tarStream from 'tar-stream';

export type ArchiveEntry = {
  /** The name exactly as stored; a trailing `/` makes a folder. */
  name: string;
  data?: Buffer;
  /** Tar: the entry type (default file or directory by the name). */
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device' | 'fifo';
  linkname?: string;
};

/** Every file and folder under `dir`, named `prefix` + its path inside. */
export function folderEntries(dir: string, prefix = ''): ArchiveEntry[] {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((item) => {
    const name = `${prefix}${item.name}`;
    const full = path.join(dir, item.name);
    return item.isDirectory() ? [{ name: `${name}/` }, ...folderEntries(full, `${name}/`)] : [{ name, data: fs.readFileSync(full) }];
  });
}

export async function tarArchive(entries: readonly ArchiveEntry[], { gzip = false } = {}): Promise<Buffer> {
  const pack = tarStream.pack();
  const packed = buffer(pack);
  for (const entry of entries) {
    const type = entry.type ?? (entry.name.endsWith('/') ? 'directory' : 'file');
    pack.entry({ name: entry.name, type, ...(entry.linkname ? { linkname: entry.linkname } : {}) }, entry.data ?? Buffer.alloc(0));
  }
  pack.finalize();
  const tar = await packed;
  return gzip ? gzipSync(tar) : tar;
}

/** Unix file modes for zip entries' external attributes. */
export const ZIP_FILE = 0o100644;
export const ZIP_SYMLINK = 0o120777;

/** A zip of stored (uncompressed) entries, made on "Unix" so each entry's mode says its type. */
export function zipArchive(entries: readonly (ArchiveEntry & { mode?: number })[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.data ?? Buffer.alloc(0);
    const mode = entry.mode ?? (entry.name.endsWith('/') ? 0o040755 : ZIP_FILE);
    // Shared by the local header (from offset 4) and the central directory entry (from offset 6).
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0
    common.writeUInt16LE(0x0800, 2); // names in UTF-8
    common.writeUInt16LE(0, 4); // stored
    common.writeUInt16LE(0, 6); // time 00:00
    common.writeUInt16LE(0x21, 8); // date 1980-01-01
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(0, 24); // no extra field
    const local = Buffer.concat([u32(0x04034b50), common, name, data]);
    // Comment length, first disk and internal attributes (all 0), external attributes, the local header's offset.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE((mode << 16) >>> 0, 6); // the Unix mode in the high half
    tail.writeUInt32LE(offset, 10);
    centrals.push(Buffer.concat([u32(0x02014b50), u16((3 << 8) | 20), common, tail, name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const u16 = (value: number) => {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16LE(value);
  return bytes;
};
const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
};
