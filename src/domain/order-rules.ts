/** Limits every order must respect, shared by the kiosk UI and the server. */
export const ORDER_LIMITS = {
  minQuantity: 1,
  maxQuantity: 99,
  maxLines: 50,
} as const;

export const DINING_OPTIONS = ['dine_in', 'takeout'] as const;
export type DiningOption = (typeof DINING_OPTIONS)[number];

export const CUSTOMER_GROUPS = ['senior_male', 'senior_female', 'general_male', 'general_female', 'unknown'] as const;
export type CustomerGroup = (typeof CUSTOMER_GROUPS)[number];

export const UI_MODES = ['standard', 'easy'] as const;
export type UiMode = (typeof UI_MODES)[number];

/** A paid order is cooked (ready), then handed over (picked_up); staff move it one step at a time. */
export const ORDER_STATUSES = ['paid', 'ready', 'picked_up'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export function nextStatus(status: string): OrderStatus | null {
  const index = ORDER_STATUSES.indexOf(status as OrderStatus);
  return index >= 0 && index < ORDER_STATUSES.length - 1 ? ORDER_STATUSES[index + 1]! : null;
}

/** The step before, which the kitchen's undo returns to (ready → paid, picked_up → ready). */
export function previousStatus(status: string): OrderStatus | null {
  const index = ORDER_STATUSES.indexOf(status as OrderStatus);
  return index > 0 ? ORDER_STATUSES[index - 1]! : null;
}
