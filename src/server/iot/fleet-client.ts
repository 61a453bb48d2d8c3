/**
 * The server on the broker. It publishes new orders, order status, staff calls and camera
 * decisions on the topics of docs/mqtt.md, and listens to what kiosks report. Publishing never
 * fails an order: the order is already stored, the client queues messages while the broker is
 * away, and devices reload on reconnect.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { OrderResponse, StaffCallResponse } from '../../contracts/http';
import { encodeMessage, GroupMessage, MESSAGE_VERSION, ModelActiveMessage, OrderMessage, StaffCallMessage } from '../../iot/messages';
import { topicMatches, topics } from '../../iot/topics';

export type BrokerConnection = { url: string; username?: string; password?: string };

export class FleetClient {
  private constructor(
    private readonly client: MqttClient,
    private readonly storeId: string,
    private readonly onError: (error: Error) => void,
  ) {}

  static async connect(connection: BrokerConnection, storeId: string, onError: (error: Error) => void): Promise<FleetClient> {
    const client = await mqtt.connectAsync(connection.url, {
      clientId: `kiosk-server-${storeId}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
      ...(connection.username ? { username: connection.username } : {}),
      ...(connection.password ? { password: connection.password } : {}),
      reconnectPeriod: 1000,
      connectTimeout: 5000,
    });
    client.on('error', onError);
    return new FleetClient(client, storeId, onError);
  }

  orderCreated(order: OrderResponse): void {
    this.orderEvent('created', order);
  }

  orderStatusChanged(order: OrderResponse): void {
    this.orderEvent('status', order);
  }

  orderStatusUndone(order: OrderResponse): void {
    this.orderEvent('undone', order);
  }

  orderCalledAgain(order: OrderResponse): void {
    this.orderEvent('called', order);
  }

  staffCall(event: StaffCallMessage['event'], call: StaffCallResponse): void {
    this.publish(topics.staffCalls(this.storeId), encodeMessage(StaffCallMessage, { v: MESSAGE_VERSION, event, call }));
  }

  groupDecided(decision: Omit<GroupMessage, 'v'>): void {
    this.publish(topics.kioskGroup(this.storeId, decision.kioskId), encodeMessage(GroupMessage, { v: MESSAGE_VERSION, ...decision }));
  }

  /** Retained, so a kiosk that connects later still learns which version to run. */
  modelActive(model: string, version: string, url: string): void {
    this.publish(topics.modelActive(model), encodeMessage(ModelActiveMessage, { v: MESSAGE_VERSION, model, version, url }), true);
  }

  /** Calls `handler` for each message on topics matching `filter` (resubscribed after a reconnect). */
  subscribe(filter: string, handler: (topic: string, payload: Buffer) => void): void {
    this.client.subscribe(filter, { qos: 1 }, (error) => {
      if (error) this.onError(error);
    });
    this.client.on('message', (topic, payload) => {
      if (topicMatches(filter, topic)) handler(topic, payload);
    });
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }

  /** The kitchen and the boards get the ticket: not how it was paid, nor who cancelled it and why (the status says it is). */
  private orderEvent(event: OrderMessage['event'], { payment: _payment, cancellation: _cancellation, ...ticket }: OrderResponse): void {
    this.publish(topics.orders(this.storeId), encodeMessage(OrderMessage, { v: MESSAGE_VERSION, event, order: ticket }));
  }

  private publish(topic: string, payload: string, retain = false): void {
    this.client.publish(topic, payload, { qos: 1, retain }, (error) => {
      if (error) this.onError(error);
    });
  }
}
