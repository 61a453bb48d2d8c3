/**
 * The kiosk's physical body, as far as the screens need it: where a seated customer can reach,
 * and where the card reader is. Millimetres come from settings, so one layout serves every model.
 */

export const CARD_READER_POSITIONS = ['below-right', 'below-left', 'below', 'right', 'left'] as const;
export type CardReaderPosition = (typeof CARD_READER_POSITIONS)[number];

export type KioskReach = { screenHeightMm: number; screenBottomMm: number; maxReachMm: number };

/**
 * The share of the screen, from its bottom edge up, that lies at or below the highest reach: with
 * a 708 mm panel whose bottom edge is 700 mm above the floor and a 1,200 mm reach, 500/708 ≈ 0.71.
 * A panel mounted wholly within reach gives 1; one mounted above it gives 0.
 */
export function reachableShare(reach: KioskReach): number {
  const share = (reach.maxReachMm - reach.screenBottomMm) / reach.screenHeightMm;
  return Math.min(1, Math.max(0, share));
}
