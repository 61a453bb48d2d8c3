/** `kiosk`: the command-line home of the product (`kiosk start`; later vision, voice, recommend, model). */
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/config';
import { startServer } from '../server/server';

const program = new Command('kiosk').description('Neulbom Kiosk (늘봄 키오스크)');

program
  .command('start')
  .description('serve the kiosk (SQLite, local files and the demo menu by default)')
  .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
  .option('--host <host>', 'address to listen on (default: HOST or localhost)')
  .action(async (options: { port?: string; host?: string }) => {
    const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}), ...(options.host ? { HOST: options.host } : {}) });
    const { url } = await startServer(config);
    console.log(`Neulbom Kiosk is ready: ${url.replace('127.0.0.1', 'localhost')}`);
  });

program.parseAsync().catch((error: unknown) => {
  // Settings mistakes are the user's to fix: one clear line, no stack.
  console.error(error instanceof ConfigError ? `kiosk: ${error.message}` : error);
  process.exitCode = 1;
});
