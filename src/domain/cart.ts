import { ORDER_LIMITS } from './order-rules';
import type { LineRequest } from './pricing';

/** A line in the customer's cart; `key` identifies the same item with the same options. */
export type CartLine = { key: string; itemId: string; quantity: number; options: Record<string, string> };

export type Cart = readonly CartLine[];

export const EMPTY_CART: Cart = [];

export function lineKey(itemId: string, options: Record<string, string>): string {
  const sorted = Object.keys(options)
    .sort()
    .map((groupId) => `${groupId}=${options[groupId]}`);
  return [itemId, ...sorted].join('|');
}

export function clampQuantity(quantity: number): number {
  return Math.min(ORDER_LIMITS.maxQuantity, Math.max(ORDER_LIMITS.minQuantity, Math.round(quantity)));
}

/** Adds a line, merging it into an existing line with the same item and options. */
export function addToCart(cart: Cart, line: LineRequest): Cart {
  const options = line.options ?? {};
  const key = lineKey(line.itemId, options);
  const existing = cart.find((candidate) => candidate.key === key);
  if (existing) return setLineQuantity(cart, key, existing.quantity + line.quantity);
  if (cart.length >= ORDER_LIMITS.maxLines) return cart;
  return [...cart, { key, itemId: line.itemId, quantity: clampQuantity(line.quantity), options }];
}

export function setLineQuantity(cart: Cart, key: string, quantity: number): Cart {
  return cart.map((line) => (line.key === key ? { ...line, quantity: clampQuantity(quantity) } : line));
}

export function removeLine(cart: Cart, key: string): Cart {
  return cart.filter((line) => line.key !== key);
}

export function itemCount(cart: Cart): number {
  return cart.reduce((sum, line) => sum + line.quantity, 0);
}

export function toLineRequests(cart: Cart): LineRequest[] {
  return cart.map(({ itemId, quantity, options }) => ({ itemId, quantity, options }));
}
