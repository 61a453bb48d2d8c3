import type { Menu } from '../../../domain/menu';
import { en } from './messages.en';
import { ko, type Messages } from './messages.ko';

export type Language = 'ko' | 'en';

export const MESSAGES: Record<Language, Messages> = { ko, en };

/** A menu entry's name in the chosen language. */
export function nameIn(language: Language, named: { ko: string; en: string }): string {
  return named[language];
}

/** "김치찌개 (순한맛, 공기밥 추가)": the non-default options a line carries, for carts and receipts. */
export function describeOptions(menu: Menu, language: Language, itemOptions: Record<string, string>): string {
  return Object.entries(itemOptions)
    .flatMap(([groupId, valueId]) => {
      const group = menu.optionGroups.find((candidate) => candidate.id === groupId);
      const value = group?.values.find((candidate) => candidate.id === valueId);
      // The first value is the default ("보통", "추가 안 함"): saying it adds nothing.
      return group && value && group.values[0]?.id !== value.id ? [value[language]] : [];
    })
    .join(', ');
}
