/**
 * Chooses the broker (embedded unless MQTT_URL names one) and connects the server's publisher
 * to it. With the embedded broker the server signs in with a secret made for this process.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Config } from '../../config/config';
import type { DeviceService } from '../services/device.service';
import { startEmbeddedBroker } from './embedded-broker';
import { FleetPublisher } from './fleet-publisher';
import type { Principal } from './broker-access';

export type FleetMessaging = {
  publisher: FleetPublisher;
  /** The broker's address for clients on this machine (the CLI, tests, the benchmark). */
  brokerUrl: string;
  /** Serves MQTT over WebSocket on the web server (embedded broker only). */
  attach(server: Server): void;
  close(): Promise<void>;
};

const SERVER_USERNAME = 'kiosk-server';

export async function startFleetMessaging(config: Config, devices: DeviceService, onError: (error: Error) => void): Promise<FleetMessaging> {
  if (config.mqttUrl) {
    const publisher = await FleetPublisher.connect(
      { url: config.mqttUrl, ...(config.mqttUsername ? { username: config.mqttUsername } : {}), ...(config.mqttPassword ? { password: config.mqttPassword } : {}) },
      config.storeId,
      onError,
    );
    return { publisher, brokerUrl: config.mqttUrl, attach: () => undefined, close: () => publisher.close() };
  }
  const serverSecret = randomBytes(24).toString('base64url');
  const signIn = async (username: string, password: string): Promise<Principal | null> => {
    if (username === SERVER_USERNAME) return password === serverSecret ? { role: 'server' } : null;
    const device = await devices.authenticate(password);
    // The username must be the device's own id, so logs and ACLs name the right device.
    return device && device.id === username ? { role: 'device', ...device } : null;
  };
  const broker = await startEmbeddedBroker({ host: config.host, port: config.mqttPort, signIn });
  const publisher = await FleetPublisher.connect({ url: broker.localUrl, username: SERVER_USERNAME, password: serverSecret }, config.storeId, onError);
  return {
    publisher,
    brokerUrl: broker.localUrl,
    attach: (server) => broker.attachWebSocket(server),
    async close() {
      await publisher.close();
      await broker.close();
    },
  };
}
