import { describe, expect, it } from 'vitest';
import { plainSpeech } from './speech';

describe('plainSpeech', () => {
  it('keeps Korean and English words, digits and the marks the speech route takes', () => {
    expect(plainSpeech('메뉴 12개 중 3번째, 김치찌개, 9,000원 (Kimchi stew) 100% · 맞나요?')).toBe('메뉴 12개 중 3번째, 김치찌개, 9,000원 (Kimchi stew) 100% · 맞나요?');
    expect(plainSpeech('주문 K1-9이 접수되지 않았습니다.')).toBe('주문 K1-9이 접수되지 않았습니다.');
  });

  it('turns arrows, plus signs and other marks into spaces, and never starts with a hyphen', () => {
    expect(plainSpeech('← 이전')).toBe('이전');
    expect(plainSpeech('공기밥 추가, +1,000원!')).toBe('공기밥 추가, 1,000원');
    expect(plainSpeech('--voice=en 안녕')).toBe('voice en 안녕');
    expect(plainSpeech('- -x')).toBe('x');
  });

  it('cuts long text at a word, within 300 characters', () => {
    const long = '김치찌개 하나 '.repeat(60);
    const said = plainSpeech(long);
    expect(said.length).toBeLessThanOrEqual(300);
    expect(said.endsWith('김치찌개') || said.endsWith('하나')).toBe(true);
  });
});
