/**
 * Chooses the broker (embedded unless MQTT_URL names one) and connects the server's client
 * to it. With the embedded broker the server signs in with a secret made for this process.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config';
import type { DeviceService } from '../services/device.service';
import { startEmbeddedBroker } from './embedded-broker';
import { FleetClient } from './fleet-client';
import type { Principal } from './broker-access';

export type FleetMessaging = {
  client: FleetClient;
  /** The broker's address for clients on this machine (the CLI, tests, the benchmark). */
  brokerUrl: string;
  /** Serves MQTT over WebSocket on the web server (embedded broker only), ending those connections when it closes. */
  attach(app: FastifyInstance): void;
  /** Ends a revoked device's open connections (embedded broker; an external one checks at sign-in). */
  disconnectDevice(deviceId: string): void;
  close(): Promise<void>;
};

const SERVER_USERNAME = 'kiosk-server';

export async function startFleetMessaging(config: Config, devices: DeviceService, onError: (error: Error) => void): Promise<FleetMessaging> {
  if (config.mqttUrl) {
    const client = await FleetClient.connect(
      { url: config.mqttUrl, ...(config.mqttUsername ? { username: config.mqttUsername } : {}), ...(config.mqttPassword ? { password: config.mqttPassword } : {}) },
      config.storeId,
      onError,
    );
    return { client, brokerUrl: config.mqttUrl, attach: () => undefined, disconnectDevice: () => undefined, close: () => client.close() };
  }
  const serverSecret = randomBytes(24).toString('base64url');
  const signIn = async (username: string, password: string): Promise<Principal | null> => {
    if (username === SERVER_USERNAME) return password === serverSecret ? { role: 'server' } : null;
    const device = await devices.authenticate(password);
    // The username must be the device's own id, so logs and ACLs name the right device; another store's devices stay out, as from the API.
    return device && device.id === username && device.storeId === config.storeId ? { role: 'device', ...device } : null;
  };
  const broker = await startEmbeddedBroker({ host: config.host, port: config.mqttPort, signIn });
  const client = await FleetClient.connect({ url: broker.localUrl, username: SERVER_USERNAME, password: serverSecret }, config.storeId, onError).catch(async (error: unknown) => {
    await broker.close();
    throw error;
  });
  return {
    client,
    brokerUrl: broker.localUrl,
    attach: (app) => {
      broker.attachWebSocket(app.server);
      // preClose runs before the web server waits for its connections to end: device pages never would.
      app.addHook('preClose', (done) => {
        broker.closeWebSockets();
        done();
      });
    },
    disconnectDevice: (deviceId) => broker.disconnect(deviceId),
    async close() {
      await client.close();
      await broker.close();
    },
  };
}
