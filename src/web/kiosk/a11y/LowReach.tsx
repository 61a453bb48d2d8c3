/** The low screen: the part of the screen above the reach line holds only words, never a control. */
import type { CSSProperties } from 'react';
import { reachableShare, type KioskReach } from '../../../domain/kiosk-body';
import { useKiosk } from '../state/kiosk-context';

/** The reach line as a share of the screen's height from the top, for the layout's CSS (a11y.css). */
export function lowReachStyle(reach: KioskReach): CSSProperties {
  return { '--unreachable-share': `${((1 - reachableShare(reach)) * 100).toFixed(2)}%` } as CSSProperties;
}

/** What fills the unreachable part: that the buttons moved, and what the screen asks (said elsewhere too, so hidden from screen readers). */
export function LowReachNote({ prompt }: { prompt: string }) {
  const { t } = useKiosk();
  return (
    <div className="reach-note" aria-hidden="true">
      <p>{t.a11y.lowReachNote}</p>
      <p className="reach-note-prompt">{prompt}</p>
    </div>
  );
}
