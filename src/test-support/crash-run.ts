/**
 * "Nothing lost": simulated kiosks place orders with idempotency keys and retry until the server
 * acknowledges them, while the real server process is SIGKILLed at random moments and started
 * again on the same database. Afterwards the database is audited against what was acknowledged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuResponse, OrderRequest, OrderResponse } from '../contracts/http';
import { openDatabase } from '../server/db/database';
import { backoffMs, isRetryableStatus } from '../shared/retry';
import { seededRandom } from '../shared/seeded-random';
import { freePort } from './free-port';
import { serverProcess } from './server-process';

export type CrashRunOptions = {
  kiosks: number;
  /** SIGKILLs of the server; the kiosks keep ordering until the last restart, then finish. */
  kills: number;
  /** Each kill comes this long (uniformly at random in the range) after the server is up again. */
  killAfterMs: [number, number];
  /** Kiosks go on until at least this many orders are acknowledged. */
  minOrders: number;
  /** `DATABASE_URL` for PostgreSQL; SQLite in the run's own data folder otherwise. */
  databaseUrl?: string;
  seed?: number;
};

export type CrashReport = {
  faultsInjected: number;
  ordersAcknowledged: number;
  /** Attempts that failed (connection refused or reset, 5xx) and were sent again with the same key. */
  retries: number;
  lost: number;
  duplicated: number;
  /** Stored without the kiosk ever hearing so: the kiosk retried until it did, so this must be 0 too. */
  unacknowledged: number;
  /** Orders whose stored total, lines, payment or number disagree with what was acknowledged. */
  inconsistent: number;
  acknowledgedTotal: number;
  storedTotal: number;
};

type Acknowledged = { key: string; id: string; orderNumber: number; total: number; expectedTotal: number };

const KEY_PREFIX = 'crash-';

export async function runCrashTest(options: CrashRunOptions): Promise<CrashReport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-crash-'));
  const env = {
    DATA_DIR: dataDir,
    DEMO_HISTORY: 'off',
    MQTT_URL: '',
    MQTT_PORT: '0',
    OPERATING_HOURS: '00:00-00:00',
    VISION_THREADS: '1',
    DATABASE_URL: options.databaseUrl ?? '',
  };
  const server = serverProcess(await freePort(), env);
  const random = seededRandom(options.seed ?? 1);
  try {
    await server.start();
    const dishes = await simpleDishes(server.url);
    const acknowledged: Acknowledged[] = [];
    let retries = 0;
    let faultsInjected = 0;
    let killing = true;
    let nextOrder = 0;

    const kiosk = async (kioskIndex: number) => {
      while (killing || acknowledged.length < options.minOrders) {
        const key = `${KEY_PREFIX}${kioskIndex}-${nextOrder++}`;
        const order = randomOrder(dishes, random);
        const placed = await placeUntilAcknowledged(server.url, order.request, key, () => (retries += 1));
        acknowledged.push({ key, id: placed.id, orderNumber: placed.orderNumber, total: placed.total, expectedTotal: order.expectedTotal });
      }
    };
    const killer = async () => {
      for (let kill = 0; kill < options.kills; kill += 1) {
        const [least, most] = options.killAfterMs;
        await new Promise((resolve) => setTimeout(resolve, least + random() * (most - least)));
        await server.kill();
        faultsInjected += 1;
        await server.start();
      }
      killing = false;
    };
    await Promise.all([killer(), ...Array.from({ length: options.kiosks }, (_, index) => kiosk(index))]);
    await server.stop();
    return { faultsInjected, retries, ...(await audit(options.databaseUrl ?? null, dataDir, acknowledged)) };
  } finally {
    await server.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One order, sent again with the same key after every failure, until the server stores and acknowledges it. */
async function placeUntilAcknowledged(url: string, order: OrderRequest, key: string, onRetry: () => void): Promise<OrderResponse> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(`${url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(order),
        signal: AbortSignal.timeout(10_000),
      });
      if (response.status === 201) return (await response.json()) as OrderResponse;
      // A refusal means the test itself is wrong: a crash must never turn a good order into a bad one.
      if (!isRetryableStatus(response.status)) throw new Error(`Order ${key} was refused: ${response.status} ${await response.text()}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(`Order ${key} was refused`)) throw error;
    }
    onRetry();
    await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, 50, 1000)));
  }
}

