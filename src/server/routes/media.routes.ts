import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../errors';
import { isPublicKey, type FileStore } from '../storage/file-store';

/** Serves stored pictures; keys are checked so no path leads outside the store or into its private folder. */
export const mediaRoutes: FastifyPluginAsyncTypebox<{ files: FileStore }> = async (app, { files }) => {
  app.get('/media/*', { schema: { params: Type.Object({ '*': Type.String() }) } }, async (request, reply) => {
    const key = request.params['*'];
    const file = isPublicKey(key) ? await files.get(key) : null;
    if (!file) throw notFound('File');
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      // An uploaded SVG could carry script: opened directly, it may run none.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(file.data);
  });
};
