/**
 * Orders per second and latency with many kiosks ordering at once: each simulated kiosk is one
 * connection placing orders back to back (far harder than a real shop floor, where a kiosk sends
 * an order a minute), against the real server on a real database in its own process.
 */
import autocannon from 'autocannon';
import { startBenchServer } from './bench-server';

export type OrderLoad = { kiosks: number; ordersPerSecond: number; msP50: number; msP99: number; errors: number; non2xx: number };

const ORDER = JSON.stringify({ items: [{ itemId: 'kimchi-stew', quantity: 2, options: { spice: 'mild' } }, { itemId: 'cola', quantity: 1 }], diningOption: 'takeout' });

export async function measureOrders(kiosks: number, seconds: number, env: Record<string, string> = {}): Promise<OrderLoad> {
  const server = await startBenchServer(env);
  try {
    const result = await autocannon({
      url: `${server.url}/api/orders`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: ORDER,
      connections: kiosks,
      duration: seconds,
    });
    return {
      kiosks,
      ordersPerSecond: result.requests.average,
      msP50: result.latency.p50,
      msP99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    };
  } finally {
    await server.stop();
  }
}
