/** A real MQTT client that collects what arrives, so tests can wait for a message. */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export type Received = { topic: string; payload: string };

export type Listener = {
  client: MqttClient;
  received: Received[];
  /** Resolves with the first message (already here or still to come) that `match` accepts. */
  next(match: (message: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
};

export async function listen(url: string, options: IClientOptions = {}): Promise<Listener> {
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5000, ...options });
  const received: Received[] = [];
  const waiters: { match: (message: Received) => boolean; resolve: (message: Received) => void }[] = [];
  client.on('message', (topic, payload) => {
    const message = { topic, payload: payload.toString('utf8') };
    received.push(message);
    for (const waiter of waiters.filter((candidate) => candidate.match(message))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  return {
    client,
    received,
    next(match, timeoutMs = 5000) {
      const already = received.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No matching MQTT message within ${timeoutMs} ms; got ${JSON.stringify(received)}`)), timeoutMs);
        waiters.push({ match, resolve: (message) => (clearTimeout(timer), resolve(message)) });
      });
    },
    close: () => client.endAsync(),
  };
}
