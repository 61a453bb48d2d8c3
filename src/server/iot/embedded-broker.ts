/**
 * The broker `npm start` runs itself (aedes): MQTT over TCP for kiosks and boards on the shop's
 * network, and over WebSocket on the web server's `/mqtt` path for device pages in a browser.
 * Every client signs in; what it may publish and subscribe to is decided by broker-access.ts,
 * and what one client may cost (packet sizes, connections, a kiosk's messages) by broker-limits.ts.
 */
import net from 'node:net';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { mayPublish, maySubscribe, type Principal } from './broker-access';
import { RateBudget } from '../../shared/rate-budget';
import { ConnectionCounter, DEFAULT_BROKER_LIMITS, watchPacketLengths, type BrokerLimits } from './broker-limits';

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
  limits?: BrokerLimits;
};

// MQTT's CONNACK codes (aedes's own enum is a const enum it does not export at run time).
const IDENTIFIER_REJECTED = 2;
const NOT_AUTHORIZED = 5;

export async function startEmbeddedBroker({ host, port, signIn, limits = DEFAULT_BROKER_LIMITS }: BrokerOptions): Promise<EmbeddedBroker> {
  const principals = new WeakMap<Client, Principal>();
  const connectionsOf = new Map<string, Set<Client>>();
  /** Signed-in clients by client id. */
  const clientsById = new Map<string, Client>();
  const connections = new ConnectionCounter(limits);
  const kioskBudget = new RateBudget({ count: limits.kioskPublishes, windowMs: limits.kioskPublishWindowMs });
  const refuse = (message: string, returnCode: number) => Object.assign(new Error(message), { returnCode }) as AuthenticateError;
  const broker = await Aedes.createBroker({
    connectTimeout: limits.signInTimeoutMs,
    authenticate(client, username, password, done) {
      signIn(username ?? '', password?.toString('utf8') ?? '').then(
        (principal) => {
          // aedes would close the session holding this client id for the newcomer: only its own device may take it over.
          const holder = clientsById.get(client.id);
          if (principal && holder && holder !== client && !samePrincipal(principals.get(holder), principal)) {
            done(refuse(`The client id ${client.id} is in use by another client.`, IDENTIFIER_REJECTED), false);
          } else if (principal) {
            principals.set(client, principal);
            if (principal.role === 'device') connectionsOf.set(principal.id, (connectionsOf.get(principal.id) ?? new Set()).add(client));
            done(null, true);
          } else {
            done(refuse('Unknown or revoked credentials.', NOT_AUTHORIZED), false);
          }
        },
        (error: Error) => done(Object.assign(error, { returnCode: 3 }) as AuthenticateError, false),
      );
    },
    authorizePublish(client, packet, callback) {
      // Messages the broker itself makes (client null) and the server's own pass; others per rules.
      const principal = client ? principals.get(client) : { role: 'server' as const };
      if (!principal || !mayPublish(principal, packet.topic)) return callback(new Error(`Not allowed to publish to ${packet.topic}.`));
      // Only kiosks publish (their group and status): small messages, a few a minute. More ends the connection.
      if (principal.role === 'device') {
        if (packet.payload.length > limits.kioskPayloadBytes) return callback(new Error(`A kiosk's message may have at most ${limits.kioskPayloadBytes} bytes.`));
        if (!kioskBudget.spend(principal.id)) return callback(new Error('This kiosk is publishing too often.'));
      }
      callback(null);
    },
    authorizeSubscribe(client, subscription, callback) {
      const principal = principals.get(client);
      // A refused subscription is answered with code 128 (failure), not a dropped connection.
      callback(null, principal && maySubscribe(principal, subscription.topic) ? subscription : null);
    },
  });

  broker.on('client', (client) => clientsById.set(client.id, client));
  broker.on('clientDisconnect', (client) => {
    if (clientsById.get(client.id) === client) clientsById.delete(client.id);
    const principal = principals.get(client);
    if (principal?.role === 'device') connectionsOf.get(principal.id)?.delete(client);
  });

  /** Hands a connection to aedes, if the limits admit it, and cuts it when a packet declares too much. */
  const handle = (stream: Duplex, address: string, request?: IncomingMessage) => {
    if (!connections.admit(address, (release) => stream.once('close', release))) return void stream.destroy();
    const client = broker.handle(stream, request);
    watchPacketLengths(stream, () => (principals.has(client) ? limits.packetBytesAfterSignIn : limits.packetBytesBeforeSignIn), () => stream.destroy());
  };
  const tcp = net.createServer((socket) => handle(socket, socket.remoteAddress ?? ''));
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
  // A WebSocket frame is whole before MQTT sees it: bound it too (the MQTT packet inside is watched as over TCP).
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: limits.packetBytesAfterSignIn + 8 });
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
        webSockets.handleUpgrade(request, socket, head, (webSocket) => handle(createWebSocketStream(webSocket), (socket as net.Socket).remoteAddress ?? '', request));
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

function samePrincipal(a: Principal | undefined, b: Principal): boolean {
  return a !== undefined && a.role === b.role && (a.role === 'server' || (b.role === 'device' && a.id === b.id));
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const why = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message;
  return new Error(`The MQTT broker could not listen on ${host}:${port} (${why}): choose another port with MQTT_PORT, or an external broker with MQTT_URL.`, { cause: error });
}

function localUrl({ address, family, port }: net.AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `mqtt://127.0.0.1:${port}`;
  return family === 'IPv6' ? `mqtt://[${address}]:${port}` : `mqtt://${address}:${port}`;
}
