/** The low screen's geometry: the part of the screen above the reach line holds no control. */
import type { CSSProperties } from 'react';
import { reachableShare, type KioskReach } from '../../../domain/kiosk-body';

/** The reach line as a share of the screen's height from the top, for the layout's CSS. */
export function lowReachStyle(reach: KioskReach): CSSProperties {
  return { '--unreachable-share': `${((1 - reachableShare(reach)) * 100).toFixed(2)}%` } as CSSProperties;
}
