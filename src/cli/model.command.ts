/**
 * `kiosk model train | list | promote | rollback`: the group head's registry from the command line.
 * The server is another process: it notices a new active version in the registry within a few seconds
 * and announces it to the kiosks (server/registry/active-model-watch.ts).
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { number, progress } from './cli-options';
import { loadConfig } from '../config/config';
import { storedTrainingFaces } from '../server/datasets/stored-training-faces';
import { FaceSampleRepository } from '../server/repositories/face-sample.repository';
import { openModelRegistry } from '../server/registry/open-registry';
import { storeSettings } from '../server/services/settings.service';
import { GROUP_HEAD, RUN_TRIGGERS, type RunTrigger } from '../server/registry/model-version';
import { versionSummary } from '../server/registry/version-summary';
import { analyseDataset } from '../vision/dataset/face-dataset';
import { FaceFeatureExtractor } from '../vision/features/face-features';
import { FeatureCache } from '../vision/features/feature-cache';
import { DEFAULT_FROZEN_DATA_DIR, loadFrozenSet, readFrozenFiles } from '../vision/head/frozen-set';
import { GroupHead, type GroupHeadModel } from '../vision/head/group-head';
import { DEFAULT_TRAIN_OPTIONS } from '../vision/head/train-head';
import { DEFAULT_FOLDS, DEFAULT_GRID, evaluateOn, folderTrainingFaces, trainCandidate } from '../vision/head/train-candidate';

type TrainFlags = { data?: string; json: boolean; limit?: number; frozenData: string; frozenLimit?: number; seniorAge?: number; minAge: number; seed: number; epochs: number; folds: number; trigger: RunTrigger };

export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('the group head registry: train candidates, list, promote, roll back');

  model
    .command('train')
    .description('train a candidate on the labelled samples (and a folder), judge it on the frozen set, promote it if it beats the active model')
    .option('--data <dir>', 'also train on this labelled folder (labels.csv file,age,gender + images/)')
    .option('--json', 'print only the result line on stdout', false)
    .option('--limit <n>', 'train on at most this many faces (the same share of each group)', number)
    .option('--frozen-data <dir>', 'the folder holding the frozen validation faces (aaf-train)', DEFAULT_FROZEN_DATA_DIR)
    .option('--frozen-limit <n>', 'judge on a stratified subset of the frozen set (quick runs and tests)', number)
    .option('--senior-age <age>', "senior from this age (default: the store's setting)", number)
    .option('--min-age <age>', 'leave out younger faces (not kiosk customers)', number, 15)
    .option('--seed <n>', 'seed for the folds, the splits and the initial weights', number, DEFAULT_TRAIN_OPTIONS.seed)
    .option('--epochs <n>', 'full-batch training epochs', number, DEFAULT_TRAIN_OPTIONS.epochs)
    .option('--folds <n>', 'cross-validation folds for the choice of L2 and class balance', number, DEFAULT_FOLDS)
    .addOption(new Option('--trigger <how>', 'what started the run, recorded with it (the server passes schedule or manual)').choices(RUN_TRIGGERS).default('cli'))
    .action(async (flags: TrainFlags) => {
      const config = loadConfig();
      const { registry, db, close } = await openModelRegistry(config);
      // Recorded first, so a run killed halfway is seen as `running` and marked failed by the next start.
      const runId = await registry.startRun(GROUP_HEAD, flags.trigger);
      try {
        const seniorAge = flags.seniorAge ?? (await storeSettings(db, config)).seniorAge;
        const frozenFiles = new Set(await readFrozenFiles());
        const stored = await storedTrainingFaces(new FaceSampleRepository(db), { minAge: flags.minAge, frozenFiles });
        if (stored.length === 0 && !flags.data) throw new Error('no labelled samples to train on yet: import a dataset with `kiosk data import DIR`, or pass --data DIR (labels.csv + images/).');
        const cache = new FeatureCache(path.join(config.dataDir, 'cache', 'face-features'));
        const extractor = new FaceFeatureExtractor();
        const bars = new Map<string, ReturnType<typeof progress>>();
        const onProgress = (label: string) => (done: number, total: number) => {
          if (!bars.has(label)) bars.set(label, progress(total, label));
          bars.get(label)!.update(done);
          if (done === total) bars.get(label)!.stop();
        };
        const frozen = await loadFrozenSet(flags.frozenData, { ...(flags.frozenLimit ? { limit: flags.frozenLimit } : {}), seed: flags.seed, seniorAge });
        const frozenFaces = await analyseDataset(frozen.faces, extractor, { seniorAge, cache, onProgress: (done) => onProgress('analysing frozen faces')(done, frozen.faces.length) });
        const folder = flags.data ? await folderTrainingFaces(flags.data, { seniorAge, minAge: flags.minAge, frozenFiles }, extractor, cache, onProgress('analysing training faces')) : [];
        const trained = await trainCandidate([...stored, ...folder], { faces: frozenFaces, ref: frozen.ref }, {
          ...(flags.limit ? { limit: flags.limit } : {}),
          seniorAge,
          minAge: flags.minAge,
          seed: flags.seed,
          epochs: flags.epochs,
          folds: flags.folds,
          grid: DEFAULT_GRID,
        });
        const candidate = await registry.registerCandidate({
          model: GROUP_HEAD,
          version: trained.model.version,
          artifact: Buffer.from(`${JSON.stringify(trained.model)}\n`),
          metrics: { ...trained.metrics, frozenSet: frozen.ref, source: 'frozen-set' },
          params: trained.params,
          curve: trained.curve,
          lineage: { sources: trained.sources, samples: trained.samples, frozenSet: frozen.ref },
        });
        const decision = await registry.evaluateAndMaybePromote(candidate, async (artifact) => evaluateOn(new GroupHead(JSON.parse(artifact.toString('utf8')) as GroupHeadModel), frozenFaces));
        await registry.finishRun(runId, { version: candidate.version });
        if (!flags.json) console.log(`${GROUP_HEAD} ${candidate.version}: ${decision.reason} (${trained.samples.length} faces; frozen set: ${frozen.ref.name}, ${frozen.ref.n} faces)`);
        console.log(JSON.stringify({ version: candidate.version, metrics: { macroF1: trained.metrics.macroF1, seniorRecall: trained.metrics.seniorRecall }, promoted: decision.promote, reason: decision.reason }));
      } catch (error) {
        await registry.finishRun(runId, { error: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        await close();
      }
    });

  model
    .command('list')
    .description('the group head versions, newest first')
    .option('--json', 'one JSON array (without curves and sample lists)', false)
    .action(async (flags: { json: boolean }) => {
      const versions = await withRegistry((registry) => registry.list(GROUP_HEAD));
      if (flags.json) {
        console.log(JSON.stringify(versions.map(versionSummary)));
        return;
      }
      for (const version of versions) {
        console.log(
          [version.version.padEnd(22), version.status.padEnd(10), `macroF1 ${version.metrics.macroF1.toFixed(3)}`, `seniorRecall ${version.metrics.seniorRecall.toFixed(3)}`, `on ${version.metrics.frozenSet.name}`, version.createdAt].join('  '),
        );
      }
    });

  model
    .command('promote')
    .description('make a version the active one by hand')
    .argument('<version>', 'a version from `kiosk model list`')
    .action(async (version: string) => {
      const promoted = await withRegistry((registry) => registry.promote(GROUP_HEAD, version));
      console.log(`${GROUP_HEAD} ${promoted.version} is active (was ${promoted.previousVersion ?? 'none'}).`);
    });

  model
    .command('rollback')
    .description('re-activate the version the active one replaced')
    .action(async () => {
      const restored = await withRegistry((registry) => registry.rollback(GROUP_HEAD));
      console.log(`${GROUP_HEAD} ${restored.version} is active again.`);
    });
}

async function withRegistry<T>(work: (registry: Awaited<ReturnType<typeof openModelRegistry>>['registry']) => Promise<T>): Promise<T> {
  const { registry, close } = await openModelRegistry(loadConfig());
  try {
    return await work(registry);
  } finally {
    await close();
  }
}
