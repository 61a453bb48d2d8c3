/**
 * A paired kiosk listening to the store's model announcements (`models/+/active`, retained) on the
 * test server's own /mqtt, as a kiosk page does: start the server on EMBEDDED_BROKER for it.
 */
import { ModelActiveMessage, parseMessage } from '../iot/messages';
import { DeviceRepository } from '../server/repositories/device.repository';
import { DeviceService } from '../server/services/device.service';
import { listen, type Listener } from './mqtt-listener';
import type { TestServer } from './test-server';

export type ModelAnnouncements = Listener & {
  /** The announcement of `model` running `version` (already heard, or still to come). */
  announced(model: string, version: string): Promise<ModelActiveMessage>;
};

export async function listenToModelAnnouncements(server: TestServer, kioskId = 'kiosk-1'): Promise<ModelAnnouncements> {
  const { credential } = await new DeviceService(new DeviceRepository(server.db)).register({ id: kioskId, storeId: server.config.storeId, kind: 'kiosk' });
  const kiosk = await listen(`${server.url.replace('http', 'ws')}/mqtt`, { username: kioskId, password: credential });
  await kiosk.client.subscribeAsync('models/+/active');
  return {
    ...kiosk,
    announced: async (model, version) =>
      parseMessage(ModelActiveMessage, (await kiosk.next((message) => message.topic === `models/${model}/active` && message.payload.includes(`"${version}"`))).payload),
  };
}
