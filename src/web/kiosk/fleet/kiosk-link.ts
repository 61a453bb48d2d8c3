/**
 * A paired kiosk on the broker: it says it is online (the broker says "offline" for it as its last
 * will if it drops), reports each camera decision (group and confidence, never an image) and
 * hears which model versions the store runs. Loaded only when the kiosk is paired.
 */
import mqtt from 'mqtt';
import type { PresenceDecision } from '../../../domain/presence';
import { encodeMessage, GroupMessage, KioskStatusMessage, MESSAGE_VERSION, ModelActiveMessage, parseMessage, type ModelActiveMessage as ModelAnnouncement } from '../../../iot/messages';
import { topics } from '../../../iot/topics';
import { brokerUrl, type DeviceSession } from '../../shared/device-session';

export type KioskLink = {
  reportDecision(decision: PresenceDecision, modelVersion: string): void;
  close(): void;
};

export function connectKioskLink(session: DeviceSession, onModelAnnounced: (announcement: ModelAnnouncement) => void): KioskLink {
  const { id: kioskId, storeId } = session.device;
  const statusTopic = topics.kioskStatus(storeId, kioskId);
  const status = (value: 'online' | 'offline') => encodeMessage(KioskStatusMessage, { v: MESSAGE_VERSION, status: value, at: new Date().toISOString() });
  const client = mqtt.connect(brokerUrl(session), {
    username: kioskId,
    password: session.credential,
    clientId: `${kioskId}-${Math.random().toString(36).slice(2, 8)}`,
    reconnectPeriod: 2000,
    will: { topic: statusTopic, payload: status('offline'), qos: 1, retain: true },
  });
  client.on('connect', () => {
    client.publish(statusTopic, status('online'), { qos: 1, retain: true });
    client.subscribe(topics.modelActive('+'), { qos: 1 });
  });
  client.on('message', (_topic, payload) => {
    try {
      onModelAnnounced(parseMessage(ModelActiveMessage, payload));
    } catch {
      // A message that breaks the contract changes nothing on the kiosk.
    }
  });
  return {
    reportDecision(decision, modelVersion) {
      const message = { v: MESSAGE_VERSION, kioskId, group: decision.group, confidence: decision.confidence, modelVersion, decidedAt: new Date().toISOString() } as const;
      client.publish(topics.kioskGroup(storeId, kioskId), encodeMessage(GroupMessage, message), { qos: 1 });
    },
    close() {
      client.publish(statusTopic, status('offline'), { qos: 1, retain: true }, () => client.end());
    },
  };
}
