/**
 * `VOICE_ENGINE=whisper` in the page: the microphone's utterances (microphone-hearing.ts) are sent,
 * one at a time, to the store's own server (`POST /api/voice/transcribe`), which dictates them
 * with the operator's whisper model; the text goes to the same order parser as the other engines.
 * Audio goes to this store's server and nowhere else; nothing is kept on the kiosk.
 */
import { FRAME_SECONDS } from '../../../voice/hearing/audio-frames';
import { SEGMENTER_SETTINGS } from '../../../voice/hearing/utterance-segmenter';
import { kioskApi } from '../api/kiosk-api';
import { startMicrophoneHearing, type HearingSession } from './microphone-hearing';
import type { HeardSpeech } from './speech-listener';

/**
 * Sentences, not single words: a longer pause ends a turn, and a turn may run longer (the server
 * takes up to 15 s).
 */
const SENTENCE_SETTINGS = { ...SEGMENTER_SETTINGS, endFrames: Math.round(0.6 / FRAME_SECONDS), maxFrames: Math.round(12 / FRAME_SECONDS) };

/** The [-1, 1] floats as the route takes them: 16-bit little-endian PCM. */
export function toPcm16(samples: Float32Array): ArrayBuffer {
  const view = new DataView(new ArrayBuffer(samples.length * 2));
  samples.forEach((sample, i) => view.setInt16(i * 2, Math.round(Math.max(-1, Math.min(1, sample)) * 32767), true));
  return view.buffer;
}

export function startServerHearing(onHeard: (heard: HeardSpeech) => void, onEnd: (problem?: string) => void): Promise<HearingSession> {
  return startMicrophoneHearing(
    async ({ samples }) => {
      const text = (await kioskApi.transcribe(toPcm16(samples()))).text.trim();
      // The parser judges what whole sentences mean; silence or noise comes back empty.
      return text ? { text, sure: true } : { text: '', sure: false };
    },
    onHeard,
    onEnd,
    { segmenterSettings: SENTENCE_SETTINGS },
  );
}
