/**
 * A real PostgreSQL for the tests: a throwaway cluster of Debian's PostgreSQL in a temp folder
 * (started once per test run by `postgres-global-setup.ts`), or the server `TEST_DATABASE_URL`
 * names. Each test server gets a database of its own on it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server of this test run, as the superuser: tests create their databases on it. */
    postgresUrl: string;
  }
}

export type PostgresServer = { url: string; stop(): Promise<void> };

export type PostgresDatabase = { url: string; drop(): Promise<void> };

const run = promisify(execFile);

export async function startPostgres(): Promise<PostgresServer> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => undefined };

  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-pg-'));
  // initdb refuses to run as root: as root, the cluster belongs to Debian's `postgres` user.
  const asPostgres = process.getuid?.() === 0;
  if (asPostgres) fs.chownSync(dir, userId('-u'), userId('-g'));
  const exec = (program: string, args: string[]) =>
    asPostgres ? run('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]) : run(path.join(bin, program), args);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  const port = await freePort();
  try {
    await exec('initdb', ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    // Thrown away after the run, so it need not survive a power cut: no fsync makes it quick.
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await exec('pg_ctl', ['-D', data, '-l', log, '-o', settings, '-w', 'start']);
  } catch (error) {
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start PostgreSQL from ${bin}: ${String(error)}\n${tail}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new, empty database on the server; `drop` removes it even if a connection was left open. */
export async function createDatabase(serverUrl: string): Promise<PostgresDatabase> {
  const name = `kiosk_test_${randomUUID().replaceAll('-', '')}`;
  await administer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => administer(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** The test run's server: the one `TEST_DATABASE_URL` names, or the one the global setup started. */
export async function postgresServerUrl(): Promise<string> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const url = process.env.VITEST ? (await import('vitest')).inject('postgresUrl') : undefined;
  if (!url) {
    throw new Error('TEST_DATABASE=postgres needs the Vitest global setup src/test-support/postgres-global-setup.ts, or TEST_DATABASE_URL.');
  }
  return url;
}

async function administer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Debian installs each major version side by side (/usr/lib/postgresql/15/bin); the newest wins. */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does), or set TEST_DATABASE_URL.');
  return path.join(root, newest, 'bin');
}

function userId(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
}
