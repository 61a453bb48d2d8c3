import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SPEECH_LANGUAGES, type SpeechSynthesizer } from '../speech/speech-synthesizer';

export const speechRoutes: FastifyPluginAsyncTypebox<{ speech: SpeechSynthesizer }> = async (app, { speech }) => {
  app.get(
    '/api/speech',
    { schema: { querystring: Type.Object({ lang: Type.Enum(SPEECH_LANGUAGES), text: Type.String({ minLength: 1, maxLength: 300 }) }) } },
    async (request, reply) => {
      const wav = await speech.wavFor(request.query.text, request.query.lang);
      return reply.header('content-type', 'audio/wav').header('cache-control', 'public, max-age=86400').send(wav);
    },
  );
};
