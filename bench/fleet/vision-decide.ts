/**
 * Camera devices posting frames: throughput and latency of `POST /api/vision/decide` with the
 * worker pool at one thread per core, beside a single thread (what a server without a pool gets).
 */
import fs from 'node:fs';
import path from 'node:path';
import { percentile } from '../../src/shared/percentile';
import { AAF_DIR } from '../../src/test-support/datasets';
import { startBenchServer } from './bench-server';

export type DecideLoad = { threads: number; framesPerSecond: number; msP50: number; msP99: number; frames: number };

/** Held-out faces (models/group-head/holdout.txt), as camera boards would send them. */
function heldOutFrames(count: number): Buffer[] {
  const holdout = fs.readFileSync(path.resolve(import.meta.dirname, '../../models/group-head/holdout.txt'), 'utf8').split('\n').filter(Boolean);
  return holdout.slice(0, count).map((file) => fs.readFileSync(path.join(AAF_DIR, 'images', file)));
}

export async function measureDecide(threads: number, frames = 40, inFlight = 4): Promise<DecideLoad> {
  const server = await startBenchServer({ VISION_THREADS: String(threads), BENCH_DEVICES: 'camera:1' });
  try {
    const credential = server.credentials.camera![0]!;
    const send = async (jpeg: Buffer) => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/vision/decide?kiosk=kiosk-1`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': 'image/jpeg' }, body: new Uint8Array(jpeg) });
      if (!response.ok) throw new Error(`decide answered ${response.status}`);
      await response.json();
      return performance.now() - started;
    };
    const images = heldOutFrames(frames);
    // Warm every thread (each loads the models on its first frame), then measure.
    await Promise.all(images.slice(0, threads * 2).map(send));
    const latencies: number[] = [];
    const started = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (next < images.length) latencies.push(await send(images[next++]!));
    }));
    const seconds = (performance.now() - started) / 1000;
    return { threads, framesPerSecond: images.length / seconds, msP50: percentile(latencies, 0.5), msP99: percentile(latencies, 0.99), frames: images.length };
  } finally {
    await server.stop();
  }
}
