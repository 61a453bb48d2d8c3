import { describe, expect, it } from 'vitest';
import { addToCart, EMPTY_CART, itemCount, lineKey, removeLine, setLineQuantity } from './cart';

describe('cart', () => {
  it('merges the same item with the same options and keeps different options apart', () => {
    let cart = addToCart(EMPTY_CART, { itemId: 'kimchi-stew', quantity: 1, options: { spice: 'mild', rice: 'none' } });
    cart = addToCart(cart, { itemId: 'kimchi-stew', quantity: 2, options: { rice: 'none', spice: 'mild' } });
    cart = addToCart(cart, { itemId: 'kimchi-stew', quantity: 1, options: { spice: 'hot', rice: 'none' } });
    expect(cart.map((line) => [line.options.spice, line.quantity])).toEqual([
      ['mild', 3],
      ['hot', 1],
    ]);
    expect(itemCount(cart)).toBe(4);
  });

  it('keeps quantities between 1 and 99', () => {
    const cart = addToCart(EMPTY_CART, { itemId: 'cola', quantity: 1 });
    const key = lineKey('cola', {});
    expect(setLineQuantity(cart, key, 0)[0]?.quantity).toBe(1);
    expect(setLineQuantity(cart, key, 150)[0]?.quantity).toBe(99);
    expect(addToCart(setLineQuantity(cart, key, 98), { itemId: 'cola', quantity: 5 })[0]?.quantity).toBe(99);
  });

  it('removes a line and leaves the cart untouched by unknown keys', () => {
    const cart = addToCart(addToCart(EMPTY_CART, { itemId: 'cola', quantity: 1 }), { itemId: 'cider', quantity: 1 });
    expect(removeLine(cart, lineKey('cola', {})).map((line) => line.itemId)).toEqual(['cider']);
    expect(removeLine(cart, 'nothing')).toEqual(cart);
  });

  it('stops at 50 lines', () => {
    let cart = EMPTY_CART;
    for (let index = 0; index < 60; index += 1) cart = addToCart(cart, { itemId: `item-${index}`, quantity: 1 });
    expect(cart).toHaveLength(50);
  });
});
