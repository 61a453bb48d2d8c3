/**
 * `POST /api/voice/transcribe` (`VOICE_ENGINE=whisper`): one spoken turn from a kiosk, as raw
 * 16 kHz mono 16-bit little-endian PCM (`Content-Type: audio/pcm`), answered as text for the
 * kiosk's order parser. Only the store's kiosks (by credential) or the server's own screen, checked
 * before the body is read; the audio lives only in this request's memory.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../contracts/http';
import { AppError } from '../errors';
import type { MenuService } from '../services/menu.service';
import type { SpeechTranscriber } from '../voice/speech-transcriber';
import { turnPrompt } from '../voice/turn-prompt';
import type { DeviceGate } from './device-auth';

export const TURN_SAMPLE_RATE = 16_000;
/** A kiosk turn is a short answer or one sentence: 15 s is plenty, and caps the decoder's work. */
export const MAX_TURN_SECONDS = 15;
const BYTES_PER_SAMPLE = 2;
export const MAX_TURN_BYTES = MAX_TURN_SECONDS * TURN_SAMPLE_RATE * BYTES_PER_SAMPLE;
/** Shorter than this is a click, not a word. */
const MIN_TURN_SECONDS = 0.1;

const TranscriptResponse = Type.Object({ text: Type.String() });

/** Little-endian 16-bit samples to the [-1, 1] floats whisper takes. */
export function pcm16ToFloat(body: Buffer): Float32Array {
  const samples = new Float32Array(body.length / BYTES_PER_SAMPLE);
  for (let i = 0; i < samples.length; i++) samples[i] = body.readInt16LE(i * BYTES_PER_SAMPLE) / 32768;
  return samples;
}

export const voiceRoutes: FastifyPluginAsyncTypebox<{ transcriber: SpeechTranscriber; menus: MenuService; gate: DeviceGate }> = async (app, { transcriber, menus, gate }) => {
  app.addContentTypeParser('audio/pcm', { parseAs: 'buffer', bodyLimit: MAX_TURN_BYTES }, (_request, body, done) => done(null, body));

  app.post(
    '/api/voice/transcribe',
    {
      onRequest: gate.kioskBefore,
      bodyLimit: MAX_TURN_BYTES,
      schema: { response: { 200: TranscriptResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 503: ErrorResponse } },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length % BYTES_PER_SAMPLE !== 0 || body.length < MIN_TURN_SECONDS * TURN_SAMPLE_RATE * BYTES_PER_SAMPLE) {
        throw new AppError(400, 'invalid_audio', `Send one turn of 16 kHz mono 16-bit little-endian PCM, ${MIN_TURN_SECONDS}–${MAX_TURN_SECONDS} s, with Content-Type: audio/pcm.`);
      }
      const text = await transcriber.transcribe(pcm16ToFloat(body), turnPrompt(await menus.getMenu()));
      return { text };
    },
  );
};
