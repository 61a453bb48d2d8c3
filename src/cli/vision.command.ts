/** `kiosk vision train | eval | detect`: the camera's classifier from the command line. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { number, progress } from './cli-options';
import { loadConfig } from '../config/config';
import { DEFAULT_SENIOR_AGE } from '../domain/customer-group';
import { analyseDataset, analyseFace, loadDataset, stratifiedSplit } from '../vision/dataset/face-dataset';
import { decide, DEFAULT_HEAD_FILE, loadGroupHead } from '../vision/face-classifier';
import { FaceFeatureExtractor } from '../vision/features/face-features';
import { FeatureCache, FEATURE_VERSION } from '../vision/features/feature-cache';
import { headInputOf } from '../vision/head/head-input';
import { CONFUSION_COLUMNS, metricsOf, type Decision } from '../vision/head/metrics';
import { DEFAULT_TRAIN_OPTIONS, trainGroupHead } from '../vision/head/train-head';
import { writeModelCard } from '../vision/head/model-card';
import { groupOf } from '../domain/customer-group';
import { loadTf } from '../vision/runtime/tf-runtime';
import { percentile } from '../shared/percentile';

function featureCache(): FeatureCache {
  return new FeatureCache(path.join(loadConfig().dataDir, 'cache', 'face-features'));
}

export function registerVisionCommands(program: Command): void {
  const vision = program.command('vision').description('the camera: on-device senior/general × male/female classification');

  vision
    .command('train')
    .description('train the group head on a labelled folder (labels.csv + images/) and print its validation metrics')
    .requiredOption('--data <dir>', 'folder with labels.csv (file,age,gender) and images/')
    .option('--out <dir>', 'where to write model.json and MODEL_CARD.md', path.dirname(DEFAULT_HEAD_FILE))
    .option('--senior-age <age>', 'senior from this age', number, DEFAULT_SENIOR_AGE)
    .option('--min-age <age>', 'leave out younger faces (not kiosk customers)', number, 15)
    .option('--holdout <fraction>', 'share of each group kept for validation', number, 0.2)
    .option('--seed <n>', 'seed for the split and the initial weights', number, DEFAULT_TRAIN_OPTIONS.seed)
    .option('--hidden <units>', 'hidden units (0: a softmax layer)', number, DEFAULT_TRAIN_OPTIONS.hidden)
    .option('--epochs <n>', 'full-batch training epochs', number, DEFAULT_TRAIN_OPTIONS.epochs)
    .action(async (options: { data: string; out: string; seniorAge: number; minAge: number; holdout: number; seed: number; hidden: number; epochs: number }) => {
      const faces = (await loadDataset(options.data)).filter((face) => face.age >= options.minAge);
      const extractor = new FaceFeatureExtractor();
      const bar = progress(faces.length, 'analysing faces');
      const analysed = await analyseDataset(faces, extractor, { seniorAge: options.seniorAge, cache: featureCache(), onProgress: (done) => bar.update(done) });
      bar.stop();
      const withFace = analysed.filter((face) => face.features);
      const { train, holdout } = stratifiedSplit(withFace, options.holdout, options.seed, options.seniorAge);
      const toSample = (face: (typeof withFace)[number]) => ({ input: headInputOf(face.features!), group: face.group });
      const tf = await loadTf();
      const head = await trainGroupHead(
        tf,
        train.map(toSample),
        holdout.map(toSample),
        { ...DEFAULT_TRAIN_OPTIONS, hidden: options.hidden, epochs: options.epochs, seed: options.seed, log: (line) => console.error(line) },
        {
          version: new Date().toISOString().slice(0, 10),
          featureVersion: FEATURE_VERSION,
          seniorAge: options.seniorAge,
          card: { data: path.resolve(options.data), faces: faces.length, noFace: analysed.length - withFace.length, train: train.length, validationFaces: holdout.length, seed: options.seed },
        },
      );
      const validation = metricsOf(holdout.map((face) => ({ truth: face.group, decision: head.predict(headInputOf(face.features!)).group })));
      const model = { ...head.model, card: { ...head.model.card, validation } };
      await fs.mkdir(options.out, { recursive: true });
      await fs.writeFile(path.join(options.out, 'model.json'), `${JSON.stringify(model)}\n`);
      await writeModelCard(path.join(options.out, 'MODEL_CARD.md'), model, validation);
      // The held-out images, by name, so tests can measure on faces the head never saw.
      await fs.writeFile(path.join(options.out, 'holdout.txt'), `${holdout.map((face) => face.file).join('\n')}\n`);
      printMetricsTable(validation, null, null);
      console.log(JSON.stringify({ out: path.resolve(options.out), train: train.length, validation: holdout.length, macroF1: validation.macroF1, seniorRecall: validation.seniorRecall, accuracy: validation.accuracy }));
    });

  vision
    .command('eval')
    .description('run the full pipeline (detect → head) on a labelled folder and report how it does')
    .requiredOption('--data <dir>', 'folder with labels.csv (file,age,gender) and images/')
    .option('--senior-age <age>', 'truth: senior from this age', number, DEFAULT_SENIOR_AGE)
    .option('--model <file>', 'group head to evaluate', DEFAULT_HEAD_FILE)
    .option('--cache', 'reuse cached face features (faster; the timing then covers fresh images only)', false)
    .option('--json', 'print one JSON object on the last line', false)
    .action(async (options: { data: string; seniorAge: number; model: string; cache: boolean; json: boolean }) => {
      const faces = await loadDataset(options.data);
      const head = await loadGroupHead(options.model);
      if (head.model.seniorAge !== options.seniorAge) {
        console.error(`note: the head was trained with senior age ${head.model.seniorAge}; the truth here uses ${options.seniorAge}.`);
      }
      const extractor = new FaceFeatureExtractor();
      await extractor.load();
      const cache = options.cache ? featureCache() : undefined;
      const bar = progress(faces.length, 'evaluating');
      const pairs: { truth: ReturnType<typeof groupOf>; decision: Decision }[] = [];
      const timings: number[] = [];
      let noFace = 0;
      for (const face of faces) {
        const { features, ms } = await analyseFace(face.path, extractor, cache);
        const decision = decide(head, features);
        if (!features) noFace += 1;
        if (ms !== null) timings.push(ms);
        pairs.push({ truth: groupOf(face.age, face.gender, options.seniorAge), decision: decision.group });
        bar.increment();
      }
      bar.stop();
      const metrics = metricsOf(pairs);
      const noFaceRate = faces.length ? noFace / faces.length : 0;
      const msPerImageP50 = timings.length > 0 ? Math.round(percentile(timings, 0.5) * 10) / 10 : null;
      if (options.json) {
        console.log(JSON.stringify({ ...metrics, noFaceRate, msPerImageP50, confusionColumns: CONFUSION_COLUMNS, model: head.model.version }));
      } else {
        printMetricsTable(metrics, noFaceRate, msPerImageP50);
      }
    });

  vision
    .command('detect')
    .description('print the decision for each image')
    .argument('<files...>', 'JPEG or PNG images')
    .option('--model <file>', 'group head to use', DEFAULT_HEAD_FILE)
    .action(async (files: string[], options: { model: string }) => {
      const head = await loadGroupHead(options.model);
      const extractor = new FaceFeatureExtractor();
      await extractor.load();
      for (const file of files) {
        const { features, ms } = await analyseFace(file, extractor);
        const decision = decide(head, features);
        const confidence = decision.group === 'unknown' ? 'no face' : `confidence ${decision.confidence.toFixed(2)}`;
        console.log(`${file}\t${decision.group}\t${confidence}\t${Math.round(ms ?? 0)} ms`);
      }
    });
}


function printMetricsTable(metrics: ReturnType<typeof metricsOf>, noFaceRate: number | null, msPerImageP50: number | null): void {
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  const rows: [string, string][] = [
    ['faces', String(metrics.n)],
    ['accuracy', pct(metrics.accuracy)],
    ['macro F1', metrics.macroF1.toFixed(3)],
    ['senior recall', pct(metrics.seniorRecall)],
    ['senior precision', pct(metrics.seniorPrecision)],
    ['gender accuracy', pct(metrics.genderAccuracy)],
  ];
  if (noFaceRate !== null) rows.push(['no face found', pct(noFaceRate)]);
  if (msPerImageP50 !== null) rows.push(['ms per image (median)', msPerImageP50.toFixed(1)]);
  console.log(rows.map(([name, value]) => `${name.padEnd(24)}${value}`).join('\n'));
  console.log(`\nconfusion (rows: truth; columns: ${CONFUSION_COLUMNS.join(', ')})`);
  metrics.confusion.forEach((row, index) => console.log(`${CONFUSION_COLUMNS[index]!.padEnd(16)}${row.map((cell) => String(cell).padStart(8)).join('')}`));
}
