/**
 * MFCCs from a frame's amplitude spectrum, computed as meyda's `mfcc` does (its mel filter bank,
 * its DCT, rounding to float32 where meyda stores float32) but with the filter bank built
 * once and walked only where it is not zero, and with the log's offset a setting: meyda's
 * log(energy + 1) is nearly linear for the small energies of a quiet voice, so the same word said
 * 12 dB softer gave other features (an espeak-ng word: RMS 18 per value of the utterance vector;
 * with an offset of 1e-8 under 0.001).
 * Older models were trained with meyda's offset; `logOffset` keeps them working. meyda rebuilds 26 spectra-sized arrays per frame,
 * which made features most of the training time and a busy audio callback in the browser.
 */

export type MelCepstrum = (amplitudeSpectrum: Float32Array) => Float32Array;

/**
 * Training only (augmentation): `warp` moves the filter bank along the frequency axis as a longer
 * or shorter vocal tract would (VTLP, Jaitly & Hinton 2013); `silencedBands` are mel bands read as
 * empty (SpecAugment's frequency mask). The kiosk hears with neither.
 */
export type SpectralPerturbation = { warp: number; silencedBands: { from: number; count: number } | null };

type Filter = { start: number; weights: Float64Array };

export function melCepstrum(options: { bands: number; coefficients: number; sampleRate: number; frameSize: number; logOffset: number }, perturbation?: SpectralPerturbation): MelCepstrum {
  const filters = melFilters(options.bands, options.sampleRate, options.frameSize, perturbation?.warp ?? 1);
  const silenced = perturbation?.silencedBands;
  const isSilenced = (band: number) => silenced !== null && silenced !== undefined && band >= silenced.from && band < silenced.from + silenced.count;
  const cosines = Array.from({ length: options.coefficients }, (_, k) => Float64Array.from({ length: options.bands }, (__, n) => Math.cos((Math.PI / options.bands) * (n + 0.5) * k)));
  const logged = new Float32Array(options.bands);
  return (amplitudeSpectrum) => {
    filters.forEach(({ start, weights }, band) => {
      let energy = 0;
      for (let offset = 0; offset < weights.length; offset += 1) {
        const power = Math.fround(amplitudeSpectrum[start + offset]! ** 2);
        energy = Math.fround(energy + Math.fround(weights[offset]! * power));
      }
      logged[band] = isSilenced(band) ? Math.log(options.logOffset) : Math.log(energy + options.logOffset);
    });
    return Float32Array.from(cosines, (row) => {
      let sum = 0;
      for (let band = 0; band < row.length; band += 1) sum += logged[band]! * row[band]!;
      return 2 * sum;
    });
  };
}

/** meyda's triangular filters (`createMelFilterBank`): edges evenly spaced in mel from 0 to Nyquist, on whole FFT bins. */
function melFilters(bands: number, sampleRate: number, frameSize: number, warp: number): Filter[] {
  const toMel = (hz: number) => 1125 * Math.log(1 + hz / 700);
  const toHz = (mel: number) => 700 * (Math.exp(mel / 1125) - 1);
  const warped = warp === 1 ? (hz: number) => hz : vtlpWarp(warp, sampleRate / 2);
  const step = toMel(sampleRate / 2) / (bands + 1);
  const bins = Array.from({ length: bands + 2 }, (_, index) => Math.floor(((frameSize + 1) * Math.fround(warped(toHz(Math.fround(index * step))))) / sampleRate));
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

/**
 * VTLP's piecewise-linear warp: frequencies scale by `alpha` up to a knee (4.8 kHz, moved so the
 * top stays inside the band), then a straight line to Nyquist, so no filter leaves the spectrum.
 */
function vtlpWarp(alpha: number, nyquist: number): (hz: number) => number {
  const knee = (4800 * Math.min(alpha, 1)) / alpha;
  return (hz) => (hz <= knee ? hz * alpha : nyquist - ((nyquist - knee * alpha) / (nyquist - knee)) * (nyquist - hz));
}
