import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { KioskConfigResponse, MenuResponse } from '../../contracts/http';
import type { Config } from '../../config/config';
import type { MenuService } from '../services/menu.service';
import type { SettingsService } from '../services/settings.service';
import type { DeviceGate } from './device-auth';

export const menuRoutes: FastifyPluginAsyncTypebox<{ menus: MenuService; config: Config; settings: SettingsService; gate: DeviceGate }> = async (app, { menus, config, settings, gate }) => {
  app.get('/api/menu', { schema: { response: { 200: MenuResponse } } }, async () => menus.getMenu());

  // The camera settings are the operator's (console), the rest the server's configuration.
  app.get('/api/config', { schema: { response: { 200: KioskConfigResponse } } }, async (request) => {
    const [store, kioskId] = await Promise.all([settings.get(config.storeId), gate.kioskOrNull(request)]);
    return {
      storeName: config.storeName,
      kioskId,
      paymentTerminal: config.paymentTerminal,
      idleWarningAfterMs: config.idleWarningAfterMs,
      idleWarningDurationMs: config.idleWarningDurationMs,
      orderNumberScreenMs: config.orderNumberScreenMs,
      cameraPolicy: store.cameraPolicy,
      cameraMinConfidence: store.cameraMinConfidence,
      voiceEngine: config.voiceEngine,
      timeZone: config.timeZone,
      operatingHours: store.operatingHours,
      hours: { operatingHours: store.operatingHours, weekdayHours: store.weekdayHours, closedWeekdays: store.closedWeekdays, breakTime: store.breakTime, closedDates: store.closedDates },
      collection: store.collection,
      retentionDays: store.retentionDays,
      reach: config.reach,
      cardReaderPosition: config.cardReaderPosition,
      counterPayment: store.counterPayment,
    };
  });
};
