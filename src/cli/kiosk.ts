/** `kiosk`: the command-line home of the product (`kiosk start`, admin, data, demo, device, model, recommend, report, vision, voice). */
import path from 'node:path';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/config';
import { StartupError } from '../server/opened-resources';
import { startServer } from '../server/server';
import { registerAdminCommands } from './admin.command';
import { registerDataCommands } from './data.command';
import { registerDemoCommands } from './demo.command';
import { registerDeviceCommands } from './device.command';
import { registerModelCommands } from './model.command';
import { registerRecommendCommands } from './recommend.command';
import { registerReportCommands } from './report.command';
import { registerVisionCommands } from './vision.command';
import { registerVoiceCommands } from './voice.command';

const program = new Command('kiosk').description('Neulbom Kiosk (늘봄 키오스크)');

program
  .command('start')
  .description('serve the kiosk (SQLite, local files and the demo menu by default)')
  .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
  .option('--host <host>', 'address to listen on (default: HOST or localhost)')
  .action(async (options: { port?: string; host?: string }) => {
    const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}), ...(options.host ? { HOST: options.host } : {}) });
    const { url, deviceLinks } = await startServer(config);
    console.log(`Neulbom Kiosk is ready: ${url.replace('127.0.0.1', 'localhost')}`);
    console.log(`Kitchen display, pickup board and staff pager: open the links in ${path.relative(process.cwd(), deviceLinks)}`);
  });

registerAdminCommands(program);
registerDataCommands(program);
registerDemoCommands(program);
registerDeviceCommands(program);
registerModelCommands(program);
registerRecommendCommands(program);
registerReportCommands(program);
registerVisionCommands(program);
registerVoiceCommands(program);

program.parseAsync().catch((error: unknown) => {
  // Mistakes the user can fix get one clear line, not a stack.
  console.error(`kiosk: ${explain(error)}`);
  process.exitCode = 1;
});

function explain(error: unknown): string {
  if (error instanceof ConfigError || error instanceof StartupError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return 'that port is already in use: stop the other server, or choose another with PORT or --port.';
  if (code === 'EACCES') return 'no permission to listen on that port: choose one above 1023 with PORT or --port.';
  // The message is for the user; the stack only when asked for (DEBUG=1).
  if (error instanceof Error) return process.env.DEBUG ? (error.stack ?? error.message) : error.message;
  return String(error);
}
