/**
 * A whisper.cpp model file of the right shape with random weights, for plumbing tests of the real
 * binding: it loads and decodes, and what it "hears" means nothing. The layout is whisper.cpp's
 * ggml format as its convert scripts write it (convert-pt-to-ggml.py): the magic, the hyper-
 * parameters, the mel filters, a vocabulary of ASCII stand-ins, then every tensor by name with its dimensions innermost first. Matrices and
 * convolution kernels are f16 (ftype 1, as whisper.cpp's kernels require), the rest f32.
 */
import fs from 'node:fs';
import { seededRandom } from '../shared/seeded-random';

const GGML_MAGIC = 0x67676d6c;
const F32 = 0;
const F16 = 1;
/** Multilingual (Korean) models have 51865 tokens or more. */
const N_VOCAB = 51865;
const N_MELS = 80;
const N_FFT = 201;
const N_AUDIO_CTX = 1500;
const N_TEXT_CTX = 448;
/** Tiny on purpose: one layer, one head, 64 wide (the real base model: 6 layers, 8 heads, 512). */
const STATE = 64;

type Tensor = { name: string; dims: number[] };

function layerTensors(prefix: string, crossAttention: boolean): Tensor[] {
  const linear = (name: string, outputs: number, inputs: number, bias = true): Tensor[] => [
    { name: `${prefix}.${name}.weight`, dims: [inputs, outputs] },
    ...(bias ? [{ name: `${prefix}.${name}.bias`, dims: [outputs] }] : []),
  ];
  const norm = (name: string): Tensor[] => [
    { name: `${prefix}.${name}.weight`, dims: [STATE] },
    { name: `${prefix}.${name}.bias`, dims: [STATE] },
  ];
  const attention = (name: string): Tensor[] => [
    ...linear(`${name}.query`, STATE, STATE),
    ...linear(`${name}.key`, STATE, STATE, false),
    ...linear(`${name}.value`, STATE, STATE),
    ...linear(`${name}.out`, STATE, STATE),
  ];
  return [
    ...norm('mlp_ln'),
    ...linear('mlp.0', 4 * STATE, STATE),
    ...linear('mlp.2', STATE, 4 * STATE),
    ...norm('attn_ln'),
    ...attention('attn'),
    ...(crossAttention ? [...norm('cross_attn_ln'), ...attention('cross_attn')] : []),
  ];
}

function modelTensors(): Tensor[] {
  return [
    { name: 'encoder.positional_embedding', dims: [STATE, N_AUDIO_CTX] },
    { name: 'encoder.conv1.weight', dims: [3, N_MELS, STATE] },
    { name: 'encoder.conv1.bias', dims: [1, STATE] },
    { name: 'encoder.conv2.weight', dims: [3, STATE, STATE] },
    { name: 'encoder.conv2.bias', dims: [1, STATE] },
    { name: 'encoder.ln_post.weight', dims: [STATE] },
    { name: 'encoder.ln_post.bias', dims: [STATE] },
    ...layerTensors('encoder.blocks.0', false),
    { name: 'decoder.positional_embedding', dims: [STATE, N_TEXT_CTX] },
    { name: 'decoder.token_embedding.weight', dims: [STATE, N_VOCAB] },
    { name: 'decoder.ln.weight', dims: [STATE] },
    { name: 'decoder.ln.bias', dims: [STATE] },
    ...layerTensors('decoder.blocks.0', true),
  ];
}

const int32s = (...values: number[]) => Buffer.from(new Int32Array(values).buffer);

/** Writes the model to `file` (about 14 MB); the same `seed` writes the same file. */
export function writeRandomWhisperModel(file: string, seed = 1): void {
  const random = seededRandom(seed);
  const floats = (count: number, scale: number) => {
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) values[i] = (random() * 2 - 1) * scale;
    return Buffer.from(values.buffer);
  };
  // Half floats of random sign, about 0.001 to 0.06 in size (exponents 5–10 of 15): no Float16Array in Node 20.
  const halves = (count: number) => {
    const values = new Uint16Array(count);
    for (let i = 0; i < count; i++) values[i] = ((random() < 0.5 ? 1 : 0) << 15) | ((5 + Math.floor(random() * 6)) << 10) | Math.floor(random() * 1024);
    return Buffer.from(values.buffer);
  };
  const parts: Buffer[] = [
    int32s(GGML_MAGIC, N_VOCAB, N_AUDIO_CTX, STATE, 1, 1, N_TEXT_CTX, STATE, 1, 1, N_MELS, F16),
    int32s(N_MELS, N_FFT),
    floats(N_MELS * N_FFT, 0.01),
    // Plain ASCII names for every token, so whatever random weights pick prints as valid text.
    int32s(N_VOCAB),
    ...Array.from({ length: N_VOCAB }, (_, id) => {
      const word = Buffer.from(` w${id}`, 'ascii');
      return Buffer.concat([int32s(word.length), word]);
    }),
  ];
  for (const { name, dims } of modelTensors()) {
    const nameBytes = Buffer.from(name, 'utf8');
    const half = name.endsWith('.weight') && dims.length >= 2;
    parts.push(int32s(dims.length, nameBytes.length, half ? F16 : F32), int32s(...dims), nameBytes);
    // Layer norms at one, everything else small, so activations stay finite.
    const count = dims.reduce((product, dim) => product * dim, 1);
    if (half) parts.push(halves(count));
    else parts.push(/ln(_post)?\.weight$/.test(name) ? Buffer.from(new Float32Array(count).fill(1).buffer) : floats(count, 0.05));
  }
  fs.writeFileSync(file, Buffer.concat(parts));
}
