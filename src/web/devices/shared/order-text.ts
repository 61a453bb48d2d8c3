/** How an order reads on the kitchen display and the pickup board: Korean first, English second. */
import type { OrderTicket } from '../../../iot/messages';

export const DINING_TEXT: Record<string, string> = { dine_in: '매장 · Dine-in', takeout: '포장 · Takeout' };

export function lineText(line: OrderTicket['lines'][number]): { dish: string; options: string } {
  return { dish: `${line.ko} × ${line.quantity}`, options: line.options.map((option) => option.ko).join(' · ') };
}
