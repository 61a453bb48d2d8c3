/**
 * `npm run bench`: speed side by side with what a user would otherwise pick, in one run, as ratios.
 * Each face pipeline runs in its own process on the same held-out 640x480 frames.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { ContenderResult } from './vision/contender';
import { percentile } from '../src/shared/percentile';
import { measureRecommender } from './recommend/recommender';
import { measureSalesReport } from './reports/sales-report';
import { measureParser } from './voice/parser';
import { measureRecognizer } from './voice/recognizer';
import { measureBrowserSwitch } from './vision/browser-switch';
import { measureKeyToSpeech } from './a11y/key-to-speech';
import { measureFanOut } from './fleet/fanout';
import { measureOrders } from './fleet/orders';
import { measureCrashSafety } from './fleet/crash';
import { createDatabase, startPostgres } from '../src/test-support/postgres';
import { measureDecide } from './fleet/vision-decide';
import { measureBrokerMemory } from './security/broker-memory';
import { runHostileInputSuites } from './security/hostile-inputs';
import { measureTransposedProducts } from './ml/transposed-products';

const CONTENDERS = ['ours', 'human-stock', 'face-api'];

function runContender(name: string): ContenderResult {
  const script = path.join(import.meta.dirname, 'vision', `${name}.ts`);
  const output = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').at(-1)!) as ContenderResult;
}


const parser = measureParser();
console.log(`Voice: the order parser takes ${parser.microsP50.toFixed(0)} µs per utterance (p50; p99 ${parser.microsP99.toFixed(0)} µs) over ${parser.utterances} parses of the corpus`);
console.error('making held-out voice recordings…');
const heard = await measureRecognizer();
console.log(
  `Voice: the offline recognizer on ${heard.n} new synthetic recordings (held-out espeak-ng voices, 10–20 dB SNR): intents ${(heard.intentAccuracy * 100).toFixed(1)} %, words ${(heard.wordAccuracy * 100).toFixed(1)} %; ` +
    `${heard.msEndOfSpeechToIntentP50.toFixed(0)} ms from the end of speech to the intent (p50, of which ${heard.endOfSpeechPauseMs} ms is the pause that marks the end), ${heard.msPerUtteranceP50.toFixed(1)} ms of work per recording. ` +
    'No offline Korean recognizer installs from npm alone to compare with; the browser alternative (Web Speech) sends audio to its vendor.\n',
);

console.error('measuring the training products…');
console.log("Training: one step's two gradient products (aᵀ·b, a·bᵀ), transposing first (ours) against tfjs matMul's transpose flags, wasm backend");
console.table((await measureTransposedProducts()).map((timing) => ({ shape: timing.name, 'ours ms': timing.oursMs.toFixed(2), 'flags ms': timing.flagsMs.toFixed(2), 'flags vs ours': `${(timing.flagsMs / timing.oursMs).toFixed(1)}x` })));
console.log('');

console.error('measuring the recommender…');
const recommender = await measureRecommender();
console.log(
  `Recommendations: ${recommender.days} days of a busy store, ${recommender.orders} generated orders, read from SQLite in ${recommender.readMs.toFixed(0)} ms; ` +
    `settings chosen from ${recommender.candidates} candidates and the cache built in ${recommender.buildMs.toFixed(0)} ms (${recommender.settings}), ` +
    `${(recommender.buildMs / recommender.fixedBuildMs).toFixed(1)}x a build with fixed settings (${recommender.fixedBuildMs.toFixed(0)} ms); one answer takes ${recommender.recommend.microsP50.toFixed(1)} µs p50 / ${recommender.recommend.microsP99.toFixed(1)} µs p99 (${Math.round(recommender.recommend.perSecond).toLocaleString('en')}/s); ` +
    `often-ordered-with ${recommender.pairs.microsP50.toFixed(1)} µs p50; a new order then the next answer ${recommender.addOrderThenRecommend.microsP50.toFixed(0)} µs p50`,
);
console.table(recommender.naive.map((alternative) => ({ alternative: alternative.name, 'µs p50': alternative.microsP50.toFixed(0), 'µs p99': alternative.microsP99.toFixed(0), 'p50 vs ours': `${alternative.p50VsOurs.toFixed(0)}x` })));
console.log('');

console.error('measuring the day close…');
const sales = await measureSalesReport();
console.log(
  `Day close: a ${sales.days}-day sales report over ${sales.orders.toLocaleString('en')} orders in SQLite takes ${sales.oursMs.toFixed(0)} ms (two queries), one day ${sales.dayMs.toFixed(1)} ms; ` +
    `reading each day's orders whole as the orders page does takes ${sales.perOrderMs.toFixed(0)} ms (${(sales.perOrderMs / sales.oursMs).toFixed(0)}x). ` +
    `Writing it: CSV ${sales.csvMs.toFixed(1)} ms, Excel ${sales.xlsxMs.toFixed(0)} ms (${(sales.xlsxBytes / 1024).toFixed(0)} KB)\n`,
);

console.log('Face pipelines: ms per 640x480 frame with one face (tfjs WebAssembly, Node, this machine), and how each does on the same held-out aaf-train faces');
const results = CONTENDERS.map((name) => {
  console.error(`running ${name}…`);
  return runContender(name);
});
const ours = results[0]!;
console.table(
  results.map((result) => ({
    pipeline: result.name,
    'ms p50': result.msP50.toFixed(1),
    'ms p90': result.msP90.toFixed(1),
    'time vs ours': `${(result.msP50 / ours.msP50).toFixed(2)}x`,
    'macro F1': result.macroF1.toFixed(3),
    'senior recall': result.seniorRecall.toFixed(3),
    'gender acc.': result.genderAccuracy.toFixed(3),
    'no face': result.noFaceRate.toFixed(3),
    frames: result.frames,
  })),
);
for (const other of results.slice(1)) {
  console.log(`ours is ${(other.msP50 / ours.msP50).toFixed(2)}x as fast as ${other.name} (${other.msP50.toFixed(0)} ms vs ${ours.msP50.toFixed(0)} ms a frame)`);
}

console.error('measuring the browser…');
const switches = await measureBrowserSwitch(3);
console.log(`\nIn Chromium (fake camera, senior face, policy auto), median of ${switches.length} page loads:`);
console.log(`  page open → camera watching (models loaded): ${percentile(switches.map((run) => run.modelsReadyMs), 0.5).toFixed(0)} ms`);
console.log(`  face in view → easy mode: ${percentile(switches.map((run) => run.faceToSwitchMs), 0.5).toFixed(0)} ms`);

console.error('measuring the voice guide…');
const keyToSpeech = await measureKeyToSpeech(12);
console.log('\nVoice guide in Chromium: keypad key (focus moves to the next control) → its description spoken; the words are espeak-ng WAVs from the server (Chromium on Linux has no voice)');
console.table(
  [
    { sentence: 'new (synthesized now)', ...keyToSpeech.newSentence },
    { sentence: 'said before (server cache)', ...keyToSpeech.cachedSentence },
  ].map((run) => ({
    sentence: run.sentence,
    keys: run.keys,
    'key → speech asked, ms p50': run.requestMsP50.toFixed(1),
    'key → first sound, ms p50': run.soundMsP50.toFixed(0),
    'key → first sound, ms p99': run.soundMsP99.toFixed(0),
    'vs cached': `${(run.soundMsP50 / keyToSpeech.cachedSentence.soundMsP50).toFixed(1)}x`,
  })),
);
console.log('');

console.error('measuring the fleet…');
console.log('\nFleet: orders from many kiosks at once (each kiosk one connection ordering back to back, 10 s, server in its own process), SQLite file and a local PostgreSQL 15');
const loads = [{ database: 'SQLite', ...(await measureOrders(50, 10)) }, { database: 'SQLite', ...(await measureOrders(500, 10)) }];
const postgres = await startPostgres();
try {
  for (const kiosks of [50, 500]) {
    const database = await createDatabase(postgres.url);
    loads.push({ database: 'PostgreSQL', ...(await measureOrders(kiosks, 10, { DATABASE_URL: database.url })) });
    await database.drop();
  }
} finally {
  await postgres.stop();
}
console.table(
  loads.map((load) => ({
    database: load.database,
    kiosks: load.kiosks,
    'orders/s': load.ordersPerSecond.toFixed(0),
    'vs SQLite': `${(load.ordersPerSecond / loads.find((other) => other.database === 'SQLite' && other.kiosks === load.kiosks)!.ordersPerSecond).toFixed(2)}x`,
    'ms p50': load.msP50,
    'ms p99': load.msP99,
    errors: load.errors + load.non2xx,
  })),
);
console.error('killing the server under load…');
const crashes = await measureCrashSafety();
console.log('Crash safety: 50 kiosks ordering with retries (same idempotency key), the server process SIGKILLed at random moments and restarted on the same database');
console.table(
  crashes.map((run) => ({
    database: run.database,
    'faults injected': run.faultsInjected,
    'orders acknowledged': run.ordersAcknowledged,
    retries: run.retries,
    lost: run.lost,
    duplicated: run.duplicated,
    inconsistent: run.inconsistent,
    'totals add up': run.storedTotal === run.acknowledgedTotal ? 'yes' : `no (${run.storedTotal} stored vs ${run.acknowledgedTotal} acknowledged)`,
  })),
);
const nothingLost = crashes.every((run) => run.lost + run.duplicated + run.inconsistent + run.unacknowledged === 0 && run.storedTotal === run.acknowledgedTotal);
console.log(nothingLost ? 'nothing lost: every acknowledged order stored exactly once, whole' : 'ORDERS LOST OR DOUBLED: see the table above');
if (!nothingLost) process.exitCode = 1;

console.error('trying hostile inputs…');
const hostile = runHostileInputSuites();
console.log('\nHostile input (fast-check property suites, the same as in npm test):');
for (const line of hostile.counts) console.log(`  ${line}`);
console.log(hostile.passed ? '  no 5xx, no crash, nothing stored from a refused request, no file read outside its folder' : '  A PROPERTY FAILED: run the suites above with vitest for the counterexample');
if (!hostile.passed) process.exitCode = 1;
const brokerMemory = await measureBrokerMemory();
console.log('Unauthenticated MQTT clients: 4 TCP connections each declaring a 256 MB CONNECT, then 32 MB of junk');
console.table(brokerMemory.map((run) => ({ broker: run.broker, 'RSS growth MB': run.rssGrowthMb.toFixed(1), 'connections still open': run.stillOpen })));
const fanOut = await measureFanOut(100, 50);
console.log('MQTT fan-out: one message to 100 subscribed devices (QoS 1), publish → each device');
console.table(fanOut.map((run) => ({ broker: run.broker, devices: run.devices, messages: run.messages, 'ms p50': run.msP50.toFixed(1), 'ms p99': run.msP99.toFixed(1), 'p50 vs mosquitto': `${(run.msP50 / fanOut[1]!.msP50).toFixed(2)}x` })));
const pooled = await measureDecide(os.availableParallelism());
const single = await measureDecide(1);
console.log('Camera devices: POST /api/vision/decide with held-out aaf-train JPEG faces, 4 in flight');
console.table([pooled, single].map((run) => ({ threads: run.threads, 'frames/s': run.framesPerSecond.toFixed(2), 'ms p50': run.msP50.toFixed(0), 'ms p99': run.msP99.toFixed(0), frames: run.frames })));
console.log(`the pool of ${pooled.threads} decides ${(pooled.framesPerSecond / single.framesPerSecond).toFixed(2)}x as many frames a second as one thread`);
