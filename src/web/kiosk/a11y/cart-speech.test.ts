import { describe, expect, it } from 'vitest';
import { addToCart, EMPTY_CART } from '../../../domain/cart';
import { initialKioskState } from '../../../domain/kiosk-flow';
import type { Menu } from '../../../domain/menu';
import { MESSAGES } from '../i18n/i18n';
import { cartSpeech } from './cart-speech';

const menu: Menu = {
  categories: [{ id: 'meals', ko: '식사', en: 'Meals', imageUrl: null }],
  optionGroups: [
    {
      id: 'spice',
      ko: '맵기',
      en: 'Spice',
      values: [
        { id: 'normal', ko: '보통', en: 'Regular', extraPrice: 0, aliases: [] },
        { id: 'mild', ko: '순한맛', en: 'Mild', extraPrice: 0, aliases: [] },
      ],
    },
  ],
  items: [{ id: 'stew', categoryId: 'meals', ko: '김치찌개', en: 'Kimchi stew', price: 9000, optionGroupIds: ['spice'], imageUrl: null, soldOut: false, aliases: [] }],
};

describe('cartSpeech', () => {
  it('says each dish with its options and count, then how many and the total', () => {
    const cart = addToCart(addToCart(EMPTY_CART, { itemId: 'stew', options: { spice: 'mild' }, quantity: 2 }), { itemId: 'stew', options: { spice: 'normal' }, quantity: 1 });
    const state = { ...initialKioskState(menu), cart };
    expect(cartSpeech(state, menu, MESSAGES.ko, 'ko')).toBe('김치찌개 순한맛 2개, 김치찌개 1개. 담은 메뉴 3개, 합계 27,000원.');
    expect(cartSpeech(state, menu, MESSAGES.en, 'en')).toBe('Kimchi stew Mild, 2, Kimchi stew, 1. 3 items, total ₩27,000.');
  });

  it('says so when nothing is in the cart', () => {
    expect(cartSpeech(initialKioskState(menu), menu, MESSAGES.ko, 'ko')).toBe('아직 담은 메뉴가 없어요.');
  });
});
