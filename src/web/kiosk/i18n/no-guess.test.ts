import { describe, expect, it } from 'vitest';
import { groupWordsIn } from '../../../test-support/group-words';
import { MESSAGES } from './i18n';

const COLLECTIONS = ['off', 'embeddings', 'images'] as const;

describe('what the kiosk may say about the camera and its suggestions', () => {
  it.each(['ko', 'en'] as const)('names no customer group in the camera notice or the suggestions (%s)', (language) => {
    const t = MESSAGES[language];
    const texts = [
      ...COLLECTIONS.flatMap((collection) => [t.camera.noticeShort(collection), t.camera.notice(collection, 90)]),
      ...Object.values(t.recommend).map((text) => (typeof text === 'function' ? text('김치찌개') : text)),
    ];
    expect(texts.flatMap(groupWordsIn)).toEqual([]);
  });

  it('catches the words it is meant to catch', () => {
    expect(groupWordsIn('60대 이상 여성 고객님들이 많이 찾는 메뉴 · 다른 분들보다 2.8배 더 찾아요')).toEqual(['60대', '여성', '배 더']);
    expect(groupWordsIn('Popular with women 60+ · your age group · Chosen 2.8× more by this group')).toEqual(['women', '60+', 'age', '× more']);
    expect(groupWordsIn('Page 1 of 3 · Image · Language · menu · 사이드 · 곱빼기')).toEqual([]);
  });
});
