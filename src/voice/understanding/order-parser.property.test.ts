/**
 * The order parser under random and hostile text (property-based, fast-check): Korean syllables,
 * menu words in any order, ASCII, emoji and broken Unicode, very long input. It never throws and
 * always answers a list of intents the kiosk can act on: known dishes, options of that dish,
 * quantities the order rules allow, or `unknown` alone.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findItem, findOptionGroup } from '../../domain/menu';
import { ORDER_LIMITS } from '../../domain/order-rules';
import { demoMenu } from '../../test-support/demo-menu';
import { COMMAND_WORDS, NO_WORDS, POLITE_WORDS, YES_WORDS } from './command-words';
import type { Intent } from './intents';
import { COUNTERS } from './korean-numbers';
import { OrderParser } from './order-parser';

const menu = demoMenu();
const parser = new OrderParser(menu);
let tried = 0;

const INTENT_TYPES = new Set(['add', 'remove', 'quantity', 'option', 'checkout', 'dine_in', 'takeout', 'yes', 'no', 'restart', 'call_staff', 'repeat', 'unknown']);

/** What is wrong with an intent list, if anything (a list of problems reads better than a boolean when a property fails). */
function problemsOf(intents: Intent[]): string[] {
  const problems: string[] = [];
  if (!Array.isArray(intents) || intents.length === 0) return ['no intents'];
  if (intents.some((intent) => intent.type === 'unknown') && intents.length > 1) problems.push('unknown mixed with other intents');
  const validQuantity = (quantity: number) => Number.isInteger(quantity) && quantity >= ORDER_LIMITS.minQuantity && quantity <= ORDER_LIMITS.maxQuantity;
  const validOptions = (options: Record<string, string>, groupIds?: string[]) =>
    Object.entries(options).every(([groupId, valueId]) => (groupIds ? groupIds.includes(groupId) : true) && findOptionGroup(menu, groupId)?.values.some((value) => value.id === valueId));
  for (const intent of intents) {
    if (!INTENT_TYPES.has(intent.type)) problems.push(`unknown type ${intent.type}`);
    if (intent.type === 'add' || intent.type === 'remove') {
      const item = findItem(menu, intent.itemId);
      if (!item) problems.push(`no dish ${intent.itemId}`);
      if (intent.type === 'add' && !validQuantity(intent.quantity)) problems.push(`quantity ${intent.quantity}`);
      if (intent.type === 'add' && !validOptions(intent.options, item?.optionGroupIds)) problems.push(`options ${JSON.stringify(intent.options)} for ${intent.itemId}`);
    }
    if (intent.type === 'quantity' && !validQuantity(intent.quantity)) problems.push(`quantity ${intent.quantity}`);
    if (intent.type === 'option' && (Object.keys(intent.options).length === 0 || !validOptions(intent.options))) problems.push(`options ${JSON.stringify(intent.options)}`);
  }
  return problems;
}

function parsesSafely(text: string): void {
  tried += 1;
  expect(problemsOf(parser.parse(text).intents), text.slice(0, 200)).toEqual([]);
}

const hangul = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((code) => String.fromCharCode(code));
/** Words the parser knows, in any order and number: the likeliest way to confuse it. */
const knownWord = fc.constantFrom(
  ...menu.items.flatMap((item) => [item.ko, ...item.aliases]),
  ...menu.optionGroups.flatMap((group) => group.values.flatMap((value) => [value.ko, ...value.aliases])),
  ...Object.values(COMMAND_WORDS).flat(),
  ...YES_WORDS,
  ...NO_WORDS,
  ...POLITE_WORDS,
  ...COUNTERS,
  '하나', '두', '세', '열', '스물', '백', '천', '만', '0', '99', '100', '999999999999', '-3', '1e9', '2.5', '랑', ',', '그리고', '빼', '취소',
);
const sentence = fc.array(fc.oneof(knownWord, fc.string({ unit: hangul, maxLength: 4 })), { maxLength: 30 }).chain((words) => fc.constantFrom(words.join(' '), words.join('')));
const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: hangul, maxLength: 200 }),
  fc.constantFrom('<script>alert(1)</script>', "'; DROP TABLE orders; --", '__proto__', 'constructor', '\u0000\u0000', '\ud800', '🍜🍜 김치찌개 💥 두 개', '‮김치찌개', ' '.repeat(500)),
);

describe('the order parser with random and hostile text', { timeout: 120_000 }, () => {
  it('reads random sentences of menu words, numbers and commands into valid intents', () => {
    fc.assert(fc.property(sentence, parsesSafely), { numRuns: 2000 });
  });

  it('never throws on random Unicode, ASCII, emoji, lone surrogates or markup', () => {
    fc.assert(fc.property(hostile, parsesSafely), { numRuns: 2000 });
  });

  it('handles very long input (a recognizer that never stops)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(knownWord, hostile), { minLength: 300, maxLength: 1000 }), (parts) => parsesSafely(parts.join(' '))),
      { numRuns: 10 },
    );
  });
});

afterAll(() => {
  console.log(`order parser property tests: ${tried} random and hostile inputs tried`);
});
