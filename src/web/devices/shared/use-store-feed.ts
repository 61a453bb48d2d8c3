/**
 * Keeps a device page's list in step with the store: loads the current list over HTTP on every
 * (re)connection to the broker, then applies each validated message as it arrives. Messages that
 * break the contract are dropped, never shown.
 */
import mqtt from 'mqtt';
import { useEffect, useState } from 'react';
import type { Static, TSchema } from 'typebox';
import { MessageError, parseMessage } from '../../../iot/messages';
import { brokerUrl, type DeviceSession } from '../../shared/device-session';

export type FeedStatus = 'connecting' | 'live' | 'offline';

export type StoreFeed<T> = { items: T[]; status: FeedStatus; setItems: (update: (items: T[]) => T[]) => void };

export function useStoreFeed<S extends TSchema, T>(
  session: DeviceSession,
  topic: string,
  schema: S,
  load: () => Promise<T[]>,
  apply: (items: T[], message: Static<S>) => T[],
): StoreFeed<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<FeedStatus>('connecting');

  useEffect(() => {
    let live = true;
    const client = mqtt.connect(brokerUrl(session), {
      username: session.device.id,
      password: session.credential,
      clientId: `${session.device.id}-${Math.random().toString(36).slice(2, 8)}`,
      reconnectPeriod: 2000,
    });
    // Messages that arrive while the list is loading are kept and applied on top of it.
    let arrivedWhileLoading: Static<S>[] | null = null;
    client.on('connect', () => {
      arrivedWhileLoading = [];
      // Subscribed first, then loaded: whatever happened while away is in the list the server gives now.
      client.subscribe(topic, { qos: 1 }, () => {
        load().then(
          (loaded) => {
            if (!live) return;
            setItems((arrivedWhileLoading ?? []).reduce(apply, loaded));
            arrivedWhileLoading = null;
            setStatus('live');
          },
          () => live && setStatus('offline'),
        );
      });
    });
    client.on('offline', () => live && setStatus('offline'));
    client.on('message', (_topic, payload) => {
      try {
        const message = parseMessage(schema, payload);
        if (arrivedWhileLoading) arrivedWhileLoading.push(message);
        else setItems((current) => apply(current, message));
      } catch (error) {
        if (!(error instanceof MessageError)) throw error;
        console.warn(`Dropped a message on ${topic}: ${error.message}`);
      }
    });
    return () => {
      live = false;
      client.end(true);
    };
    // One connection per page: the session, topic and handlers do not change while it is open.
  }, [session]);

  return { items, status, setItems };
}
