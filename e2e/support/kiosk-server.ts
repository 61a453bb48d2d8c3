/** Starts the real server (built pages, a fresh database as `startTestServer` picks) for browser tests and screenshots. */
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from '../../src/test-support/test-server';
import { WEB_DIST_DIR, type AppOptions } from '../../src/server/app';

/** What a browser test may give the server beside its environment: a card terminal, a transcriber, a training size. */
export type KioskServerOptions = Pick<AppOptions, 'terminal' | 'transcriber' | 'voiceTrainingSize'>;

/** `now` sets the server's clock (e.g. lunchtime, for suggestions learned from lunchtime orders). */
export async function startKioskServer(env: NodeJS.ProcessEnv = {}, now?: () => Date, options: KioskServerOptions = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(WEB_DIST_DIR, 'index.html'))) {
    throw new Error('The kiosk pages are not built: run "npm run build:web" first (npm test does it).');
  }
  return startTestServer({ env, ...options, ...(now ? { now } : {}) });
}
