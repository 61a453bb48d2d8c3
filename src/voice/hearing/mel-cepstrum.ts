/**
 * MFCCs from a frame's amplitude spectrum, computed exactly as meyda's `mfcc` does (its mel filter
 * bank, log(energy + 1), its DCT, rounding to float32 where meyda stores float32) but with the filter bank built
 * once and walked only where it is not zero. meyda rebuilds 26 spectra-sized arrays per frame,
 * which made features most of the training time and a busy audio callback in the browser.
 */

export type MelCepstrum = (amplitudeSpectrum: Float32Array) => Float32Array;

type Filter = { start: number; weights: Float64Array };

export function melCepstrum(options: { bands: number; coefficients: number; sampleRate: number; frameSize: number }): MelCepstrum {
  const filters = melFilters(options.bands, options.sampleRate, options.frameSize);
  const cosines = Array.from({ length: options.coefficients }, (_, k) => Float64Array.from({ length: options.bands }, (__, n) => Math.cos((Math.PI / options.bands) * (n + 0.5) * k)));
  const logged = new Float32Array(options.bands);
  return (amplitudeSpectrum) => {
    filters.forEach(({ start, weights }, band) => {
      let energy = 0;
      for (let offset = 0; offset < weights.length; offset += 1) {
        const power = Math.fround(amplitudeSpectrum[start + offset]! ** 2);
        energy = Math.fround(energy + Math.fround(weights[offset]! * power));
      }
      logged[band] = Math.log(energy + 1);
    });
    return Float32Array.from(cosines, (row) => {
      let sum = 0;
      for (let band = 0; band < row.length; band += 1) sum += logged[band]! * row[band]!;
      return 2 * sum;
    });
  };
}

/** meyda's triangular filters (`createMelFilterBank`): edges evenly spaced in mel from 0 to Nyquist, on whole FFT bins. */
function melFilters(bands: number, sampleRate: number, frameSize: number): Filter[] {
  const toMel = (hz: number) => 1125 * Math.log(1 + hz / 700);
  const toHz = (mel: number) => 700 * (Math.exp(mel / 1125) - 1);
  const step = toMel(sampleRate / 2) / (bands + 1);
  const bins = Array.from({ length: bands + 2 }, (_, index) => Math.floor(((frameSize + 1) * Math.fround(toHz(Math.fround(index * step)))) / sampleRate));
  return Array.from({ length: bands }, (_, band) => {
    const [low, centre, high] = [bins[band]!, bins[band + 1]!, bins[band + 2]!];
    // meyda sums over the first frameSize / 2 bins only.
    const end = Math.min(high, frameSize / 2);
    const weights = Float64Array.from({ length: Math.max(0, end - low) }, (__, offset) => {
      const bin = low + offset;
      return bin < centre ? (bin - low) / (centre - low) : (high - bin) / (high - centre);
    });
    return { start: low, weights };
  });
}
