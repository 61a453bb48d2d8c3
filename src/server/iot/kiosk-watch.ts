/**
 * Keeps the console's view of the kiosks: the server listens to every kiosk's status and camera
 * decisions on the broker and records the latest of each in the database (so any instance can
 * answer). Messages that break the contract, or name another kiosk than their topic, are dropped.
 */
import { GroupMessage, KioskStatusMessage, MessageError, parseMessage } from '../../iot/messages';
import type { KioskPresenceRepository } from '../repositories/kiosk-presence.repository';
import type { FleetClient } from './fleet-client';

export function watchKiosks(fleet: FleetClient, presence: KioskPresenceRepository, onError: (error: Error) => void): void {
  const record = (work: () => Promise<void>) => {
    work().catch((error: unknown) => {
      if (!(error instanceof MessageError)) onError(error as Error);
    });
  };
  fleet.subscribe('store/+/kiosk/+/status', (topic, payload) =>
    record(async () => {
      const [, storeId, , kioskId] = topic.split('/') as [string, string, string, string];
      const message = parseMessage(KioskStatusMessage, payload);
      await presence.recordStatus(storeId, kioskId, message.status, message.at);
    }),
  );
  fleet.subscribe('store/+/kiosk/+/group', (topic, payload) =>
    record(async () => {
      const [, storeId, , kioskId] = topic.split('/') as [string, string, string, string];
      const message = parseMessage(GroupMessage, payload);
      if (message.kioskId !== kioskId) throw new MessageError(`A decision for ${message.kioskId} arrived on ${kioskId}'s topic.`);
      await presence.recordDecision(storeId, kioskId, message);
    }),
  );
}
