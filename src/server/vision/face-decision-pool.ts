/**
 * Faces for camera devices that cannot run the model themselves: a pool of worker threads (one
 * per core by default, started on the first frame), so decisions run in parallel and never block
 * the event loop that takes orders. A full queue answers "busy" rather than queueing forever.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../errors';
import type { FaceJob, FaceJobResult } from './face-decision.worker';

export class FaceDecisionPool {
  private pool: Piscina<FaceJob, FaceJobResult> | null = null;

  constructor(private readonly threads = os.availableParallelism()) {}

  decide(jpeg: Buffer, head: FaceJob['head']): Promise<FaceJobResult> {
    this.pool ??= new Piscina<FaceJob, FaceJobResult>({
      filename: new URL('./face-decision.worker.ts', import.meta.url).href,
      // Workers run the TypeScript source through tsx, like the server itself.
      execArgv: ['--import', 'tsx'],
      minThreads: 0,
      maxThreads: this.threads,
      maxQueue: this.threads * 4,
      idleTimeout: 5 * 60_000,
    });
    return this.pool.run({ jpeg: new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength), head }).catch((error: unknown) => {
      if (error instanceof Error && error.message === 'Task queue is at limit') throw new AppError(503, 'busy', 'Too many frames at once: send the next one a little later.');
      throw error;
    });
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
