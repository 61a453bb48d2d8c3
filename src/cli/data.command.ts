/** `kiosk data import | export`: labelled face datasets in and out of the store's `face_samples`. */
import path from 'node:path';
import type { Command } from 'commander';
import { progress } from './cli-options';
import { loadConfig } from '../config/config';
import { exportDataset, EXPORT_FORMATS } from '../server/datasets/export-dataset';
import { DATASET_FORMATS } from '../server/datasets/dataset-entry';
import { importDataset } from '../server/datasets/import-dataset';
import { FaceSampleRepository } from '../server/repositories/face-sample.repository';
import { storeSettings } from '../server/services/settings.service';
import { openStore } from '../server/store';
import { FaceFeatureExtractor } from '../vision/features/face-features';
import { FeatureCache } from '../vision/features/feature-cache';
import { readFrozenFiles } from '../vision/head/frozen-set';

export function registerDataCommands(program: Command): void {
  const data = program.command('data').description('labelled face datasets: import into the training samples, export them');

  data
    .command('import')
    .description('run a labelled folder (or an archive of one) through the face pipeline and store its faces as training samples')
    .argument('<dir-or-archive>', 'the dataset folder, or a .zip, .tar, .tar.gz or .tgz file holding it (checked entry by entry, unpacked to a temporary folder)')
    .option('--format <format>', `${DATASET_FORMATS.join(' | ')} (default: labels.csv → csv, data.yaml → yolo, else utkface)`)
    .option('--name <name>', "the dataset's name on its samples (default: the folder's name; for an archive, its only top folder's or its own)")
    .option('--json', 'print only the counts, as one JSON object', false)
    .action(async (source: string, flags: { format?: string; name?: string; json: boolean }) => {
      const config = loadConfig();
      const { db, files } = await openStore(config);
      try {
        const { seniorAge } = await storeSettings(db, config);
        let bar: ReturnType<typeof progress> | undefined;
        const summary = await importDataset(
          source,
          {
            ...(flags.format ? { format: flags.format } : {}),
            ...(flags.name ? { name: flags.name } : {}),
            seniorAge,
            frozenFiles: new Set(await readFrozenFiles()),
            // On the data disk, which has room for a dataset; the system's temp folder may be a small RAM disk.
            archive: { tempDir: path.join(config.dataDir, 'tmp') },
            onProgress: (done, total) => {
              bar ??= progress(total, 'importing faces');
              bar.update(done);
              if (done === total) bar.stop();
            },
          },
          { samples: new FaceSampleRepository(db), files, extractor: new FaceFeatureExtractor(), cache: new FeatureCache(path.join(config.dataDir, 'cache', 'face-features')) },
        );
        if (!flags.json) {
          console.log(`${summary.dataset} (${summary.format}): ${summary.images} labelled images, ${summary.added} added, ${summary.alreadyStored} already stored,`);
          console.log(`${summary.frozen} in the frozen validation set (skipped), ${summary.noFace} without a detected face, ${summary.unlabelled} without a label.`);
        }
        console.log(JSON.stringify(summary));
      } finally {
        await db.destroy();
      }
    });

  data
    .command('export')
    .description('write the stored training samples with their images as a dataset folder')
    .argument('<dir>', 'a new or empty folder')
    .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
    .option('--json', 'print only the counts, as one JSON object', false)
    .action(async (dir: string, flags: { format: string; json: boolean }) => {
      const { db, files } = await openStore(loadConfig());
      try {
        const summary = await exportDataset(dir, flags.format, { samples: new FaceSampleRepository(db), files });
        if (!flags.json) console.log(`${summary.written} samples written to ${dir} (${summary.format}); ${summary.noImage} without a stored image and ${summary.noAge} without an age left out.`);
        console.log(JSON.stringify(summary));
      } finally {
        await db.destroy();
      }
    });
}
