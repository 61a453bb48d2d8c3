import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printoutPath, printToVirtualPrinter } from './virtual-printer';

describe('virtual printer', () => {
  it('keeps only the latest pictures', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'printouts-'));
    try {
      for (const job of ['a', 'b', 'c', 'd']) {
        await printToVirtualPrinter(dataDir, 'printer-1', job, `^${job}`, 2);
        // Distinct modification times, oldest first.
        const at = new Date(Date.UTC(2026, 0, 1, 0, 0, 'abcd'.indexOf(job)));
        fs.utimesSync(printoutPath(dataDir, 'printer-1', job), at, at);
      }
      expect(fs.readdirSync(path.join(dataDir, 'printouts', 'printer-1')).sort()).toEqual(['c.svg', 'd.svg']);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
