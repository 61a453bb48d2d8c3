/**
 * What the offline recognizer can hear: the store's menu words (item names, option values and
 * their aliases), quantities 1–10 with counters, and the kiosk's own commands. Each phrase is
 * written as a customer says it (numbers as words) and is what the order parser receives.
 */
import type { Menu } from '../../domain/menu';

export type PhraseKind = 'item' | 'option' | 'quantity' | 'command';
export type Phrase = { text: string; kind: PhraseKind };

/** What each kind of screen listens for: the easy-mode dialog asks one thing at a time. */
export const LISTENING_SCREENS = {
  /** Choosing a dish (and "anything else?"). */
  menu: ['item', 'command'],
  /** Setting up a dish: how many, which option. */
  dish: ['quantity', 'option', 'command'],
  /** A yes/no question, eat in or take out, paying. */
  question: ['command'],
} as const satisfies Record<string, readonly PhraseKind[]>;

export type ListeningScreen = keyof typeof LISTENING_SCREENS;

/** The screen a phrase answers; commands count on the menu screen, where they have the most to be confused with. */
export function screenOf(kind: PhraseKind): ListeningScreen {
  return kind === 'quantity' || kind === 'option' ? 'dish' : 'menu';
}

const NATIVE = ['한', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉', '열'];
const NATIVE_STANDALONE = ['하나', '둘', '셋', '넷', '다섯', '여섯', '일곱', '여덟', '아홉', '열'];
const SINO = ['일', '이', '삼', '사', '오', '육', '칠', '팔', '구', '십'];
const NATIVE_COUNTERS = ['개', '잔', '그릇', '병', '접시'];

/** The short answers the easy-mode dialog asks for; the parser knows many more ways to say them. */
export const COMMAND_PHRASES = ['네', '예', '아니요', '결제할게요', '포장이요', '먹고 갈게요', '직원 불러 주세요', '처음으로', '다시 말해 주세요'];

export function quantityPhrases(): string[] {
  return [
    ...NATIVE.flatMap((number) => NATIVE_COUNTERS.map((counter) => `${number} ${counter}`)),
    ...SINO.map((number) => `${number} 인분`),
    ...NATIVE_STANDALONE,
  ];
}

export function vocabularyOf(menu: Menu): Phrase[] {
  const phrases: Phrase[] = [];
  const seen = new Set<string>();
  // Written differently, said the same ("김치 찌개", "김치찌개"): one phrase.
  const add = (text: string, kind: PhraseKind) => {
    const key = text.replace(/\s+/g, '');
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    phrases.push({ text: text.trim(), kind });
  };
  for (const item of menu.items) [item.ko, ...item.aliases].forEach((text) => add(text, 'item'));
  for (const group of menu.optionGroups) for (const value of group.values) [value.ko, ...value.aliases].forEach((text) => add(text, 'option'));
  quantityPhrases().forEach((text) => add(text, 'quantity'));
  COMMAND_PHRASES.forEach((text) => add(text, 'command'));
  return phrases;
}
