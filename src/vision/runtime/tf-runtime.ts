/** tfjs-core on the WebAssembly backend for training in Node, wasm files read from node_modules. */
import { createRequire } from 'node:module';
import type * as TfCore from '@tensorflow/tfjs-core';
import { WASM_DIR } from './human-runtime';

const require = createRequire(import.meta.url);

export async function loadTf(): Promise<typeof TfCore> {
  const tf = require('@tensorflow/tfjs-core') as typeof TfCore;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void };
  if (tf.getBackend() !== 'wasm') {
    wasm.setWasmPaths(`${WASM_DIR}/`);
    await tf.setBackend('wasm');
    await tf.ready();
  }
  return tf;
}
