/** The first screen must be interactive on a modest kiosk PC: its JavaScript stays under 250 KB gzipped. */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEB_DIST_DIR } from '../src/server/app';

const BUDGET_BYTES = 250 * 1024;

describe('bundle size', () => {
  it('keeps the JavaScript the kiosk page loads first under 250 KB gzipped', () => {
    const html = fs.readFileSync(path.join(WEB_DIST_DIR, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((match) => match[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, src) => sum + gzipSync(fs.readFileSync(path.join(WEB_DIST_DIR, src))).length, 0);
    console.log(`first-screen JavaScript: ${scripts.length} file(s), ${(gzipped / 1024).toFixed(1)} KB gzipped (budget 250 KB)`);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
  });
});
