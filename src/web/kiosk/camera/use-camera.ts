/**
 * Connects the camera to the kiosk: a senior customer gets easy mode (policy `auto`) or is asked
 * (policy `suggest`); every decision is kept for the order and sent to the store's decision log
 * (with the face only as far as the store collects it); `off` never starts the camera.
 */
import { useEffect, useRef, useState } from 'react';
import { isSenior } from '../../../domain/customer-group';
import { DEFAULT_PRESENCE } from '../../../domain/presence';
import { useA11y } from '../a11y/a11y-context';
import type { FleetReporter } from '../fleet/use-kiosk-link';
import { useKiosk } from '../state/kiosk-context';
import { CameraWatcher, type CameraStatus } from './camera-watcher';
import { DecisionLogger } from './decision-logger';
import type { Announcer } from '../speech/announcer';

export type CameraOffer = 'switched' | 'suggest' | null;

/** `paused` (the store is closed) stops the camera as `off` would, until the store opens. */
export function useCamera(fleet: FleetReporter, paused: boolean, announcer: Announcer) {
  const kiosk = useKiosk();
  const latest = useRef(kiosk);
  latest.current = kiosk;
  const { keypadUsed } = useA11y();
  const keypad = useRef(keypadUsed);
  keypad.current = keypadUsed;
  const [offer, setOffer] = useState<CameraOffer>(null);
  const [status, setStatus] = useState<CameraStatus>('off');
  const watcher = useRef<CameraWatcher | null>(null);
  const [log] = useState(() => new DecisionLogger());
  const mode = useRef(kiosk.state.mode);
  const policy = paused ? 'off' : kiosk.config.cameraPolicy;

  useEffect(() => {
    if (policy === 'off') return;
    const camera = new CameraWatcher(
      {
        onStatus: setStatus,
        onDecision: (decision, modelVersion, latencyMs) => {
          fleet.reportDecision(decision, modelVersion);
          log.decided(decision, modelVersion, latencyMs, camera.takeSample());
          const { state, send, t } = latest.current;
          send({ type: 'customer_seen', group: decision.group });
          // A customer on the keypad chose how to order: the camera never changes the screen under them.
          if (!isSenior(decision.group) || state.mode === 'easy' || keypad.current) return;
          if (policy === 'auto') {
            log.switchedToEasy();
            send({ type: 'set_mode', mode: 'easy' });
            setOffer('switched');
            announcer.announce(t.camera.switchedPrompt, t.speechLang, { alwaysSpeak: true });
          } else {
            setOffer('suggest');
            announcer.announce(t.camera.suggestPrompt, t.speechLang, { alwaysSpeak: true });
          }
        },
        onLeft: () => {
          log.forget();
          latest.current.send({ type: 'customer_left' });
          setOffer(null);
        },
        // Without a camera the kiosk is simply a kiosk: every mode stays one tap away.
        onUnavailable: () => setOffer(null),
      },
      { ...DEFAULT_PRESENCE, minConfidence: kiosk.config.cameraMinConfidence },
    );
    camera.collect(latest.current.config.collection);
    watcher.current = camera;
    // A newly promoted group head is loaded while the kiosk runs: no restart, no lost customer.
    const unfollow = fleet.followModels((announcement) => {
      if (announcement.model === 'group-head') camera.useHead(announcement.version, announcement.url);
    });
    void camera.start();
    return () => {
      unfollow();
      camera.stop();
    };
  }, [policy, kiosk.config.cameraMinConfidence]);

  // The banner or question belongs to the screen it appeared on; the header's mode button stays.
  // Back at the welcome screen, the next decision is for whoever stands there next.
  useEffect(() => {
    setOffer(null);
    if (kiosk.state.phase !== 'welcome') return;
    watcher.current?.forget();
    log.forget();
  }, [kiosk.state.phase]);

  // After the phase effect: a start-over that also resets the mode is nobody's override.
  useEffect(() => {
    log.modeChanged(mode.current, kiosk.state.mode);
    mode.current = kiosk.state.mode;
  }, [kiosk.state.mode]);

  // The store's collection setting reaches the running worker with the next config.
  useEffect(() => watcher.current?.collect(kiosk.config.collection), [kiosk.config.collection]);

  return {
    /** The camera is announced on screen whenever it may be looking. */
    announced: status === 'starting' || status === 'watching',
    status,
    offer,
    accept: () => {
      kiosk.send({ type: 'set_mode', mode: 'easy' });
      setOffer(null);
    },
    undo: () => {
      kiosk.send({ type: 'set_mode', mode: 'standard' });
      setOffer(null);
    },
    dismiss: () => setOffer(null),
  };
}
