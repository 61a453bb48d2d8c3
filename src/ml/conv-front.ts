/**
 * An optional front for a DenseNetwork whose input starts with a time sequence (steps × channels,
 * row-major by step): 1-D convolutions over time, each followed by ReLU and averaging pairs of
 * steps. The same filters look at every moment, so a syllable is recognised wherever the word puts
 * it; what follows the sequence in the input (e.g. a duration) passes through untouched.
 */

/** Weights row-major [kernel × channels in][filters]: the layout of an im2col patch times a matrix. */
export type ConvLayer = { kernel: number; filters: number; weights: string; bias: number[] };

export type ConvFrontModel = { steps: number; channels: number; layers: ConvLayer[] };

export type DecodedConvLayer = { kernel: number; filters: number; weights: Float32Array; bias: Float32Array };

/** Values the dense layers receive: the pooled feature maps (row-major by step), then the input after the sequence. One formula for the trainer's spec and the stored model. */
export function convOutputSize(shape: { steps: number; channels: number; filters: readonly number[] }, inputSize: number): number {
  const steps = shape.steps / 2 ** shape.filters.length;
  return steps * (shape.filters.at(-1) ?? shape.channels) + inputSize - shape.steps * shape.channels;
}

export function applyConvFront(front: ConvFrontModel, layers: readonly DecodedConvLayer[], input: Float32Array): Float32Array {
  let steps = front.steps;
  let channels = front.channels;
  let sequence = input.subarray(0, steps * channels);
  for (const layer of layers) {
    sequence = poolPairs(convolve(sequence, steps, channels, layer), steps, layer.filters);
    steps /= 2;
    channels = layer.filters;
  }
  const rest = input.subarray(front.steps * front.channels);
  const out = new Float32Array(sequence.length + rest.length);
  out.set(sequence);
  out.set(rest, sequence.length);
  return out;
}

/** "Same" padding with zeros, then ReLU. */
function convolve(input: Float32Array, steps: number, channels: number, layer: DecodedConvLayer): Float32Array {
  const { kernel, filters, weights, bias } = layer;
  const half = (kernel - 1) / 2;
  const out = new Float32Array(steps * filters);
  for (let step = 0; step < steps; step += 1) {
    const row = out.subarray(step * filters, (step + 1) * filters);
    row.set(bias);
    for (let tap = 0; tap < kernel; tap += 1) {
      const source = step + tap - half;
      if (source < 0 || source >= steps) continue;
      for (let channel = 0; channel < channels; channel += 1) {
        const value = input[source * channels + channel]!;
        if (value === 0) continue;
        const offset = (tap * channels + channel) * filters;
        for (let filter = 0; filter < filters; filter += 1) row[filter]! += value * weights[offset + filter]!;
      }
    }
    for (let filter = 0; filter < filters; filter += 1) row[filter] = Math.max(0, row[filter]!);
  }
  return out;
}

function poolPairs(input: Float32Array, steps: number, channels: number): Float32Array {
  const out = new Float32Array((steps / 2) * channels);
  for (let step = 0; step < steps / 2; step += 1) {
    for (let channel = 0; channel < channels; channel += 1) {
      out[step * channels + channel] = (input[2 * step * channels + channel]! + input[(2 * step + 1) * channels + channel]!) / 2;
    }
  }
  return out;
}
