/**
 * Payloads on the fleet's topics: JSON with a version field, validated on the way in by every
 * receiver (a broker carries whatever a client sends, so nothing is trusted for its topic alone).
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { OrderResponse, StaffCallResponse } from '../contracts/http';
import { CUSTOMER_GROUPS } from '../domain/order-rules';

/** Bumped when a payload changes incompatibly; receivers refuse versions they do not know. */
export const MESSAGE_VERSION = 1;
const Version = Type.Literal(MESSAGE_VERSION);
const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });

export const GroupMessage = Type.Object({
  v: Version,
  kioskId: Type.String({ maxLength: 64 }),
  group: Type.Enum(CUSTOMER_GROUPS),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  modelVersion: Type.String({ maxLength: 64 }),
  decidedAt: Timestamp,
});
export type GroupMessage = Static<typeof GroupMessage>;

export const KioskStatusMessage = Type.Object({ v: Version, status: Type.Enum(['online', 'offline'] as const), at: Timestamp });
export type KioskStatusMessage = Static<typeof KioskStatusMessage>;

/** What the kitchen and the pickup board need: the order without its payment or the console's cancellation note. */
export const OrderTicket = Type.Omit(OrderResponse, ['payment', 'cancellation']);
export type OrderTicket = Static<typeof OrderTicket>;

/**
 * `undone`: the kitchen took its last step back (the one case an order's status moves backwards);
 * `called`: staff call a ready order's number again on the pickup board.
 */
export const OrderMessage = Type.Object({ v: Version, event: Type.Enum(['created', 'status', 'undone', 'called'] as const), order: OrderTicket });
export type OrderMessage = Static<typeof OrderMessage>;

export const StaffCallMessage = Type.Object({ v: Version, event: Type.Enum(['created', 'acknowledged'] as const), call: StaffCallResponse });
export type StaffCallMessage = Static<typeof StaffCallMessage>;

export const ModelActiveMessage = Type.Object({ v: Version, model: Type.String({ maxLength: 64 }), version: Type.String({ maxLength: 64 }), url: Type.String({ maxLength: 256 }) });
export type ModelActiveMessage = Static<typeof ModelActiveMessage>;

export class MessageError extends Error {}

/** Reads a payload, or throws a MessageError that says what is wrong with it. */
export function parseMessage<T extends TSchema>(schema: T, payload: Uint8Array | string): Static<T> {
  let value: unknown;
  try {
    value = JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload));
  } catch {
    throw new MessageError('The message is not JSON.');
  }
  if (!Value.Check(schema, value)) {
    const [first] = Value.Errors(schema, value);
    throw new MessageError(`The message does not match the contract${first ? `: ${first.instancePath || '/'} ${first.message}` : ''}.`);
  }
  return value as Static<T>;
}

export function encodeMessage<T extends TSchema>(schema: T, message: Static<T>): string {
  if (!Value.Check(schema, message)) throw new MessageError('Refusing to publish a message that does not match the contract.');
  return JSON.stringify(message);
}
