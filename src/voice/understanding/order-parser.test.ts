import { describe, expect, it } from 'vitest';
import { demoMenu } from '../../test-support/demo-menu';
import { findQuantities } from './korean-numbers';
import { OrderParser } from './order-parser';
import { ORDER_CORPUS } from './order-corpus';

const parser = new OrderParser(demoMenu());

describe('OrderParser', () => {
  it('understands the issue examples', () => {
    expect(parser.parse('김치찌개 두 개랑 콜라 하나 주세요').intents).toEqual([
      { type: 'add', itemId: 'kimchi-stew', quantity: 2, options: {} },
      { type: 'add', itemId: 'cola', quantity: 1, options: {} },
    ]);
    expect(parser.parse('물냉면 곱빼기로 하나').intents).toEqual([{ type: 'add', itemId: 'naengmyeon', quantity: 1, options: { size: 'large' } }]);
    expect(parser.parse('아메리카노 차갑게 두 잔').intents).toEqual([{ type: 'add', itemId: 'americano', quantity: 2, options: { temperature: 'iced' } }]);
    expect(parser.parse('네 개').intents).toEqual([{ type: 'quantity', quantity: 4 }]);
    expect(parser.parse('네').intents).toEqual([{ type: 'yes' }]);
    expect(parser.parse('곱빼기로요').intents).toEqual([{ type: 'option', options: { size: 'large' } }]);
  });

  it('understands a dish the moment it is on the menu, with its aliases', () => {
    const menu = demoMenu();
    menu.items.push({ id: 'tteokbokki', categoryId: 'sides', ko: '떡볶이', en: 'Tteokbokki', price: 5000, optionGroupIds: ['spice'], imageUrl: null, soldOut: false, aliases: ['떡뽁이'] });
    expect(parser.parse('떡볶이 두 개 주세요').intents).toEqual([{ type: 'unknown' }]);
    expect(new OrderParser(menu).parse('떡볶이 매운맛으로 두 개 주세요').intents).toEqual([{ type: 'add', itemId: 'tteokbokki', quantity: 2, options: { spice: 'hot' } }]);
  });

  it('does not read 만두 into "하나만 주세요"', () => {
    expect(parser.parse('저기요 김치찌개 하나만 주세요').intents).toEqual([{ type: 'add', itemId: 'kimchi-stew', quantity: 1, options: {} }]);
  });

  it('reads numbers in three systems with counters', () => {
    expect(findQuantities('콜라두개랑사이다3잔이인분').map((quantity) => quantity.value)).toEqual([2, 3, 2]);
  });
});

describe('the utterance corpus', () => {
  it('has at least 300 different utterances', () => {
    expect(ORDER_CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(ORDER_CORPUS.map((entry) => entry.text)).size).toBe(ORDER_CORPUS.length);
  });

  it('is understood fully right at least 97 % of the time', () => {
    const wrong = ORDER_CORPUS.filter((entry) => JSON.stringify(parser.parse(entry.text).intents) !== JSON.stringify(entry.intents));
    const rate = 1 - wrong.length / ORDER_CORPUS.length;
    console.log(`corpus: ${ORDER_CORPUS.length - wrong.length}/${ORDER_CORPUS.length} fully right (${(rate * 100).toFixed(1)} %)`);
    for (const entry of wrong) console.log(`  ${entry.text} → ${JSON.stringify(parser.parse(entry.text).intents)}; expected ${JSON.stringify(entry.intents)}`);
    expect(rate).toBeGreaterThanOrEqual(0.97);
  });
});
