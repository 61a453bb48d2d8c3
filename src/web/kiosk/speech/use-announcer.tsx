/** The kiosk's announcer for React: the shell makes it, screens reach it, the live region shows it. */
import { createContext, useContext, useState, useSyncExternalStore } from 'react';
import { Announcer, type Announcement } from './announcer';

export const AnnouncerContext = createContext<Announcer | null>(null);

/**
 * The shell's one announcer. `speechOn` is the single switch for speaking on its own; it is set
 * while rendering so that effects announcing in the same commit already follow it.
 */
export function useShellAnnouncer(speechOn: boolean, guided: boolean): Announcer {
  const [announcer] = useState(() => new Announcer());
  announcer.speechOn = speechOn;
  announcer.guided = guided;
  return announcer;
}

export function useAnnouncer(): Announcer {
  const announcer = useContext(AnnouncerContext);
  if (!announcer) throw new Error('useAnnouncer must be used inside the kiosk shell.');
  return announcer;
}

export function useLatestAnnouncement(): Announcement | null {
  const announcer = useAnnouncer();
  return useSyncExternalStore(announcer.subscribe, announcer.latest);
}
