import { describe, expect, it } from 'vitest';
import { demoMenu } from '../test-support/demo-menu';
import { easyStepOf, initialKioskState, reduceKiosk, type KioskEvent, type KioskState } from './kiosk-flow';

const menu = demoMenu({ soldOut: ['cider'] });
const run = (events: KioskEvent[], from: KioskState = initialKioskState(menu)) =>
  events.reduce((state, event) => reduceKiosk(state, event, menu), from);

describe('kiosk flow', () => {
  it('walks the easy-mode questions for an item: each option group, then how many', () => {
    const state = run([
      { type: 'start', mode: 'easy' },
      { type: 'choose_item', itemId: 'kimchi-stew' },
      { type: 'choose_option', groupId: 'spice', valueId: 'mild' },
      { type: 'next_question' },
      { type: 'next_question' },
      { type: 'next_question' },
      { type: 'set_draft_quantity', quantity: 2 },
    ]);
    expect(state.draft).toEqual({ itemId: 'kimchi-stew', options: { spice: 'mild', rice: 'none' }, quantity: 2, question: 2 });
    const added = reduceKiosk(state, { type: 'add_draft' }, menu);
    expect(added.phase).toBe('review');
    expect(added.cart).toHaveLength(1);
  });

  it('returns to the menu after adding in standard mode', () => {
    const state = run([{ type: 'start', mode: 'standard' }, { type: 'choose_item', itemId: 'cola' }, { type: 'add_draft' }]);
    expect(state.phase).toBe('browse');
    expect(state.cart.map((line) => line.itemId)).toEqual(['cola']);
  });

  it('keeps the cart and the item being chosen when the mode changes', () => {
    const state = run([
      { type: 'start', mode: 'standard' },
      { type: 'choose_item', itemId: 'bibimbap' },
      { type: 'add_draft' },
      { type: 'choose_item', itemId: 'kimchi-stew' },
      { type: 'set_mode', mode: 'easy' },
    ]);
    expect(state).toMatchObject({ mode: 'easy', phase: 'configure', draft: { itemId: 'kimchi-stew', question: 0 } });
    expect(state.cart).toHaveLength(1);
  });

  it('goes back from the dish list to the order so far, or to the first screen when nothing is chosen', () => {
    const browsing = run([{ type: 'start', mode: 'easy' }]);
    expect(reduceKiosk(browsing, { type: 'back' }, menu)).toMatchObject({ phase: 'welcome', mode: 'easy' });
    const more = run([{ type: 'choose_item', itemId: 'cola' }, { type: 'add_draft' }, { type: 'browse' }], browsing);
    expect(reduceKiosk(more, { type: 'back' }, menu)).toMatchObject({ phase: 'review', cart: [{ itemId: 'cola' }] });
  });

  it('goes back one question at a time, then to the menu', () => {
    const configured = run([{ type: 'start', mode: 'easy' }, { type: 'choose_item', itemId: 'kimchi-stew' }, { type: 'next_question' }]);
    const once = reduceKiosk(configured, { type: 'back' }, menu);
    expect(once.draft?.question).toBe(0);
    expect(reduceKiosk(once, { type: 'back' }, menu)).toMatchObject({ phase: 'browse', draft: null });
  });

  it('cannot check out an empty cart or pick a sold-out item', () => {
    const started = run([{ type: 'start', mode: 'standard' }]);
    expect(reduceKiosk(started, { type: 'checkout' }, menu).phase).toBe('browse');
    expect(reduceKiosk(started, { type: 'choose_item', itemId: 'cider' }, menu).phase).toBe('browse');
  });

  it('goes from checkout to paid and clears everything on reset', () => {
    const paid = run([
      { type: 'start', mode: 'easy' },
      { type: 'choose_item', itemId: 'cola' },
      { type: 'add_draft' },
      { type: 'checkout' },
      { type: 'choose_dining', diningOption: 'takeout' },
      { type: 'paid', order: { callNumber: '7', total: 2000, payAtCounter: false } },
    ]);
    expect(paid).toMatchObject({ phase: 'done', diningOption: 'takeout', placedOrder: { callNumber: '7' }, cart: [] });
    expect(reduceKiosk(paid, { type: 'reset' }, menu)).toEqual(initialKioskState(menu));
  });

  it('numbers the easy-mode steps 1 to 4 up to payment', () => {
    expect((['browse', 'configure', 'review', 'dining', 'payment', 'done'] as const).map(easyStepOf)).toEqual([1, 1, 2, 3, 4, null]);
  });

  it("keeps the camera's decision through the order and forgets it when the customer leaves", () => {
    const seen = run([{ type: 'customer_seen', group: 'senior_female' }, { type: 'set_mode', mode: 'easy' }, { type: 'start', mode: 'easy' }]);
    expect(seen.customerGroup).toBe('senior_female');
    expect(reduceKiosk(seen, { type: 'customer_left' }, menu)).toMatchObject({ customerGroup: 'unknown', mode: 'easy' });
    const atWelcome = run([{ type: 'customer_seen', group: 'senior_male' }, { type: 'set_mode', mode: 'easy' }, { type: 'customer_left' }]);
    expect(atWelcome).toMatchObject({ customerGroup: 'unknown', mode: 'standard', phase: 'welcome' });
    expect(reduceKiosk(seen, { type: 'reset' }, menu).customerGroup).toBe('unknown');
  });

  it('remembers that the customer used voice until the next customer', () => {
    const spoken = run([{ type: 'start', mode: 'easy' }, { type: 'voice_understood' }, { type: 'choose_item', itemId: 'cola' }]);
    expect(spoken.usedVoice).toBe(true);
    expect(run([{ type: 'start', mode: 'easy' }]).usedVoice).toBe(false);
    expect(reduceKiosk(spoken, { type: 'reset' }, menu).usedVoice).toBe(false);
  });

  it('adds several dishes said at once with default options, and removes a dish by name', () => {
    const added = run([{ type: 'start', mode: 'easy' }, { type: 'add_lines', lines: [{ itemId: 'kimchi-stew', quantity: 2, options: { spice: 'mild' } }, { itemId: 'cola', quantity: 1 }] }]);
    expect(added.phase).toBe('review');
    expect(added.cart.map((line) => [line.itemId, line.quantity, line.options])).toEqual([
      ['kimchi-stew', 2, { spice: 'mild', rice: 'none' }],
      ['cola', 1, {}],
    ]);
    expect(reduceKiosk(added, { type: 'remove_item', itemId: 'kimchi-stew' }, menu).cart.map((line) => line.itemId)).toEqual(['cola']);
  });
});

