/**
 * A benchmark's server in its own process, so the load generator does not share its event loop:
 * starts a test server with the given environment, registers devices (`BENCH_DEVICES=kiosk:1,kitchen:100`),
 * prints one JSON line `{url, brokerUrl, credentials: {kind: [...]}}` and runs until its stdin closes.
 */
import type { DeviceKind } from '../../src/iot/devices';
import { startTestServer } from '../../src/test-support/test-server';

const server = await startTestServer({ env: process.env });
const credentials: Partial<Record<DeviceKind, string[]>> = {};
for (const entry of (process.env.BENCH_DEVICES ?? '').split(',').filter(Boolean)) {
  const [kind, count] = entry.split(':') as [DeviceKind, string];
  for (let index = 0; index < Number(count); index += 1) {
    // Cameras watch the server's own kiosk.
    const { credential } = await server.devices.register({ id: `${kind}-${index}`, storeId: server.config.storeId, kind, ...(kind === 'camera' ? { kioskId: server.config.kioskId } : {}) });
    (credentials[kind] ??= []).push(credential);
  }
}
console.log(JSON.stringify({ url: server.url, brokerUrl: server.brokerUrl, credentials }));
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
