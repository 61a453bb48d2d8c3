/**
 * The group head shipped in models/, which a fresh registry makes active: its version and the
 * frozen-set metrics on its card, so tests follow it when it is retrained.
 */
import fs from 'node:fs';
import { DEFAULT_HEAD_FILE } from '../vision/face-classifier';

const shipped = JSON.parse(fs.readFileSync(DEFAULT_HEAD_FILE, 'utf8')) as { version: string; card: { validation: { macroF1: number; seniorRecall: number } } };

export const SHIPPED_HEAD_VERSION = shipped.version;
export const SHIPPED_HEAD_METRICS = { macroF1: shipped.card.validation.macroF1, seniorRecall: shipped.card.validation.seniorRecall };
