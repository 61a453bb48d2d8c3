/**
 * "How many hostile inputs were tried": the property-based suites (order API, the outside probe's
 * holes of issue 24, voice parser, dataset readers) run here as they do in `npm test`, and each reports its own count. A failing property
 * fails the benchmark's line too, so the report never claims what the tests did not show.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const SUITES = [
  'src/server/order.property.test.ts',
  'src/server/probe.property.test.ts',
  'src/voice/understanding/order-parser.property.test.ts',
  'src/server/datasets/dataset-readers.property.test.ts',
];

export type HostileReport = { passed: boolean; counts: string[] };

export function runHostileInputSuites(): HostileReport {
  const vitest = path.resolve(import.meta.dirname, '../../node_modules/vitest/vitest.mjs');
  const result = spawnSync(process.execPath, [vitest, 'run', ...SUITES], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const counts = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.includes('property tests:')).map((line) => stripVTControlCharacters(line).trim());
  return { passed: result.status === 0, counts };
}
