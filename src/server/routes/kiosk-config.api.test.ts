/** /api/config tells a kiosk its body (for the low screen) and where its card reader is (for the voice guide). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskConfigResponse } from '../../contracts/http';
import { startTestServer, type TestServer } from '../../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { KIOSK_SCREEN_HEIGHT_MM: '476', KIOSK_SCREEN_BOTTOM_MM: '900', CARD_READER_POSITION: 'below-left' } });
});
afterAll(() => server.close());

describe('GET /api/config', () => {
  it("carries the kiosk's size and mounting and its card reader's place, from the settings", async () => {
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as KioskConfigResponse;
    expect(config.reach).toEqual({ screenHeightMm: 476, screenBottomMm: 900, maxReachMm: 1200 });
    expect(config.cardReaderPosition).toBe('below-left');
  });
});
