/**
 * Human (face detection) and tfjs on the WebAssembly backend in Node, with every model and wasm
 * file read from disk: nothing is fetched from a CDN. One loader for the whole vision module.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as HumanModule from '@vladmandic/human';
import type * as TfCore from '@tensorflow/tfjs-core';

const require = createRequire(import.meta.url);

/** Human's `exports` map lacks "./", so its node-wasm build is found beside the main entry. */
const HUMAN_DIST_DIR = path.dirname(require.resolve('@vladmandic/human'));
export const HUMAN_MODELS_DIR = path.resolve(HUMAN_DIST_DIR, '../models');
export const WASM_DIR = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
/** Models we ship ourselves: our trained group head. */
export const PROJECT_MODELS_DIR = path.resolve(import.meta.dirname, '../../../models');

export type HumanLib = typeof HumanModule;
export type Tf = typeof TfCore;

export function loadHumanLibrary(): HumanLib {
  registerFileLoader(require('@tensorflow/tfjs-core') as Tf);
  return require(path.join(HUMAN_DIST_DIR, 'human.node-wasm.js')) as HumanLib;
}

let fileLoaderRegistered = false;

/** A tfjs IO router for `file://` URLs: reads model.json and its weight shards from disk. */
function registerFileLoader(tf: Tf): void {
  if (fileLoaderRegistered) return;
  fileLoaderRegistered = true;
  // A router answers null for URLs it does not handle; tfjs's type does not say so.
  const router = (url: string | string[]) => {
    const first = Array.isArray(url) ? url[0] : url;
    if (typeof first !== 'string' || !first.startsWith('file://')) return null;
    return { load: async () => readModelArtifacts(first.slice('file://'.length)) };
  };
  tf.io.registerLoadRouter(router as Parameters<Tf['io']['registerLoadRouter']>[0]);
}

type ModelJson = Omit<TfCore.io.ModelArtifacts, 'weightSpecs' | 'weightData'> & { weightsManifest: TfCore.io.WeightsManifestConfig };

function readModelArtifacts(modelJsonPath: string): TfCore.io.ModelArtifacts {
  const { weightsManifest, ...artifacts } = JSON.parse(fs.readFileSync(modelJsonPath, 'utf8')) as ModelJson;
  const dir = path.dirname(modelJsonPath);
  const weights = Buffer.concat(weightsManifest.flatMap((group) => group.paths.map((shard) => fs.readFileSync(path.join(dir, shard)))));
  return {
    ...artifacts,
    weightSpecs: weightsManifest.flatMap((group) => group.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  };
}

export function fileUrl(file: string): string {
  return `file://${file}`;
}
