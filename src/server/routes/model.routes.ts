import fastifyStatic from '@fastify/static';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fs from 'node:fs/promises';
import { HUMAN_MODELS_DIR, WASM_DIR } from '../../vision/runtime/human-runtime';
import { AppError } from '../errors';
import { RegistryError, type ModelRegistryService } from '../registry/model-registry.service';
import { GROUP_HEAD } from '../registry/model-version';
import { DEFAULT_VOICE_MODEL_FILE } from '../../voice/hearing/keyword-model-file';
import { VOICE_MODEL_URL, type VoiceModelVersions } from '../voice/voice-model-versions';

/**
 * The kiosk's face and voice models and tfjs's WebAssembly files, served from this server so the browser
 * never fetches anything from a CDN. Package files are versioned by their package, so they cache well;
 * the group head comes from the model registry: its active version (never cached, it changes on
 * promotion) or one version by its id (never changes).
 */
export const modelRoutes: FastifyPluginAsyncTypebox<{ registry: ModelRegistryService; voiceModels: VoiceModelVersions }> = async (app, { registry, voiceModels }) => {
  const serve = (root: string, prefix: string, allowedPath: RegExp) =>
    app.register(fastifyStatic, {
      root,
      prefix,
      decorateReply: false,
      index: false,
      allowedPath: (pathName) => allowedPath.test(pathName),
      setHeaders: (response) => response.setHeader('cache-control', 'public, max-age=86400'),
    });
  await serve(HUMAN_MODELS_DIR, '/models/human/', /^\/(blazeface|faceres)\.(json|bin)$/);
  await serve(WASM_DIR, '/models/wasm/', /^\/tfjs-backend-wasm(-simd|-threaded-simd)?\.wasm$/);

  // The store's active voice version once 음성 학습 kept one, else the shipped model (`npm start` needs no training); never cached: training and rollback change it.
  app.get(VOICE_MODEL_URL, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('application/json').send((await voiceModels.activeModel()) ?? (await fs.readFile(DEFAULT_VOICE_MODEL_FILE))),
  );

  app.get(`/models/${GROUP_HEAD}/model.json`, async (_request, reply) => {
    // The registry imports the shipped head at start, so there is always an active version.
    const active = (await registry.active(GROUP_HEAD))!;
    return reply.header('cache-control', 'no-cache').type('application/json').send(await registry.artifact(GROUP_HEAD, active.version));
  });

  app.get(
    `/models/${GROUP_HEAD}/versions/:version/model.json`,
    { schema: { params: Type.Object({ version: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }) }) } },
    async (request, reply) => {
      const { version } = request.params;
      const artifact = await registry.artifact(GROUP_HEAD, version).catch((error: unknown) => {
        if (error instanceof RegistryError) throw new AppError(404, 'not_found', `No ${GROUP_HEAD} version "${version}".`);
        throw error;
      });
      return reply.header('cache-control', 'public, max-age=31536000, immutable').type('application/json').send(artifact);
    },
  );
};
