/**
 * Joins the store's fleet when this kiosk was paired (opened once with its `#pair=` link); an
 * unpaired kiosk orders exactly the same, it is just not seen by the store's devices.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { PresenceDecision } from '../../../domain/presence';
import type { ModelActiveMessage } from '../../../iot/messages';
import { openDeviceSession, pairedCredential } from '../../shared/device-session';
import type { KioskLink } from './kiosk-link';

export type ModelListener = (announcement: ModelActiveMessage) => void;

export type FleetReporter = {
  reportDecision(decision: PresenceDecision, modelVersion: string): void;
  /** Hears each model version the store makes active (the latest of each at once, when already heard); returns the way to stop. */
  followModels(listener: ModelListener): () => void;
};

export function useKioskLink(): FleetReporter {
  const link = useRef<KioskLink | null>(null);
  const listeners = useRef(new Set<ModelListener>());
  // The retained announcement may arrive before the camera listens: the latest per model is kept for it.
  const latest = useRef(new Map<string, ModelActiveMessage>());
  useEffect(() => {
    const credential = pairedCredential('kiosk');
    if (!credential) return;
    let closed = false;
    void Promise.all([openDeviceSession(credential), import('./kiosk-link')])
      .then(([session, { connectKioskLink }]) => {
        if (closed || session.device.kind !== 'kiosk') return;
        link.current = connectKioskLink(session, (announcement) => {
          latest.current.set(announcement.model, announcement);
          for (const listener of listeners.current) listener(announcement);
        });
      })
      .catch(() => undefined); // No server or a revoked pairing: the kiosk still takes orders.
    return () => {
      closed = true;
      link.current?.close();
      link.current = null;
    };
  }, []);
  // One object for the kiosk's life (all its state is in refs), so effects can depend on it.
  return useMemo(
    () => ({
      reportDecision: (decision, modelVersion) => link.current?.reportDecision(decision, modelVersion),
      followModels: (listener) => {
        listeners.current.add(listener);
        for (const announcement of latest.current.values()) listener(announcement);
        return () => listeners.current.delete(listener);
      },
    }),
    [],
  );
}
