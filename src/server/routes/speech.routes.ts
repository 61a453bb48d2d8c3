/**
 * `GET /api/speech`: a spoken prompt as WAV, for the store's screens only (a kiosk, the pickup
 * board and the pager by their credential, or the server's own screen), and only plain words:
 * Korean and English letters, digits and the punctuation prompts, prices and menu names use.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SPEECH_LANGUAGES, type SpeechSynthesizer } from '../speech/speech-synthesizer';
import type { DeviceGate } from './device-auth';

/** Screens that speak: the kiosk's prompts, the pickup board's numbers, the pager's calls. */
const SPEAKING_DEVICES = ['kiosk', 'pickup', 'pager'] as const;

/** Plain words in one line: no control characters, no markup, and never a leading `-`. */
export const SPOKEN_TEXT_PATTERN = "^(?!-)[\\p{Script=Hangul}A-Za-z0-9 .,?!%·()'’“”\":~/&+×…–₩-]+$";

const SpeechQuery = Type.Object({
  lang: Type.Enum(SPEECH_LANGUAGES),
  text: Type.String({ minLength: 1, maxLength: 300, pattern: SPOKEN_TEXT_PATTERN }),
});

export const speechRoutes: FastifyPluginAsyncTypebox<{ speech: SpeechSynthesizer; gate: DeviceGate }> = async (app, { speech, gate }) => {
  app.get(
    '/api/speech',
    { schema: { querystring: SpeechQuery } },
    async (request, reply) => {
      await gate.deviceOrOwnScreen(request, SPEAKING_DEVICES);
      const wav = await speech.wavFor(request.query.text, request.query.lang);
      // Private: the answer depends on who asked, so no shared cache may keep it.
      return reply.header('content-type', 'audio/wav').header('cache-control', 'private, max-age=86400').send(wav);
    },
  );
};
