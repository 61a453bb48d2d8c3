/**
 * The `kiosk model train` child process the server starts: the same command an operator runs, on
 * the server's database and file store, so training never blocks the server's event loop and a
 * killed training leaves its `running` run row for `failAbandonedRuns`.
 */
import path from 'node:path';
import type { Config } from '../../config/config';
import type { RunTrigger } from '../registry/model-version';

const KIOSK_BIN = path.resolve(import.meta.dirname, '../../../bin/kiosk.js');

export type TrainingCommand = { file: string; args: string[]; env: NodeJS.ProcessEnv };

export function trainingCommand(config: Config, trigger: Extract<RunTrigger, 'schedule' | 'manual'>): TrainingCommand {
  const args = ['model', 'train', '--json', '--trigger', trigger];
  if (config.retrainDataDir) args.push('--data', config.retrainDataDir);
  if (config.retrainFrozenLimit) args.push('--frozen-limit', String(config.retrainFrozenLimit));
  return kioskCommand(config, args);
}

/** Any `kiosk …` command as a child of the server, on the server's store (voice training uses it too). */
export function kioskCommand(config: Config, args: string[]): TrainingCommand {
  return {
    file: process.execPath,
    args: [KIOSK_BIN, ...args],
    // The server's config may come from overrides (tests), not this process's environment: say where the store is.
    env: {
      ...process.env,
      DATA_DIR: config.dataDir,
      DATABASE_URL: config.databaseUrl ?? '',
      OBJECT_STORE: config.objectStore ?? '',
      AWS_ENDPOINT_URL_S3: config.s3Endpoint ?? '',
    },
  };
}
