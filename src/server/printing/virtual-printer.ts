/**
 * The printer `npm start` gives a shop without hardware: each ticket becomes an SVG image of the
 * paper under DATA_DIR/printouts/<printer>/, and the console shows the latest ones.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { toSvg } from './render-ticket';

export function printoutPath(dataDir: string, printerId: string, jobId: string): string {
  return path.join(dataDir, 'printouts', printerId, `${jobId}.svg`);
}

export async function printToVirtualPrinter(dataDir: string, printerId: string, jobId: string, document: string): Promise<void> {
  const file = printoutPath(dataDir, printerId, jobId);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, toSvg(document));
}