/** Dishes without options: the kiosk can then know the total to expect from the menu alone. */
async function simpleDishes(url: string): Promise<{ id: string; price: number }[]> {
  const menu = (await (await fetch(`${url}/api/menu`)).json()) as MenuResponse;
  return menu.items.filter((item) => item.optionGroupIds.length === 0 && !item.soldOut).map((item) => ({ id: item.id, price: item.price }));
}

function randomOrder(dishes: { id: string; price: number }[], random: () => number): { request: OrderRequest; expectedTotal: number } {
  const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ dish: dishes[Math.floor(random() * dishes.length)]!, quantity: 1 + Math.floor(random() * 3) }));
  return {
    request: { items: lines.map((line) => ({ itemId: line.dish.id, quantity: line.quantity })), diningOption: random() < 0.5 ? 'dine_in' : 'takeout' },
    expectedTotal: lines.reduce((sum, line) => sum + line.dish.price * line.quantity, 0),
  };
}

/** Reads the database once the server is down and checks every acknowledged order against it. */
async function audit(databaseUrl: string | null, dataDir: string, acknowledged: Acknowledged[]): Promise<Omit<CrashReport, 'faultsInjected' | 'retries'>> {
  const db = openDatabase({ databaseUrl, dataDir });
  try {
    const orders = await db.selectFrom('orders').select(['id', 'idempotency_key', 'total', 'order_number', 'business_date']).where('idempotency_key', 'like', `${KEY_PREFIX}%`).execute();
    const lines = await db.selectFrom('order_lines').select(['order_id', 'line_total']).execute();
    const payments = await db.selectFrom('payments').select(['order_id', 'amount']).execute();
    const lineSums = new Map<string, number>();
    for (const line of lines) lineSums.set(line.order_id, (lineSums.get(line.order_id) ?? 0) + line.line_total);
    const paid = new Map<string, number[]>();
    for (const payment of payments) paid.set(payment.order_id, [...(paid.get(payment.order_id) ?? []), payment.amount]);

    const byKey = new Map<string, typeof orders>();
    for (const order of orders) byKey.set(order.idempotency_key, [...(byKey.get(order.idempotency_key) ?? []), order]);
    const acknowledgedKeys = new Set(acknowledged.map((ack) => ack.key));
    const numbers = new Set(orders.map((order) => `${order.business_date}#${order.order_number}`));

    let inconsistent = numbers.size === orders.length ? 0 : orders.length - numbers.size;
    for (const ack of acknowledged) {
      const stored = byKey.get(ack.key)?.[0];
      if (!stored) continue;
      const whole = stored.id === ack.id && stored.order_number === ack.orderNumber && stored.total === ack.total && ack.total === ack.expectedTotal;
      const parts = lineSums.get(stored.id) === stored.total && paid.get(stored.id)?.length === 1 && paid.get(stored.id)![0] === stored.total;
      if (!whole || !parts) inconsistent += 1;
    }
    return {
      ordersAcknowledged: acknowledged.length,
      lost: acknowledged.filter((ack) => !byKey.has(ack.key)).length,
      duplicated: [...byKey.values()].reduce((sum, rows) => sum + rows.length - 1, 0),
      unacknowledged: [...byKey.keys()].filter((key) => !acknowledgedKeys.has(key)).length,
      inconsistent,
      acknowledgedTotal: acknowledged.reduce((sum, ack) => sum + ack.total, 0),
      storedTotal: orders.reduce((sum, order) => sum + order.total, 0),
    };
  } finally {
    await db.destroy();
  }
}
