/**
 * Security headers on every response (pages, API, errors): a strict Content-Security-Policy under
 * which a page runs only this server's own scripts and talks only to this server (and, where
 * MQTT_WS_URL names one, the store's own broker). The kiosk loads nothing remote: fonts, models and
 * wasm all come from here, so nothing else needs to be allowed.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config';

export function contentSecurityPolicy(config: Pick<Config, 'mqttWebSocketUrl'>): Record<string, string[]> {
  // 'self' covers ws:/wss: to this host (CSP 3), i.e. the embedded broker on /mqtt.
  const connect = ["'self'", ...(config.mqttWebSocketUrl ? [new URL(config.mqttWebSocketUrl).origin] : [])];
  return {
    'default-src': ["'self'"],
    // tfjs runs its WebAssembly backend, which needs to compile wasm; no inline script and no eval.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    // Built CSS comes as files; React's style props go through the CSSOM, which CSP does not block.
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    // Spoken prompts from the server and the camera's preview stream.
    'media-src': ["'self'", 'blob:'],
    'connect-src': connect,
    // mqtt.js runs its keep-alive timers in a worker made from a blob, so a background tab's
    // throttled timers do not drop a device page off the broker.
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyHelmet, {
    // Not helmet's defaults: they allow inline styles and remote fonts, and upgrade-insecure-requests
    // would break a kiosk reaching the server over plain HTTP on the shop's LAN.
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    // Pictures and models are fetched by our own pages only.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}
