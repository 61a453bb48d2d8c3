/**
 * The real server (`bin/kiosk.js start`) as a child process on a fixed port and data folder, so a
 * test can SIGKILL it at any moment and start it again on the same database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const KIOSK_BIN = path.resolve(import.meta.dirname, '../../bin/kiosk.js');
const READY_TIMEOUT_MS = 90_000;

export type ServerProcess = {
  url: string;
  /** Starts the server (again) and resolves once it answers. */
  start(): Promise<void>;
  /** The crash: SIGKILL, no chance to finish anything; resolves once the process is gone. */
  kill(): Promise<void>;
  /** A clean stop (SIGTERM), as an operator would. */
  stop(): Promise<void>;
};

export function serverProcess(port: number, env: NodeJS.ProcessEnv): ServerProcess {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let stderr = '';

  const end = async (signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };

  return {
    url,
    async start() {
      stderr = '';
      const started = spawn(process.execPath, [KIOSK_BIN, 'start', '--port', String(port), '--host', '127.0.0.1'], {
        env: { ...process.env, LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = started;
      started.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      const deadline = Date.now() + READY_TIMEOUT_MS;
      while (!(await answers(`${url}/api/config`))) {
        if (started.exitCode !== null) throw new Error(`The server exited (${started.exitCode}) while starting:\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`The server did not answer within ${READY_TIMEOUT_MS} ms:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}
