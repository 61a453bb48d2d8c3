/**
 * The customer's staff call: made, then watched until the pager answers it, so the kiosk can say
 * "직원이 오고 있어요". Asked over HTTP because every kiosk can (the server's own screen has no
 * broker link). The next customer starts without it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Phase } from '../../../domain/kiosk-flow';
import { kioskApi } from '../api/kiosk-api';

/** How often the kiosk asks whether staff have answered: soon enough for someone waiting. */
export const STAFF_ANSWER_POLL_MS = 2000;

export type StaffCallStatus = 'none' | 'called' | 'coming' | 'failed';

type Call = { status: StaffCallStatus; id: string | null };

const NO_CALL: Call = { status: 'none', id: null };

export function useStaffCall(phase: Phase, onStatus: (status: Exclude<StaffCallStatus, 'none'>) => void) {
  const [call, setCall] = useState<Call>(NO_CALL);
  const announce = useRef(onStatus);
  announce.current = onStatus;

  const update = useCallback((next: Call) => {
    setCall(next);
    if (next.status !== 'none') announce.current(next.status);
  }, []);

  const callStaff = useCallback(async () => {
    try {
      const made = await kioskApi.callStaff({ screen: phase });
      update({ status: 'called', id: made.id });
    } catch {
      update({ status: 'failed', id: null });
    }
  }, [phase, update]);

  useEffect(() => {
    const { id, status } = call;
    if (status !== 'called' || !id) return;
    let forgotten = false;
    const timer = setInterval(() => {
      kioskApi.staffCall(id).then(
        // An answer that arrives after the customer left is not for the next one.
        (answer) => !forgotten && answer.acknowledgedAt && update({ status: 'coming', id }),
        () => undefined, // the server is away for a moment: ask again next time
      );
    }, STAFF_ANSWER_POLL_MS);
    return () => {
      forgotten = true;
      clearInterval(timer);
    };
  }, [call, update]);

  // Back at the welcome screen the customer is gone: the next one has not called anybody.
  const previousPhase = useRef(phase);
  useEffect(() => {
    if (phase === 'welcome' && previousPhase.current !== 'welcome') setCall(NO_CALL);
    previousPhase.current = phase;
  }, [phase]);

  return { status: call.status, callStaff };
}
