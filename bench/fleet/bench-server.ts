/** Starts `serve.ts` in a child process and reads what it prints. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

import type { DeviceKind } from '../../src/iot/devices';

export type BenchServer = { url: string; brokerUrl: string; credentials: Partial<Record<DeviceKind, string[]>>; stop(): Promise<void> };

export async function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'serve.ts')], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`The benchmark server exited (${code}) before it was ready.`)));
  });
  const started = JSON.parse(firstLine) as Omit<BenchServer, 'stop'>;
  return {
    ...started,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
