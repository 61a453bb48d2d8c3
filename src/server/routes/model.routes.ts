import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { HUMAN_MODELS_DIR, PROJECT_MODELS_DIR, WASM_DIR } from '../../vision/runtime/human-runtime';

/**
 * The kiosk's face and voice models and tfjs's WebAssembly files, served from this server so the browser
 * never fetches anything from a CDN. Model files are versioned by their package, so they cache well.
 */
export const modelRoutes: FastifyPluginAsync = async (app) => {
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
  await serve(PROJECT_MODELS_DIR, '/models/', /^\/(group-head|voice-keywords)\/model\.json$/);
};
