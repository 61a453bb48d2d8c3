/**
 * Joins the store's fleet when this kiosk was paired (opened once with its `#pair=` link); an
 * unpaired kiosk orders exactly the same, it is just not seen by the store's devices.
 */
import { useEffect, useRef } from 'react';
import type { PresenceDecision } from '../../../domain/presence';
import { openDeviceSession, pairedCredential } from '../../shared/device-session';
import type { KioskLink } from './kiosk-link';

export type FleetReporter = { reportDecision(decision: PresenceDecision, modelVersion: string): void };

export function useKioskLink(): FleetReporter {
  const link = useRef<KioskLink | null>(null);
  useEffect(() => {
    const credential = pairedCredential('kiosk');
    if (!credential) return;
    let closed = false;
    void Promise.all([openDeviceSession(credential), import('./kiosk-link')])
      .then(([session, { connectKioskLink }]) => {
        if (closed || session.device.kind !== 'kiosk') return;
        link.current = connectKioskLink(session, (announcement) => {
          // Loading a newly announced model without a restart belongs to the model registry.
          console.info(`Store runs ${announcement.model} ${announcement.version}`);
        });
      })
      .catch(() => undefined); // No server or a revoked pairing: the kiosk still takes orders.
    return () => {
      closed = true;
      link.current?.close();
      link.current = null;
    };
  }, []);
  return { reportDecision: (decision, modelVersion) => link.current?.reportDecision(decision, modelVersion) };
}
