import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { KioskConfigResponse, MenuResponse } from '../../contracts/http';
import type { Config } from '../../config/config';
import type { MenuService } from '../services/menu.service';

export const menuRoutes: FastifyPluginAsyncTypebox<{ menus: MenuService; config: Config }> = async (app, { menus, config }) => {
  app.get('/api/menu', { schema: { response: { 200: MenuResponse } } }, async () => menus.getMenu());

  app.get('/api/config', { schema: { response: { 200: KioskConfigResponse } } }, async () => ({
    storeName: config.storeName,
    kioskId: config.kioskId,
    paymentTerminal: config.paymentTerminal,
    idleWarningAfterMs: config.idleWarningAfterMs,
    idleWarningDurationMs: config.idleWarningDurationMs,
    orderNumberScreenMs: config.orderNumberScreenMs,
    cameraPolicy: config.cameraPolicy,
    cameraMinConfidence: config.cameraMinConfidence,
    voiceEngine: config.voiceEngine,
  }));
};
