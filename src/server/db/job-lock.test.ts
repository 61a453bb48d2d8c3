/** The job lock on the database the run uses (SQLite, or PostgreSQL with TEST_DATABASE=postgres). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshTestDatabase, type TestDatabase } from '../../test-support/test-database';
import { migrateToLatest, openDatabase } from './database';
import { JobLock } from './job-lock';
import type { Database } from './schema';

let dataDir: string;
let database: TestDatabase;
let db: Kysely<Database>;
let clock = new Date('2026-12-01T00:00:00Z');
const now = () => clock;
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-lock-'));
  database = await freshTestDatabase();
  db = openDatabase({ dataDir, databaseUrl: database.env.DATABASE_URL ?? null });
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const lock = (holder: string, name = 'nightly') => new JobLock(db, { name, holder, ttlMs: 60_000, now });

it('lets one holder at a time have it, and the next once it is released', async () => {
  const [a, b] = [lock('server-a'), lock('server-b')];
  expect(await a.acquire()).toBe(true);
  expect(await b.acquire()).toBe(false);
  expect(await b.renew()).toBe(false);
  await b.release(); // not b's to release: a keeps it
  expect(await b.acquire()).toBe(false);
  expect(await a.renew()).toBe(true);
  await a.release();
  expect(await b.acquire()).toBe(true);
  await b.release();
});

it('gives it to exactly one of many servers asking at once', async () => {
  const servers = Array.from({ length: 10 }, (_, index) => lock(`server-${index}`, 'contended'));
  const won = await Promise.all(servers.map((server) => server.acquire()));
  expect(won.filter(Boolean)).toHaveLength(1);
});

it('lets another server take over a lock that ran out, and the old holder lose it', async () => {
  const [a, b] = [lock('server-a', 'expiring'), lock('server-b', 'expiring')];
  expect(await a.acquire()).toBe(true);
  later(59_000);
  expect(await b.acquire()).toBe(false);
  expect(await a.renew()).toBe(true); // now held until 60 s from here
  later(60_000);
  expect(await a.renew()).toBe(false);
  expect(await b.acquire()).toBe(true);
  expect(await a.renew()).toBe(false);
  expect(await a.acquire()).toBe(false);
  await a.release(); // no longer a's: b keeps it
  expect(await lock('server-c', 'expiring').acquire()).toBe(false);
});

it('says whether any server holds it: not before, while held, not once released or run out', async () => {
  const [a, b] = [lock('server-a', 'held'), lock('server-b', 'held')];
  expect(await b.isHeld()).toBe(false);
  expect(await a.acquire()).toBe(true);
  expect(await b.isHeld()).toBe(true);
  await a.release();
  expect(await b.isHeld()).toBe(false);
  expect(await a.acquire()).toBe(true);
  later(60_001);
  expect(await b.isHeld()).toBe(false);
});
