/**
 * What one client may cost the embedded broker. MQTT declares a packet's length in its first
 * bytes, and aedes would buffer whatever a CONNECT declares (256 MB) before anyone signed in: the
 * length is read here as the bytes arrive and a connection that declares too much is cut at once.
 * Connections are counted per address and in total; a kiosk's messages are bounded in size and rate.
 */
import type { Duplex } from 'node:stream';

export type BrokerLimits = {
  /** The largest packet before sign-in (a CONNECT with a device's id and credential is ~200 bytes). */
  packetBytesBeforeSignIn: number;
  /** The largest packet after sign-in (the server's order messages are a few KB). */
  packetBytesAfterSignIn: number;
  /** How long a new connection has to sign in. */
  signInTimeoutMs: number;
  connectionsPerAddress: number;
  connections: number;
  /** A kiosk's group and status messages are under 1 KB. */
  kioskPayloadBytes: number;
  /** Messages a kiosk may publish per `kioskPublishWindowMs` (one group decision per customer, a status now and then). */
  kioskPublishes: number;
  kioskPublishWindowMs: number;
};

export const DEFAULT_BROKER_LIMITS: BrokerLimits = {
  packetBytesBeforeSignIn: 4 * 1024,
  packetBytesAfterSignIn: 256 * 1024,
  signInTimeoutMs: 10_000,
  connectionsPerAddress: 64,
  connections: 1000,
  kioskPayloadBytes: 4 * 1024,
  kioskPublishes: 30,
  kioskPublishWindowMs: 60_000,
};

/**
 * Reads each packet's declared length (fixed header: one type byte, then a 1–4 byte length) as
 * the broker reads the stream, and calls `tooLarge` the moment one declares more than `maxBytes()`.
 * It only listens: with aedes's 'readable' listener in charge, 'data' sees each chunk aedes reads.
 */
export function watchPacketLengths(stream: Duplex, maxBytes: () => number, tooLarge: () => void): void {
  let bodyLeft = 0;
  let lengthBytes = -1; // -1: the next byte starts a packet
  let length = 0;
  const onData = (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length) {
      if (bodyLeft > 0) {
        const step = Math.min(bodyLeft, chunk.length - at);
        bodyLeft -= step;
        at += step;
        continue;
      }
      const byte = chunk[at++]!;
      if (lengthBytes === -1) {
        lengthBytes = 0;
        length = 0;
        continue;
      }
      length += (byte & 0x7f) * 128 ** lengthBytes;
      lengthBytes += 1;
      if (byte & 0x80 && lengthBytes < 4) continue;
      lengthBytes = -1;
      if (byte & 0x80 || length > maxBytes()) {
        stream.off('data', onData);
        return tooLarge();
      }
      bodyLeft = length;
    }
  };
  stream.on('data', onData);
}

/** Open connections per client address and in all; `admit` says whether one more may stay. */
export class ConnectionCounter {
  private readonly perAddress = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: Pick<BrokerLimits, 'connections' | 'connectionsPerAddress'>) {}

  /** Counts the connection until `closed` fires; false (nothing counted) when a limit is reached. */
  admit(address: string, closed: (release: () => void) => void): boolean {
    const here = this.perAddress.get(address) ?? 0;
    if (this.total >= this.limits.connections || here >= this.limits.connectionsPerAddress) return false;
    this.perAddress.set(address, here + 1);
    this.total += 1;
    closed(() => {
      this.total -= 1;
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left === 0) this.perAddress.delete(address);
      else this.perAddress.set(address, left);
    });
    return true;
  }
}
