/**
 * The kiosk's own words (not the menu's): what customers say to pay, choose where to eat, start
 * over, get help or hear again. Written without spaces, as matched.
 */
export const COMMAND_WORDS = {
  checkout: ['결제', '계산', '카드로할게', '카드로할께', '다골랐', '그게다', '이게다', '주문끝', '주문완료'],
  dine_in: ['먹고갈', '먹고가', '여기서먹', '매장에서', '매장식사'],
  takeout: ['포장', '가져갈', '가져가', '싸주', '싸줘', '싸가', '테이크아웃', '들고갈', '가지고갈'],
  restart: ['처음으로', '처음부터', '처음화면'],
  call_staff: ['직원', '도와주', '도와줘', '사람불러', '사람좀불러', '여기좀와', '도움'],
  repeat: ['다시말해', '한번더말해', '다시한번', '뭐라고', '잘못들었', '못들었', '못알아들'],
  remove: ['빼주세요', '빼줘', '빼고', '빼', '취소', '없애', '필요없'],
} as const;

export type CommandWord = keyof typeof COMMAND_WORDS;

/** First words that answer yes or no ("네", "아니요"); "네 개" is the number four, not yes. */
export const YES_WORDS = ['네맞아요', '네', '예', '응', '그래요', '그래', '맞아요', '맞아', '좋아요'];
export const NO_WORDS = ['아니에요', '아니요', '아니오', '아뇨', '아니'];

/** Sounds people make before they answer ("음, 네", "아 아니요"): skipped when looking for the answer. */
export const FILLER_WORDS = ['음', '어', '아', '에', '엄', '흠', '저기', '저기요', '그'];

/** Words that join one dish to the next: what is said after them belongs to the next dish. */
export const CONNECTOR_PATTERN = /,|그리고|이랑|하고|랑|와|과/g;

/** Polite words around an answer ("두 개 주세요", "곱빼기로 부탁해요") that say nothing about the order. */
export const POLITE_WORDS = ['주세요', '줘요', '줘', '주실래요', '줄래요', '해주세요', '해줘요', '해', '해요', '할게요', '부탁해요', '부탁합니다', '좀', '더', '그냥', '여기요', '있어요', '주시겠어요', '으로', '로', '걸로', '걸로요', '거로', '것으로'];
