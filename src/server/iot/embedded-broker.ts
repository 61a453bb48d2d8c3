/**
 * The broker `npm start` runs itself (aedes): MQTT over TCP for kiosks and boards on the shop's
 * network, and over WebSocket on the web server's `/mqtt` path for device pages in a browser.
 * Every client signs in; what it may publish and subscribe to is decided by broker-access.ts.
 */
import net from 'node:net';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { mayPublish, maySubscribe, type Principal } from './broker-access';

const MQTT_WEBSOCKET_PATH = '/mqtt';

export type EmbeddedBroker = {
  /** Where a client on this machine reaches it over TCP (the real port when started on port 0). */
  localUrl: string;
  /** Serves MQTT over WebSocket on the given HTTP server's `/mqtt` path. */
  attachWebSocket(server: Server): void;
  /** Closes every connection a device has open (it was revoked). */
  disconnect(deviceId: string): void;
  /** Ends the WebSocket connections: open ones would keep the web server from closing. */
  closeWebSockets(): void;
  close(): Promise<void>;
};

export type BrokerOptions = {
  host: string;
  port: number;
  /** Who a username and password belong to, or null to refuse the connection. */
  signIn(username: string, password: string): Promise<Principal | null>;
};

// MQTT's CONNACK code 5, "not authorized" (aedes's own enum is a const enum it does not export at run time).
const NOT_AUTHORIZED = 5;

export async function startEmbeddedBroker({ host, port, signIn }: BrokerOptions): Promise<EmbeddedBroker> {
  const principals = new WeakMap<Client, Principal>();
  const connectionsOf = new Map<string, Set<Client>>();
  const broker = await Aedes.createBroker({
    authenticate(client, username, password, done) {
      signIn(username ?? '', password?.toString('utf8') ?? '').then(
        (principal) => {
          if (principal) {
            principals.set(client, principal);
            if (principal.role === 'device') connectionsOf.set(principal.id, (connectionsOf.get(principal.id) ?? new Set()).add(client));
            done(null, true);
          } else {
            done(Object.assign(new Error('Unknown or revoked credentials.'), { returnCode: NOT_AUTHORIZED }) as AuthenticateError, false);
          }
        },
        (error: Error) => done(Object.assign(error, { returnCode: 3 }) as AuthenticateError, false),
      );
    },
    authorizePublish(client, packet, callback) {
      // Messages the broker itself makes (client null) and the server's own pass; others per rules.
      const principal = client ? principals.get(client) : { role: 'server' as const };
      callback(principal && mayPublish(principal, packet.topic) ? null : new Error(`Not allowed to publish to ${packet.topic}.`));
    },
    authorizeSubscribe(client, subscription, callback) {
      const principal = principals.get(client);
      // A refused subscription is answered with code 128 (failure), not a dropped connection.
      callback(null, principal && maySubscribe(principal, subscription.topic) ? subscription : null);
    },
  });

  broker.on('clientDisconnect', (client) => {
    const principal = principals.get(client);
    if (principal?.role === 'device') connectionsOf.get(principal.id)?.delete(client);
  });

  const tcp = net.createServer((socket) => broker.handle(socket));
  try {
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(port, host, () => resolve());
    });
  } catch (error) {
    // aedes keeps a heartbeat timer running: a broker that cannot listen must not keep the process alive.
    tcp.close();
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw listenError(error as NodeJS.ErrnoException, host, port);
  }
  const webSockets = new WebSocketServer({ noServer: true });
  // Once closing, a late upgrade is refused too: it would keep the web server from closing again.
  let webSocketsClosed = false;
  const closeWebSockets = () => {
    webSocketsClosed = true;
    for (const client of webSockets.clients) client.terminate();
  };

  return {
    localUrl: localUrl(tcp.address() as net.AddressInfo),
    attachWebSocket(server) {
      server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        // Nothing else on this server speaks WebSocket: other upgrades are closed, not left hanging.
        if (webSocketsClosed || new URL(request.url ?? '/', 'http://localhost').pathname !== MQTT_WEBSOCKET_PATH) return void socket.destroy();
        webSockets.handleUpgrade(request, socket, head, (webSocket) => broker.handle(createWebSocketStream(webSocket), request));
      });
    },
    disconnect(deviceId) {
      for (const client of connectionsOf.get(deviceId) ?? []) client.close();
      connectionsOf.delete(deviceId);
    },
    closeWebSockets,
    async close() {
      closeWebSockets();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const why = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message;
  return new Error(`The MQTT broker could not listen on ${host}:${port} (${why}): choose another port with MQTT_PORT, or an external broker with MQTT_URL.`, { cause: error });
}

function localUrl({ address, family, port }: net.AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `mqtt://127.0.0.1:${port}`;
  return family === 'IPv6' ? `mqtt://[${address}]:${port}` : `mqtt://${address}:${port}`;
}
