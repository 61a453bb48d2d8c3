/** The real datasets tests read (`../shared/datasets`, beside the project). */
import path from 'node:path';

export const AAF_DIR = path.resolve(import.meta.dirname, '../../../shared/datasets/aaf-train');
