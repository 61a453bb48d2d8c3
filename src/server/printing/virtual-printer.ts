/**
 * The printer `npm start` gives a shop without hardware: each ticket becomes an SVG image of the
 * paper under DATA_DIR/printouts/<printer>/, and the console shows the latest ones. Only the
 * latest pictures are kept (the tickets themselves stay in the database).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { toSvg } from './render-ticket';

/** About a busy week of tickets; older pictures are deleted as new ones come. */
export const PRINTOUTS_KEPT = 3000;

export function printoutPath(dataDir: string, printerId: string, jobId: string): string {
  return path.join(dataDir, 'printouts', printerId, `${jobId}.svg`);
}

export async function printToVirtualPrinter(dataDir: string, printerId: string, jobId: string, document: string, kept = PRINTOUTS_KEPT): Promise<void> {
  const file = printoutPath(dataDir, printerId, jobId);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, toSvg(document));
  await deleteOldest(path.dirname(file), kept);
}

async function deleteOldest(folder: string, kept: number): Promise<void> {
  const names = await fs.readdir(folder);
  if (names.length <= kept) return;
  const files = await Promise.all(names.map(async (name) => ({ name, modified: (await fs.stat(path.join(folder, name))).mtimeMs })));
  files.sort((a, b) => a.modified - b.modified || a.name.localeCompare(b.name));
  await Promise.all(files.slice(0, files.length - kept).map(({ name }) => fs.rm(path.join(folder, name), { force: true })));
}
