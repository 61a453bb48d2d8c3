/** Debian's mosquitto on a free port, for tests of the server against an external broker. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

export type Mosquitto = { url: string; stop(): Promise<void> };

export async function startMosquitto(): Promise<Mosquitto> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosquitto-'));
  const conf = path.join(dir, 'mosquitto.conf');
  fs.writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n`);
  const broker = spawn(mosquittoBinary(), ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  broker.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => broker.once('exit', () => resolve()));
  await waitForPort(port, () => (broker.exitCode !== null ? `mosquitto exited: ${log}` : null));
  return {
    url: `mqtt://127.0.0.1:${port}`,
    async stop() {
      broker.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian installs it in /usr/sbin, which is not on every user's PATH. */
function mosquittoBinary(): string {
  return ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((file) => fs.existsSync(file)) ?? 'mosquitto';
}

async function waitForPort(port: number, failed: () => string | null): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const problem = failed();
    if (problem) throw new Error(problem);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`mosquitto did not open port ${port}.`);
}
