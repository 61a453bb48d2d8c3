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

export function toSvg(document: string): string {
  return receiptline.transform(document, { command: 'svg', encoding: 'ksc5601', cpl: CHARACTERS_PER_LINE });
}
