import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages.en';
import { ko } from '../i18n/messages.ko';
import { planForDoubt } from './voice-plan';

describe('planForDoubt', () => {
  it('asks a pending yes/no question once more, in Korean and English, then waits quietly', () => {
    expect(planForDoubt('네', '김치찌개 2개 맞으세요?', false, ko)).toEqual({ say: `${ko.voice.askAgain} 김치찌개 2개 맞으세요?`, message: ko.voice.askAgain });
    expect(planForDoubt('', 'Add kimchi stew?', false, en).say).toContain('Add kimchi stew?');
    expect(planForDoubt('네', '김치찌개 2개 맞으세요?', true, ko)).toEqual({ say: null, message: null });
  });

  it('only shows a doubtful phrase elsewhere, and ignores what was not a phrase at all', () => {
    expect(planForDoubt('김치찌개', null, false, ko)).toEqual({ say: null, message: ko.voice.notUnderstood });
    expect(planForDoubt('', null, false, ko)).toEqual({ say: null, message: null });
  });
});
