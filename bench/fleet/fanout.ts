/**
 * MQTT fan-out: one message to 100 subscribed devices, time from publish until each device has it,
 * on the embedded broker (aedes, in the server's process, with its sign-in and access checks) and
 * on mosquitto (Debian's, in C), the broker a user would otherwise pick.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { percentile } from '../../src/shared/percentile';
import { startMosquitto } from '../../src/test-support/mosquitto';
import { topics } from '../../src/iot/topics';
import { startBenchServer } from './bench-server';

export type FanOut = { broker: string; devices: number; messages: number; msP50: number; msP99: number };

// A kiosk's camera decision going to the store's devices: a flow the access rules allow.
const TOPIC = topics.kioskGroup('store-1', 'kiosk-0');

async function measure(broker: string, url: string, devices: { username?: string; password?: string }[], publisher: { username?: string; password?: string }, messages: number): Promise<FanOut> {
  const clients: MqttClient[] = [];
  const latencies: number[] = [];
  try {
    for (const credentials of devices) {
      const client = await mqtt.connectAsync(url, { ...credentials, reconnectPeriod: 0 });
      await client.subscribeAsync(TOPIC, { qos: 1 });
      client.on('message', (_topic, payload) => latencies.push(performance.now() - Number(payload.toString())));
      clients.push(client);
    }
    const sender = await mqtt.connectAsync(url, { ...publisher, reconnectPeriod: 0 });
    clients.push(sender);
    for (let index = 0; index < messages; index += 1) {
      await sender.publishAsync(TOPIC, String(performance.now()), { qos: 1 });
      // One message at a time, as orders come: this measures delivery, not a flood.
      await until(() => latencies.length >= (index + 1) * devices.length, 5000);
    }
    return { broker, devices: devices.length, messages, msP50: percentile(latencies, 0.5), msP99: percentile(latencies, 0.99) };
  } finally {
    await Promise.all(clients.map((client) => client.endAsync()));
  }
}

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error('Messages did not all arrive.');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function measureFanOut(devices = 100, messages = 50): Promise<FanOut[]> {
  const server = await startBenchServer({ BENCH_DEVICES: `kiosk:1,kitchen:${devices}` });
  const login = (credential: string) => ({ username: credential.split('.')[0]!, password: credential });
  const embedded = await measure('embedded (aedes)', server.brokerUrl, (server.credentials.kitchen ?? []).map(login), login(server.credentials.kiosk![0]!), messages).finally(() => server.stop());
  const mosquitto = await startMosquitto();
  try {
    const anonymous = Array.from({ length: devices }, () => ({}));
    return [embedded, await measure('mosquitto', mosquitto.url, anonymous, {}, messages)];
  } finally {
    await mosquitto.stop();
  }
}
