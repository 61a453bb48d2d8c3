/**
 * Turns a ticket description into what a printer takes (ESC/POS bytes in the Korean code page,
 * KS X 1001 / EUC-KR) and into what the virtual printer keeps (an SVG image of the paper).
 */
import receiptline from 'receiptline';

/** 80 mm paper at Font A: 48 characters a line (a Korean character takes two). */
const CHARACTERS_PER_LINE = 48;

export function toEscPos(document: string): Buffer {
  // receiptline answers a binary string: one character per byte.
  return Buffer.from(receiptline.transform(document, { command: 'escpos', encoding: 'ksc5601', cpl: CHARACTERS_PER_LINE, cutting: true }), 'latin1');
}

/**
 * receiptline draws Korean in the viewer's `monospace`, which often has no Hangul; name the Korean
 * fonts of Windows, macOS, Android and Linux first (a picture cannot load the console's web font).
 */
const KOREAN_FONTS = `'Malgun Gothic', 'Apple SD Gothic Neo', 'Noto Sans Mono CJK KR', 'Noto Sans CJK KR', 'NanumGothicCoding', 'NanumGothic', monospace`;

export function toSvg(document: string): string {
  return receiptline.transform(document, { command: 'svg', encoding: 'ksc5601', cpl: CHARACTERS_PER_LINE }).replace('font-family="monospace"', `font-family="${KOREAN_FONTS}"`);
}
