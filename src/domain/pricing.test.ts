import { describe, expect, it } from 'vitest';
import { demoMenu } from '../test-support/demo-menu';
import { priceOrder } from './pricing';

const menu = demoMenu();

describe('priceOrder', () => {
  it('prices items with option charges from the menu', () => {
    const result = priceOrder(menu, [
      { itemId: 'kimchi-stew', quantity: 2, options: { spice: 'mild', rice: 'extra' } },
      { itemId: 'naengmyeon', quantity: 1, options: { size: 'large' } },
      { itemId: 'cola', quantity: 3 },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order.lines.map((line) => [line.unitPrice, line.lineTotal])).toEqual([
      [10000, 20000],
      [11000, 11000],
      [2000, 6000],
    ]);
    expect(result.order.total).toBe(37000);
  });

  it('fills options that were not said with their defaults, in the item order', () => {
    const result = priceOrder(menu, [{ itemId: 'kimchi-stew', quantity: 1, options: { rice: 'extra' } }]);
    expect(result.ok && result.order.lines[0]?.options.map((option) => `${option.groupId}=${option.value.id}`)).toEqual([
      'spice=medium',
      'rice=extra',
    ]);
  });

  it.each([
    [{ itemId: 'pizza', quantity: 1 }, 'items[0].itemId', 'Unknown item "pizza"'],
    [{ itemId: 'cola', quantity: 0 }, 'items[0].quantity', 'from 1 to 99'],
    [{ itemId: 'cola', quantity: 100 }, 'items[0].quantity', 'from 1 to 99'],
    [{ itemId: 'cola', quantity: 1.5 }, 'items[0].quantity', 'whole number'],
    [{ itemId: 'cola', quantity: 1, options: { size: 'large' } }, 'items[0].options.size', 'has no option "size"'],
    [{ itemId: 'naengmyeon', quantity: 1, options: { size: 'huge' } }, 'items[0].options.size', 'no value "huge"'],
  ])('refuses %j', (line, path, message) => {
    const result = priceOrder(menu, [line]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ path })]);
    expect(result.problems[0]?.message).toContain(message);
  });

  it('refuses empty orders, more than 50 lines and sold-out items', () => {
    expect(priceOrder(menu, []).ok).toBe(false);
    const many = Array.from({ length: 51 }, () => ({ itemId: 'cola', quantity: 1 }));
    expect(priceOrder(menu, many)).toMatchObject({ ok: false, problems: [{ path: 'items' }] });
    expect(priceOrder(demoMenu({ soldOut: ['cola'] }), [{ itemId: 'cola', quantity: 1 }]).ok).toBe(false);
  });

  it('prices a sold-out item when told to accept it (an order the customer already holds a number for)', () => {
    const soldOut = demoMenu({ soldOut: ['cola'] });
    expect(priceOrder(soldOut, [{ itemId: 'cola', quantity: 2 }], { acceptSoldOut: true })).toMatchObject({ ok: true, order: { total: 2 * menu.items.find((item) => item.id === 'cola')!.price } });
    // Everything else is still checked.
    expect(priceOrder(soldOut, [{ itemId: 'cola', quantity: 0 }], { acceptSoldOut: true }).ok).toBe(false);
  });

  it('reports every problem at once', () => {
    const result = priceOrder(menu, [
      { itemId: 'nope', quantity: 1 },
      { itemId: 'cola', quantity: -1 },
    ]);
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual(['items[0].itemId', 'items[1].quantity']);
  });
});
