/**
 * What lies between a customer's mouth and the samples besides the voice: the speed they talk at
 * (speed perturbation: tempo, pitch and formants together, as Ko et al. 2015), the room, the
 * microphone's band and tilt, the input level (loud ones clip at 16 bits, as a real converter
 * does) and a codec. One sox run encodes, a second decodes, so what the recognizer gets has been
 * through the real codec.
 */
import { soxBytes, RAW_SAMPLES, samplesOf } from './speech-synthesis';

/** Codecs sox writes here. Training and the held-out conditions use different ones. */
export type Codec = 'none' | 'gsm' | 'amr-nb' | 'u-law' | 'ima-adpcm' | 'vorbis' | 'cvsd';

export type RecordingChannel = {
  speed: number;
  /** A sox `fir` coefficient file (room-impulses.ts), or none: a close microphone in a dead room. */
  room: string | null;
  highpassHz: number;
  lowpassHz: number;
  /** Shelving gain below 300 Hz and above 3 kHz: a thin or a boomy microphone. */
  bassDb: number;
  trebleDb: number;
  /** Level before the converter; a level above full scale clips. */
  levelDb: number;
  codec: Codec;
};

/** How sox reads each codec's bytes; `quality` only when writing. */
const FORMATS: Record<Codec, { format: string[]; quality?: string[] }> = {
  none: { format: ['-t', 'raw', '-e', 'signed', '-b', '16', '-r', '16000'] },
  gsm: { format: ['-t', 'gsm', '-r', '8000'] },
  'amr-nb': { format: ['-t', 'amr-nb', '-r', '8000'] },
  'u-law': { format: ['-t', 'raw', '-e', 'u-law', '-b', '8', '-r', '8000'] },
  'ima-adpcm': { format: ['-t', 'ima', '-r', '8000'] },
  // Vorbis at its lowest quality: about 45 kbit/s, the smearing of a cheap recorder.
  vorbis: { format: ['-t', 'ogg', '-r', '16000'], quality: ['-C', '-1'] },
  cvsd: { format: ['-t', 'cvsd', '-r', '16000'] },
};

export async function throughChannel(samples: Float32Array, channel: RecordingChannel): Promise<Float32Array> {
  const effects = [
    ...(channel.speed !== 1 ? ['speed', channel.speed.toFixed(3), 'rate', '16000'] : []),
    ...(channel.room ? ['fir', channel.room] : []),
    'highpass', String(Math.round(channel.highpassHz)),
    'lowpass', String(Math.round(channel.lowpassHz)),
    'bass', channel.bassDb.toFixed(1), '300',
    'treble', channel.trebleDb.toFixed(1), '3000',
    'gain', channel.levelDb.toFixed(1),
  ];
  const { format, quality = [] } = FORMATS[channel.codec];
  const encoding = [...format, '-c', '1'];
  const input = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  // sox resamples to the codec's rate after the effects on its own.
  const encoded = await soxBytes([...RAW_SAMPLES, ...encoding, ...quality, '-', ...effects], input, `the ${channel.codec} channel`);
  return samplesOf(await soxBytes([...encoding, '-', ...RAW_SAMPLES], encoded, `decoding ${channel.codec}`));
}
